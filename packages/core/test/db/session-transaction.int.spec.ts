import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import type { TenantTransaction } from '../../src/db/types.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** The error a promise rejects with, or undefined when it resolves. */
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

const tenantOf = async (trx: TenantTransaction) =>
  (await trx.raw<{ rows: { t: string }[] }>(`select current_setting('darcha.tenant_id', true) as t`)).rows[0]!
    .t;

describe(`transaction handles, one per connection (${engine})`, () => {
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
          reused: Object.getPrototypeOf(trx) === Object.getPrototypeOf(kept),
        })),
      ),
    );
    for (const { own, stale } of inside) {
      expect(own).to.equal('djizak');
      expect(isDarchaError(stale) && stale.code, String(stale)).to.equal('DARCHA_DB_TRANSACTION_ENDED');
    }
    // What the handles of one connection share is made once: the kept one's came back.
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
    expect(await probe()).to.not.include.members([11]);
    expect(await probe()).to.not.include(13);
  });

  it('refuses to commit or roll back by hand', async () => {
    const failures = await db.withTenant('chirchik', async (trx) => [
      await failureOf(trx.commit()),
      await failureOf(trx.rollback()),
    ]);
    for (const failure of failures) {
      expect(isDarchaError(failure) && failure.code, String(failure)).to.equal(
        'DARCHA_DB_TRANSACTION_MANAGED',
      );
    }
  });

  it('says whether the transaction is over', async () => {
    let kept!: TenantTransaction;
    expect(await db.withTenant('chirchik', async (trx) => ((kept = trx), trx.isCompleted()))).to.equal(false);
    expect(kept.isCompleted()).to.equal(true);
  });
});
