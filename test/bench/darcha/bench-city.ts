import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, openPlatform, type Platform } from '@darcha/core';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Attachments would go here (the benchmark uploads none): never into the checkout's `.darcha/`. */
export const BENCH_FILES_DIR = path.join(tmpdir(), 'darcha-bench-files');

/** The service every HTTP measurement files and moves: gas debt information, answered at once. */
export const BENCH_SERVICE = 'gas.debt-information';
export const BENCH_AGENCY = 'gorgas';
export const STAFF_PASSWORD = 'bench correct horse battery';

export interface CitySpec {
  id: string;
  name: string;
  trackingPrefix: string;
}

/** What load generators and probes send to reach a city. */
export interface CityCredentials {
  tenantId: string;
  /** An API key of the front office: files, reads, moves and searches. */
  apiKey: string;
  /** An API key of a supervisor: reports. */
  supervisorKey: string;
  /** A front-office officer's sign-in, for the inbox (staff only). */
  login: string;
  password: string;
}

/**
 * Opens the platform on `DATABASE_URL` (or a PGlite directory) as the server would (the workspace's
 * plugins discovered, core's and the plugins' migrations applied), with no jobs and no logs: the
 * harness's own handle for setting up cities and staff.
 */
export async function openBenchPlatform(where: { url: string } | { dataDir: string }): Promise<Platform> {
  const database = 'url' in where ? { DATABASE_URL: where.url } : { DARCHA_DATA_DIR: where.dataDir };
  const env = { ...database, DARCHA_FILES_DIR: BENCH_FILES_DIR };
  const config = loadConfig({
    cwd: ROOT,
    env,
    overrides: { logLevel: 'silent', 'jobs.enabled': false },
  });
  return openPlatform({ config, cwd: ROOT });
}

/**
 * A city offering the gas pack's services through its Gorgas office, as an administrator would set
 * it up: the tenant under `uz`, the pack enabled, the agency, and the catalog entries.
 */
export async function prepareCity(platform: Platform, city: CitySpec): Promise<void> {
  const existing = await platform.tenants.list();
  if (!existing.some((t) => t.id === 'uz'))
    await platform.tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
  if (existing.some((t) => t.id === city.id)) return;
  await platform.tenants.create({
    id: city.id,
    kind: 'city',
    parentId: 'uz',
    names: { 'uz-Latn': city.name },
    settings: { inquiries: { trackingPrefix: city.trackingPrefix } },
  });
  await platform.plugins.tenantPlugins.enable(city.id, 'agency-gas');
  await platform.agencies.upsertAgency(city.id, {
    code: BENCH_AGENCY,
    kind: 'gas',
    names: { en: 'Gorgas' },
    contacts: {},
    workingHours: {},
    active: true,
  });
  for (const serviceCode of ['gas.debt-information', 'gas.no-debt-certificate', 'gas.connection'])
    await platform.catalog.setEntry(city.id, { serviceCode, offered: true, agencyCode: BENCH_AGENCY });
}

/** A front-office API key and officer, and a supervisor's key, for the city (new ones on every call). */
export async function cityCredentials(platform: Platform, tenantId: string): Promise<CityCredentials> {
  const keyOf = async (role: string) =>
    (await platform.identity.createApiKey(tenantId, { name: `bench ${role} ${Date.now()}`, role })).key;
  const key = await keyOf('front_office');
  const supervisorKey = await keyOf('supervisor');
  const login = `bench.${Date.now().toString(36)}`;
  const member = await platform.staff.create(tenantId, {
    displayName: 'Bench operator',
    roles: ['front_office'],
  });
  await platform.identity.setStaffCredentials(tenantId, member.id, { login, password: STAFF_PASSWORD });
  return { tenantId, apiKey: key, supervisorKey, login, password: STAFF_PASSWORD };
}
