import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLater } from '../validation/compile-later.js';
import { DarchaError } from '../errors/darcha-error.js';
import { fieldErrorsFromAjv, formatFieldErrors } from '../errors/field-error.js';
import { DEFAULT_OUTBOX_CONCURRENCY } from '../workflow/outbox/outbox-dispatcher-options.js';
import { configSchema } from './config.schema.js';
import type { DarchaConfig } from './types.js';
import { deepFreeze } from '../util/deep-freeze.js';

/** Environment variables that override keys of `darcha.config.json`, and the key each one sets. */
export const CONFIG_ENV_VARS: Readonly<
  Record<string, { key: string; type?: EnvValueType; secret?: boolean }>
> = {
  PORT: { key: 'port', type: 'number' },
  HOST: { key: 'host' },
  LOG_LEVEL: { key: 'logLevel' },
  DATABASE_URL: { key: 'database.url' },
  DARCHA_DATA_DIR: { key: 'database.dataDir' },
  DARCHA_DB_POOL_MAX: { key: 'database.pool.max', type: 'number' },
  DARCHA_DEMO: { key: 'demo', type: 'boolean' },
  DARCHA_FILES_DIR: { key: 'files.dir' },
  DARCHA_JOBS: { key: 'jobs.enabled', type: 'boolean' },
  DARCHA_OUTBOX_CONCURRENCY: { key: 'jobs.outboxConcurrency', type: 'number' },
  DARCHA_PLUGIN_FAILURE_POLICY: { key: 'plugins.failurePolicy' },
  DARCHA_BASE_DOMAIN: { key: 'tenancy.baseDomain' },
  DARCHA_HTTP_JSON_LIMIT: { key: 'http.jsonLimit' },
  DARCHA_HTTP_TRUST_PROXY: { key: 'http.trustProxy', type: 'number|boolean' },
  DARCHA_HTTP_HSTS: { key: 'http.hsts', type: 'boolean' },
  DARCHA_HTTP_SHUTDOWN_TIMEOUT_MS: { key: 'http.shutdownTimeoutMs', type: 'number' },
  DARCHA_PUBLIC_URL: { key: 'http.publicUrl' },
  DARCHA_RATE_LIMIT_SIGN_IN: { key: 'http.rateLimits.signIn.limit', type: 'number' },
  DARCHA_RATE_LIMIT_PUBLIC_WRITE: { key: 'http.rateLimits.publicWrite.limit', type: 'number' },
  DARCHA_SECRET: { key: 'auth.secret', secret: true },
};

/** How an environment value is converted; `number|boolean`: digits, then true/false words, else the string. */
type EnvValueType = 'number' | 'boolean' | 'number|boolean';

export interface LoadConfigOptions {
  /** Directory that relative paths and the default config file are resolved from. */
  cwd?: string;
  /** Environment to read overrides from; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Config file to read; default `darcha.config.json` in `cwd` (or env `DARCHA_CONFIG`), optional. */
  file?: string;
  /** Values that win over both the file and the environment (tests, embedding). */
  overrides?: Record<string, unknown>;
}

const DEFAULTS = {
  port: 3000,
  host: '0.0.0.0',
  logLevel: 'info',
  database: { dataDir: './.darcha/data', pool: { max: 10 } },
  tenancy: {},
  files: { dir: './.darcha/files' },
  jobs: { enabled: true, pollIntervalMs: 1000, outboxConcurrency: DEFAULT_OUTBOX_CONCURRENCY },
  http: {
    jsonLimit: '100kb',
    trustProxy: false,
    hsts: false,
    shutdownTimeoutMs: 10000,
    rateLimits: {
      signIn: { limit: 10, windowMs: 15 * 60_000 },
      publicWrite: { limit: 30, windowMs: 60_000 },
    },
  },
  plugins: { packages: [], discoverWorkspaces: true, failurePolicy: 'continue', config: {} },
};

const validate = compileLater(configSchema);

/**
 * Reads and validates the configuration. Invalid values raise `DARCHA_CONFIG_INVALID` listing every
 * wrong key with what was expected; nothing else (no database, no files) is touched before this passes.
 */
export function loadConfig(options: LoadConfigOptions = {}): DarchaConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const explicitFile = options.file ?? (env['DARCHA_CONFIG'] || undefined);
  const file = path.resolve(cwd, explicitFile ?? 'darcha.config.json');

  const merged: Record<string, unknown> = structuredClone(DEFAULTS);
  mergeInto(merged, readConfigFile(file, explicitFile !== undefined));
  const sources = new Map<string, string>();
  for (const [name, { key, type, secret }] of Object.entries(CONFIG_ENV_VARS)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    setPath(merged, key, fromEnv(raw, type));
    // A secret's value is never shown, not even in the message that says it is wrong.
    sources.set(key, secret ? `${name}=***` : `${name}=${JSON.stringify(maskSecrets(raw))}`);
  }
  for (const [key, value] of Object.entries(options.overrides ?? {})) setPath(merged, key, value);
  // The demo tenants are for the embedded quick start; on PostgreSQL they must be asked for.
  if (merged['demo'] === undefined) merged['demo'] = !(merged['database'] as { url?: unknown }).url;

  if (!validate(merged)) {
    const errors = fieldErrorsFromAjv(validate.errors, '.').map((e) => {
      const source = sources.get(e.field);
      return source ? { ...e, field: `${e.field} (from ${source})` } : e;
    });
    throw new DarchaError({
      code: 'DARCHA_CONFIG_INVALID',
      kind: 'invalid',
      message: `The configuration is invalid:\n${formatFieldErrors(errors)}`,
      hint: `Correct these values in ${file} or in the environment; see docs/reference/configuration.md.`,
      details: { errors, file },
    });
  }
  const config = merged as unknown as DarchaConfig;
  if (!config.database.dataDir.startsWith('memory://')) {
    config.database.dataDir = path.resolve(cwd, config.database.dataDir);
  }
  config.files.dir = path.resolve(cwd, config.files.dir);
  return deepFreeze(config);
}

/** Env values are strings: numbers and booleans are converted when they look right, else left for ajv to report. */
function fromEnv(raw: string, type: EnvValueType | undefined): unknown {
  const value = raw.trim();
  if ((type === 'number' || type === 'number|boolean') && /^-?\d+$/.test(value)) return Number(value);
  if ((type === 'boolean' || type === 'number|boolean') && /^(true|1|yes)$/i.test(value)) return true;
  if ((type === 'boolean' || type === 'number|boolean') && /^(false|0|no)$/i.test(value)) return false;
  return raw;
}

function readConfigFile(file: string, required: boolean): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new DarchaError({
      code: 'DARCHA_CONFIG_UNREADABLE',
      kind: 'invalid',
      message: `Cannot read the config file ${file}: ${(error as Error).message}`,
      hint: 'Check the path given in DARCHA_CONFIG or --config, and that the file is readable.',
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DarchaError({
      code: 'DARCHA_CONFIG_UNREADABLE',
      kind: 'invalid',
      message: `The config file ${file} is not valid JSON: ${(error as Error).message}`,
      hint: 'Fix the JSON syntax; `npx prettier --check darcha.config.json` points at the line.',
      cause: error,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DarchaError({
      code: 'DARCHA_CONFIG_INVALID',
      kind: 'invalid',
      message: `The config file ${file} must hold a JSON object.`,
      hint: 'Start from the example in docs/reference/configuration.md.',
    });
  }
  return parsed as Record<string, unknown>;
}

/** Keys that would reach `Object.prototype` through a config file; never merged. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const current = target[key];
    if (isPlainObject(current) && isPlainObject(value)) mergeInto(current, value);
    else target[key] = value;
  }
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!isPlainObject(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages and logs. */
function maskSecrets(value: string): string {
  return value.replace(/(\/\/[^:/@\s]*:)[^@\s]*@/, '$1***@');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
