import { Writable } from 'node:stream';
import { expect } from 'chai';
import { pino } from 'pino';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { BaseAmountTable } from '../../src/fees/base-amount-table.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import { expectCode, fieldsOf } from '../staff/staff-fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`base amount table (${engine})`, () => {
  let db: Database;
  let table: BaseAmountTable;
  let logLines: Array<Record<string, unknown>>;

  beforeEach(async () => {
    db = await openTestDatabase();
    const tenants = new PostgresTenantRegistry(db);
    await tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    await tenants.create({ id: 'kz', kind: 'country', names: { 'uz-Latn': 'Qozogʻiston' } });
    await tenants.create({ id: 'chirchik', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Chirchiq' } });
    logLines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    table = new BaseAmountTable({ db, tenants, logger: pino({ level: 'info' }, sink) });
  });

  afterEach(async () => {
    await db.close();
  });

  it('is seeded with the values of Uzbekistan since 2019', async () => {
    const values = await table.list('uz');
    expect(values.map((v) => [v.effectiveFrom, v.amount])).to.deep.equal([
      ['2019-09-01', 202_730],
      ['2020-02-01', 223_000],
      ['2021-09-01', 270_000],
      ['2022-06-01', 300_000],
      ['2024-10-01', 375_000],
      ['2025-08-01', 412_000],
    ]);
    expect(values[0]!.createdBy).to.equal('migration:0015_base_amounts');
    expect(values.filter((v) => v.note?.includes('assumed')).map((v) => v.effectiveFrom)).to.deep.equal([
      '2020-02-01',
      '2024-10-01',
      '2025-08-01',
    ]);
    expect(await table.list('kz')).to.deep.equal([]);
  });

  it('answers the value in force on a day: the day before a new value, and the day it starts', async () => {
    const on = async (date: string) => (await table.inForce('uz', date))?.amount;
    expect(await on('2019-08-31')).to.equal(undefined);
    expect(await on('2019-09-01')).to.equal(202_730);
    expect(await on('2024-09-30')).to.equal(300_000);
    expect(await on('2024-10-01')).to.equal(375_000);
    expect(await on('2025-07-31')).to.equal(375_000);
    expect(await on('2025-08-01')).to.equal(412_000);
    expect(await on('2030-01-01')).to.equal(412_000);
    const missing = await expectCode(table.require('uz', '2019-08-31'), 'DARCHA_FEE_BASE_AMOUNT_MISSING');
    expect(missing.kind).to.equal('conflict');
    await expectCode(table.require('kz', '2025-01-01'), 'DARCHA_FEE_BASE_AMOUNT_MISSING');
  });

  it('adds a value that applies from its day on, keeps who added it, and logs it', async () => {
    const added = await table.add(
      { country: 'uz', effectiveFrom: '2026-08-01', amount: 450_000, note: 'test decree' },
      { actor: 'admin-1' },
    );
    expect(added).to.deep.include({
      country: 'uz',
      effectiveFrom: '2026-08-01',
      amount: 450_000,
      note: 'test decree',
      createdBy: 'admin-1',
    });
    expect(added.createdAt).to.be.instanceOf(Date);
    expect((await table.inForce('uz', '2026-07-31'))?.amount).to.equal(412_000);
    expect((await table.inForce('uz', '2026-08-01'))?.amount).to.equal(450_000);
    expect((await table.list('uz')).at(-1)).to.deep.equal(added);
    expect(logLines.find((l) => l['msg'] === 'base calculation amount added')).to.deep.include({
      country: 'uz',
      effectiveFrom: '2026-08-01',
      amount: 450_000,
      createdBy: 'admin-1',
    });
  });

  it('refuses a second value for the same day, and keeps the first', async () => {
    const error = await expectCode(
      table.add({ country: 'uz', effectiveFrom: '2025-08-01', amount: 1 }),
      'DARCHA_FEE_BASE_AMOUNT_EXISTS',
    );
    expect(error.kind).to.equal('conflict');
    expect(error.message).to.equal(
      'Country "uz" already has a base calculation amount from 2025-08-01 (412000 soums).',
    );
    expect((await table.inForce('uz', '2025-08-01'))?.amount).to.equal(412_000);
  });

  it('refuses amounts that are not whole soums above zero, dates that do not exist, and non-countries', async () => {
    const bad: Array<[unknown, string[]]> = [
      [{ country: 'uz', effectiveFrom: '2026-01-01', amount: 0 }, ['/amount']],
      [{ country: 'uz', effectiveFrom: '2026-01-01', amount: -5 }, ['/amount']],
      [{ country: 'uz', effectiveFrom: '2026-01-01', amount: 1.5 }, ['/amount']],
      [{ country: 'uz', effectiveFrom: '2026-01-01', amount: '450000' }, ['/amount']],
      [{ country: 'uz', effectiveFrom: '2026-02-30', amount: 1 }, ['/effectiveFrom']],
      [{ country: 'uz', effectiveFrom: '01.08.2026', amount: 1 }, ['/effectiveFrom']],
      [{ country: 'uz', amount: 1, extra: true }, ['/effectiveFrom', '/extra']],
      [{ country: 'chirchik', effectiveFrom: '2026-01-01', amount: 1 }, ['/country']],
      [{ country: 'ru', effectiveFrom: '2026-01-01', amount: 1 }, ['/country']],
    ];
    for (const [input, fields] of bad) {
      const error = await expectCode(table.add(input as never), 'DARCHA_FEE_BASE_AMOUNT_INVALID');
      expect(fieldsOf(error), JSON.stringify(input)).to.have.members(fields);
    }
    expect(await table.list('uz')).to.have.length(6); // nothing was written
  });

  it('keeps the table out of the app role’s reach', async () => {
    const error = await db
      .withTenant('chirchik', (trx) => trx('base_amounts').select())
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(error?.message).to.match(/permission denied/);
  });
});
