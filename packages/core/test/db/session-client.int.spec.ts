import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { expect } from 'chai';
import knexFactory, { type Knex } from 'knex';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import {
  beginThenSettings,
  beginWithSettings,
  FINAL,
  PREPARED,
  SessionPgClient,
} from '../../src/db/session-client.js';
import { runSessionTransaction } from '../../src/db/session-transaction.js';
import { runInTransactionScope } from '../../src/db/transaction-scope.js';
import { countSocketWrites, recordWrites } from './statement-writes.js';

const url = process.env['DATABASE_URL'];
const engine = url ? 'PostgreSQL' : 'PGlite';

describe(`transactions that open with their session settings (${engine})`, () => {
  let knex: Knex;
  let pglite: PGlite | undefined;

  before(async () => {
    pglite = url ? undefined : await PGlite.create('memory://');
    const connection = pglite
      ? () => createPgConfig(pglite!) as unknown as Knex.PgConnectionConfig
      : ({ connectionString: url!, pipeline: true } as Knex.PgConnectionConfig); // as openDatabase does
    // One connection, so every transaction below reuses the one the previous one left.
    knex = knexFactory({ client: SessionPgClient, connection, pool: { min: 0, max: 1 } });
    await knex.raw('drop table if exists darcha_session_probe');
    await knex.raw('create table darcha_session_probe (n int)');
  });
  after(async () => {
    await knex.raw('drop table if exists darcha_session_probe');
    await knex.destroy();
    await pglite?.close();
  });

  /** A transaction as `Database.withTenant` runs one, with these session settings. */
  const tx = <T>(work: (trx: Knex.Transaction) => Promise<T>, settings: Record<string, string>) =>
    runInTransactionScope('host', undefined, (scope) => runSessionTransaction(knex, settings, scope, work));
  const setting = async (trx: Knex | Knex.Transaction) =>
    (await trx.raw<{ rows: { v: string | null }[] }>(`select current_setting('darcha.test', true) as v`))
      .rows[0]!.v;

  it('sends the settings before BEGIN, quoted (after it on a pipelined connection)', () => {
    expect(beginWithSettings({ 'darcha.tenant_id': "o'zb", role: 'darcha_app' })).to.equal(
      `select set_config('darcha.tenant_id', 'o''zb', true), set_config('role', 'darcha_app', true); BEGIN`,
    );
    expect(beginThenSettings({ 'darcha.tenant_id': "o'zb" })).to.equal(
      `BEGIN; select set_config('darcha.tenant_id', 'o''zb', true)`,
    );
  });

  it('sees its settings inside the transaction only, and commits and rolls back as usual', async () => {
    const inside = await tx(
      async (trx) => {
        await trx('darcha_session_probe').insert({ n: 1 });
        return setting(trx);
      },
      { 'darcha.test': "it's set" },
    );
    expect(inside).to.equal("it's set");
    expect(await setting(knex)).to.be.oneOf(['', null]);
    await tx(
      async (trx) => {
        await trx('darcha_session_probe').insert({ n: 2 });
        throw new Error('undo');
      },
      { 'darcha.test': 'x' },
    ).catch(() => undefined);
    expect((await knex('darcha_session_probe').pluck('n')).map(Number)).to.deep.equal([1]);
  });

  it('leaves no transaction open on the connection when a setting fails', async () => {
    let failure: unknown;
    await tx(() => Promise.resolve(), { role: 'no_such_role_anywhere' }).catch(
      (error: unknown) => (failure = error),
    );
    expect(String(failure)).to.include('no_such_role_anywhere');
    // The same (only) connection answers the next statement instead of "current transaction is aborted".
    expect((await knex.raw<{ rows: { one: number }[] }>('select 1 as one')).rows[0]!.one).to.equal(1);
    expect(await tx((trx) => setting(trx), { 'darcha.test': 'again' })).to.equal('again');
  });

  it('fails with the setting’s own error when the work sends statements after it, and keeps nothing', async () => {
    let failure: unknown;
    await tx(
      async (trx) => {
        await trx('darcha_session_probe').insert({ n: 99 });
        await trx('darcha_session_probe').insert({ n: 98 });
      },
      { role: 'no_such_role_either' },
    ).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.include('no_such_role_either');
    expect((await knex('darcha_session_probe').pluck('n')).map(Number)).to.not.include(99);
    expect(await tx((trx) => setting(trx), { 'darcha.test': 'after' })).to.equal('after');
  });

  if (url) {
    /** The system calls that wrote statements during one transaction with session settings. */
    const socketWritesOf = (work: (trx: Knex.Transaction) => Promise<unknown>) =>
      countSocketWrites(() => tx(work, { 'darcha.test': 'corked' }));

    it('writes the opening with the first statement, and a FINAL one with its COMMIT, without waiting between and in one system call each', async () => {
      let writes!: Awaited<ReturnType<typeof recordWrites>>;
      const withFinal = await countSocketWrites(async () => {
        writes = await recordWrites(() =>
          tx(
            async (trx) => {
              await trx('darcha_session_probe').where({ n: -1 }).first();
              await trx('darcha_session_probe').insert({ n: 60 }).options(FINAL);
            },
            { 'darcha.test': 'pipelined' },
          ),
        );
      });
      expect(writes.map((w) => [w.sql.split(' ')[0], w.waiting])).to.deep.equal([
        ['BEGIN;', false],
        ['select', true],
        ['insert', false],
        ['COMMIT', true],
      ]);
      // Opening + select, then insert + COMMIT.
      expect(withFinal).to.equal(2);
    });

    it('writes the opening, a FINAL first statement and its COMMIT in one system call, and knex’s own COMMIT apart', async () => {
      // Opening, insert and COMMIT together.
      expect(
        await socketWritesOf((trx) => trx('darcha_session_probe').insert({ n: 62 }).options(FINAL)),
      ).to.equal(1);
      // Opening + select, then knex's own COMMIT once the select is answered.
      expect(await socketWritesOf((trx) => trx('darcha_session_probe').where({ n: -1 }).first())).to.equal(2);
      expect(await probe()).to.include.members([60, 62]);
    });

    it('sends a held opening when the work ends without a statement', async function () {
      // A held opening that nothing released would hang here: commit waits for the opening's answer.
      this.timeout(5000);
      const writes = await countSocketWrites(() => tx(async () => undefined, { 'darcha.test': 'nothing' }));
      expect(writes).to.equal(2); // the opening, released by commit, then COMMIT
      expect(
        await tx(
          async () => {
            throw new Error('before any statement');
          },
          { 'darcha.test': 'nothing' },
        ).catch((error: unknown) => String(error)),
      ).to.include('before any statement');
      expect(await tx((trx) => setting(trx), { 'darcha.test': 'next' })).to.equal('next');
    });
  }

  const probe = async () => (await knex('darcha_session_probe').pluck('n')).map(Number);

  it('commits a transaction whose last statement is FINAL, and takes its COMMIT’s answer', async () => {
    const before = await probe();
    const n = await tx(
      async (trx) => {
        await trx('darcha_session_probe').insert({ n: 10 });
        await trx('darcha_session_probe').insert({ n: 11 }).options(FINAL);
        return 11;
      },
      { 'darcha.test': 'final' },
    );
    expect(n).to.equal(11);
    expect(await probe()).to.deep.equal([...before, 10, 11]);
    // The only connection is back in the pool with no transaction open.
    expect(await tx((trx) => setting(trx), { 'darcha.test': 'next' })).to.equal('next');
  });

  it('rolls back a transaction whose FINAL statement fails, with that statement’s error', async () => {
    const before = await probe();
    let failure: unknown;
    await tx(
      async (trx) => {
        await trx('darcha_session_probe').insert({ n: 20 });
        await trx.raw('insert into darcha_session_probe (n) values (?)', ['not a number']).options(FINAL);
      },
      { 'darcha.test': 'final' },
    ).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.match(/invalid input syntax for type integer/);
    expect(await probe()).to.deep.equal(before);
    expect(await tx((trx) => setting(trx), { 'darcha.test': 'next' })).to.equal('next');
  });

  it(
    url
      ? 'refuses every statement sent after the FINAL one (its COMMIT is already sent)'
      : 'ignores FINAL without pipelining (PGlite)',
    async () => {
      let failure: unknown;
      const read = await tx(
        async (trx) => {
          await trx('darcha_session_probe').insert({ n: 30 }).options(FINAL);
          const after = await Promise.allSettled([
            trx('darcha_session_probe').insert({ n: 31 }),
            trx('darcha_session_probe').insert({ n: 32 }),
          ]);
          const refused = after.filter((r) => r.status === 'rejected');
          if (refused.length > 0) throw (refused[0] as PromiseRejectedResult).reason;
          return trx('darcha_session_probe').pluck('n');
        },
        { 'darcha.test': 'final' },
      ).catch((error: unknown) => (failure = error));
      if (url) {
        expect(isDarchaError(failure) && failure.code).to.equal('DARCHA_DB_AFTER_FINAL_STATEMENT');
        // The FINAL statement was committed all the same; neither statement after it ran.
        const rows = await probe();
        expect(rows).to.include(30);
        expect(rows).to.not.include(31);
        expect(rows).to.not.include(32);
      } else {
        expect(failure).to.equal(undefined);
        expect((read as number[]).map(Number)).to.include.members([30, 31, 32]);
      }
      expect(await tx((trx) => setting(trx), { 'darcha.test': 'next' })).to.equal('next');
    },
  );

  if (url) {
    it('fails a transaction whose work swallowed its FINAL statement’s error (the COMMIT rolled back)', async () => {
      const before = await probe();
      let failure: unknown;
      await tx(
        async (trx) => {
          await trx('darcha_session_probe').insert({ n: 40 });
          await trx
            .raw('insert into darcha_session_probe (n) values (?)', ['not a number'])
            .options(FINAL)
            .catch(() => undefined);
        },
        { 'darcha.test': 'final' },
      ).catch((error: unknown) => (failure = error));
      expect(isDarchaError(failure) && failure.code).to.equal('DARCHA_DB_FINAL_STATEMENT_FAILED');
      expect(await probe()).to.deep.equal(before);
    });

    it('says so when a FINAL statement never reached PostgreSQL and its COMMIT kept the rest', async () => {
      // node-postgres turns an object into JSON text when it binds it, and JSON has no BigInt.
      const unsendable = { big: 1n };
      let failure: unknown;
      await tx(
        async (trx) => {
          await trx('darcha_session_probe').insert({ n: 50 });
          await trx.raw('insert into darcha_session_probe (n) values (?::int)', [unsendable]).options(FINAL);
        },
        { 'darcha.test': 'final' },
      ).catch((error: unknown) => (failure = error));
      expect(isDarchaError(failure) && failure.code, String(failure)).to.equal('DARCHA_DB_FINAL_NOT_SENT');
      expect(await probe()).to.include(50);
      expect(await tx((trx) => setting(trx), { 'darcha.test': 'next' })).to.equal('next');
    });
  }

  it('prepares statements again when a table they read changed shape (a newer server migrated)', async () => {
    const read = () => knex('darcha_session_probe').select('*').options(PREPARED);
    await read();
    await knex.raw('alter table darcha_session_probe add column note text');
    // The statement prepared before the change fails once, as PostgreSQL refuses its plan; then the
    // statements are prepared again under new names and the same read works with the new column.
    const first = await read().then(
      () => undefined,
      (error: unknown) => error,
    );
    if (first !== undefined) expect(String(first)).to.match(/cached plan must not change result type/);
    const rows = await read();
    expect(rows.length).to.be.greaterThan(0);
    expect(rows[0]).to.have.property('note');
  });

  it('sends the statements of a transaction to the knex instance’s query events', async () => {
    const seen: string[] = [];
    const listener = (query: { sql: string }) => seen.push(query.sql);
    knex.on('query', listener);
    try {
      await tx((trx) => trx('darcha_session_probe').where({ n: -5 }).first(), { 'darcha.test': 'events' });
    } finally {
      knex.off('query', listener);
    }
    expect(seen.some((sql) => sql.startsWith('select') && sql.includes('darcha_session_probe'))).to.equal(
      true,
    );
  });

  it('keeps a statement prepared under a name taken from its text', async () => {
    const read = () => knex.raw<{ rows: { n: number }[] }>('select ?::int as n', [7]).options(PREPARED);
    expect((await read()).rows[0]!.n).to.equal(7);
    expect((await read()).rows[0]!.n).to.equal(7);
    const { rows } = await knex.raw<{ rows: { name: string }[] }>(
      `select name from pg_prepared_statements where statement = 'select $1::int as n'`,
    );
    expect(rows).to.have.length(1);
    expect(rows[0]!.name).to.match(/^darcha_\d+_[0-9a-f]{40}$/);
  });
});
