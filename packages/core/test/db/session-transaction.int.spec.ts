import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import knexFactory from 'knex';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import type { TenantTransaction } from '../../src/db/types.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';

const url = process.env['DATABASE_URL'];
const engine = url ? 'PostgreSQL' : 'PGlite';

/** The connection a handle's statements go to. */
const connectionOf = (trx: TenantTransaction) => (trx.client as unknown as { connection: object }).connection;

/** The error a promise rejects with, or undefined when it resolves. */
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

const tenantOf = async (trx: TenantTransaction) =>
  (await trx.raw<{ rows: { t: string }[] }>(`select current_setting('darcha.tenant_id', true) as t`)).rows[0]!
    .t;

describe(`transaction handles (${engine})`, () => {
  let db: Database;

  before(async () => {
    db = await openTestDatabase();
    await db.migrate('test_handles', [
      {
        name: '0001_probe',
        async up(knex) {
          await knex.raw('create table darcha_handle_probe (n int)');
          await knex.raw('grant select, insert on darcha_handle_probe to darcha_app, darcha_host');
        },
      },
    ]);
  });
  after(async () => {
    await db.close();
  });

  const probe = async () =>
    (await db.withHost((trx) => trx('darcha_handle_probe').orderBy('n').pluck('n'))).map(Number);

  it('refuses a statement through a handle kept after its transaction, even inside the next tenant’s', async () => {
    let kept!: TenantTransaction;
    expect(await db.withTenant('chirchik', async (trx) => ((kept = trx), tenantOf(trx)))).to.equal(
      'chirchik',
    );
    const outside = await failureOf(tenantOf(kept));
    expect(isDarchaError(outside) && outside.code, String(outside)).to.equal('DARCHA_DB_TRANSACTION_ENDED');
    // Run many transactions of another tenant so that some run on the kept handle's connection (on
    // PGlite, the only one): the stale handle still reaches none of them.
    const inside = await Promise.all(
      Array.from({ length: 20 }, () =>
        db.withTenant('djizak', async (trx) => ({
          own: await tenantOf(trx),
          stale: await failureOf(tenantOf(kept)),
          reused: connectionOf(trx) === connectionOf(kept),
        })),
      ),
    );
    for (const { own, stale } of inside) {
      expect(own).to.equal('djizak');
      expect(isDarchaError(stale) && stale.code, String(stale)).to.equal('DARCHA_DB_TRANSACTION_ENDED');
    }
    // The kept handle's connection served at least one of them.
    expect(inside.some((r) => r.reused)).to.equal(true);
  });

  it('refuses a statement the work started but did not await, once the transaction has ended', async () => {
    let late!: Promise<unknown>;
    await db.withTenant('chirchik', async (trx) => {
      late = (async () => {
        await sleep(20);
        return trx('darcha_handle_probe').insert({ n: 999 });
      })();
    });
    const failure = await failureOf(late);
    expect(isDarchaError(failure) && failure.code, String(failure)).to.equal('DARCHA_DB_TRANSACTION_ENDED');
    expect(await probe()).to.not.include(999);
  });

  it('commits what the work wrote and rolls it all back when the work throws', async () => {
    await db.withTenant('chirchik', (trx) => trx('darcha_handle_probe').insert({ n: 1 }));
    const failure = await failureOf(
      db.withTenant('chirchik', async (trx) => {
        await trx('darcha_handle_probe').insert({ n: 2 });
        throw new Error('undo');
      }),
    );
    expect(String(failure)).to.include('undo');
    expect(await probe()).to.deep.equal([1]);
  });

  it('runs trx.transaction(work) in a savepoint: a failure undoes that work only, nested ones too', async () => {
    await db.withTenant('chirchik', async (trx) => {
      await trx('darcha_handle_probe').insert({ n: 10 });
      await trx
        .transaction(async (inner) => {
          await inner('darcha_handle_probe').insert({ n: 11 });
          throw new Error('undo 11');
        })
        .catch(() => undefined);
      await trx.transaction(async (inner) => {
        await inner('darcha_handle_probe').insert({ n: 12 });
        await inner
          .transaction(async (innermost) => {
            await innermost('darcha_handle_probe').insert({ n: 13 });
            throw new Error('undo 13');
          })
          .catch(() => undefined);
        await inner('darcha_handle_probe').insert({ n: 14 });
      });
    });
    expect(await probe()).to.include.members([10, 12, 14]);
    expect(await probe()).to.not.include(11);
    expect(await probe()).to.not.include(13);
  });

  it('says whether the transaction is over', async () => {
    let kept!: TenantTransaction;
    expect(await db.withTenant('chirchik', async (trx) => ((kept = trx), trx.isCompleted()))).to.equal(false);
    expect(kept.isCompleted()).to.equal(true);
  });
  it('refuses a kept handle’s statement even when it names the connection itself', async () => {
    let kept!: TenantTransaction;
    await db.withTenant('chirchik', async (trx) => {
      kept = trx;
    });
    const failure = await failureOf(
      kept('darcha_handle_probe')
        .insert({ n: 777 })
        .connection(connectionOf(kept) as never),
    );
    expect(isDarchaError(failure) && failure.code, String(failure)).to.equal('DARCHA_DB_TRANSACTION_ENDED');
    expect(await probe()).to.not.include(777);
  });

  it('runs savepoints started together one after another, and ends each one’s handle with it', async () => {
    let inner!: TenantTransaction;
    await db.withTenant('chirchik', async (trx) => {
      const outcomes = await Promise.allSettled([
        trx.transaction(async (first) => {
          await first('darcha_handle_probe').insert({ n: 20 });
          await sleep(10);
          throw new Error('undo 20');
        }),
        trx.transaction(async (second) => {
          inner = second;
          await second('darcha_handle_probe').insert({ n: 21 });
        }),
      ]);
      expect(outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'fulfilled']);
      expect(inner.isCompleted()).to.equal(true);
      const late = await failureOf(inner('darcha_handle_probe').insert({ n: 22 }));
      expect(isDarchaError(late) && late.code, String(late)).to.equal('DARCHA_DB_TRANSACTION_ENDED');
      expect(trx.isCompleted()).to.equal(false);
    });
    const rows = await probe();
    expect(rows).to.include(21);
    expect(rows).to.not.include(20);
    expect(rows).to.not.include(22);
  });

  it('refuses listeners, and ending the transaction by hand', async () => {
    await db.withTenant('chirchik', async (trx) => {
      const refusals = [
        () => trx.on('query', () => undefined),
        () => trx.transaction(),
        () => trx.commit(),
        () => trx.rollback(),
      ].map((call) => {
        try {
          call();
          return undefined;
        } catch (error) {
          return isDarchaError(error) ? error.code : String(error);
        }
      });
      expect(refusals).to.deep.equal([
        'DARCHA_DB_TRANSACTION_EVENTS',
        'DARCHA_DB_TRANSACTION_MANAGED',
        'DARCHA_DB_TRANSACTION_MANAGED',
        'DARCHA_DB_TRANSACTION_MANAGED',
      ]);
    });
  });

  if (url) {
    it('fails with the work’s own error when the connection dies, and the next transactions get a sound one', async () => {
      const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
      try {
        const failure = await failureOf(
          db.withTenant('chirchik', async (trx) => {
            const { rows } = await trx.raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid');
            await admin.raw('select pg_terminate_backend(?)', [rows[0]!.pid]);
            await sleep(200);
            throw new Error('the work failed');
          }),
        );
        expect(String(failure)).to.include('the work failed');
        const tenants = await Promise.all(
          Array.from({ length: 25 }, () => db.withTenant('djizak', (trx) => tenantOf(trx))),
        );
        expect(new Set(tenants)).to.deep.equal(new Set(['djizak']));
      } finally {
        await admin.destroy();
      }
    });
  }
});
