import { expect } from 'chai';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import type { Agency } from '../../src/registry/contracts.js';
import { PostgresAgencyDirectory } from '../../src/registry/postgres-agency-directory.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';

export const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/**
 * A scratch database with the country `uz` and two cities: `chirchik` with the agencies `gorgas` and
 * `tax`, and `djizak` with its own `gorgas` and a `water` agency Chirchik does not have.
 */
export async function openStaffDatabase(): Promise<Database> {
  const db = await openTestDatabase();
  const tenants = new PostgresTenantRegistry(db);
  await tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
  await tenants.create({ id: 'chirchik', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Chirchiq' } });
  await tenants.create({ id: 'djizak', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Jizzax' } });
  const agencies = new PostgresAgencyDirectory(db);
  const agency = (code: string, kind: string, en: string): Agency => ({
    code,
    kind,
    names: { en },
    contacts: {},
    workingHours: {},
    active: true,
  });
  await agencies.upsertAgency('chirchik', agency('gorgas', 'gas', 'City gas'));
  await agencies.upsertAgency('chirchik', agency('tax', 'tax', 'Tax inspection'));
  await agencies.upsertAgency('djizak', agency('gorgas', 'gas', 'Djizak gas'));
  await agencies.upsertAgency('djizak', agency('water', 'water', 'Vodokanal'));
  return db;
}

/** An instant given as a wall-clock time in Tashkent (UTC+5): `tashkent('2026-07-06T09:00')`. */
export function tashkent(local: string): Date {
  return new Date(`${local}+05:00`);
}

/** Awaits `promise` and expects it to fail with a DarchaError of `code`, which it returns. */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    expect(isDarchaError(error, code), `expected ${code}, got ${String(error)}`).to.equal(true);
    return error as DarchaError;
  }
  return expect.fail(`expected ${code}`);
}

/** The fields named by an invalid-input error. */
export function fieldsOf(error: DarchaError): string[] {
  return (error.details['errors'] as { field: string }[]).map((e) => e.field);
}
