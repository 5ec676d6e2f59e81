import type { JSONSchemaType } from 'ajv';
import type { DarchaConfig, RateLimitConfig } from './types.js';

/** A trusted proxy: a named range, or an IPv4 or IPv6 address with an optional prefix length. */
const PROXY_ENTRY = '(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(/[0-9]{1,3})?)';

const rateLimitSchema: JSONSchemaType<RateLimitConfig> = {
  type: 'object',
  additionalProperties: false,
  required: ['limit', 'windowMs'],
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 1000000 },
    windowMs: { type: 'integer', minimum: 1000, maximum: 86400000 },
  },
};

/** JSON Schema of `darcha.config.json` after environment overrides are applied. */
export const configSchema: JSONSchemaType<DarchaConfig> = {
  type: 'object',
  additionalProperties: false,
  required: ['port', 'host', 'logLevel', 'database', 'tenancy', 'plugins', 'files', 'jobs', 'http', 'demo'],
  properties: {
    $schema: { type: 'string', nullable: true } as never,
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    host: { type: 'string', minLength: 1 },
    logLevel: { type: 'string', enum: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] },
    demo: { type: 'boolean' },
    files: {
      type: 'object',
      additionalProperties: false,
      required: ['dir'],
      properties: { dir: { type: 'string', minLength: 1 } },
    },
    jobs: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled', 'pollIntervalMs'],
      properties: {
        enabled: { type: 'boolean' },
        pollIntervalMs: { type: 'integer', minimum: 50, maximum: 60000 },
        outboxConcurrency: { type: 'integer', minimum: 1, maximum: 64, nullable: true },
      },
    },
    http: {
      type: 'object',
      additionalProperties: false,
      required: ['jsonLimit', 'trustProxy', 'hsts', 'shutdownTimeoutMs', 'rateLimits'],
      properties: {
        jsonLimit: { type: 'string', pattern: '^[0-9]+(b|kb|mb)?$' },
        trustProxy: {
          type: ['boolean', 'integer', 'string'],
          minimum: 0,
          maximum: 100,
          pattern: `^${PROXY_ENTRY}(\\s*,\\s*${PROXY_ENTRY})*$`,
        },
        hsts: { type: 'boolean' },
        shutdownTimeoutMs: { type: 'integer', minimum: 0, maximum: 600000 },
        publicUrl: { type: 'string', nullable: true, pattern: '^https?://[^\\s?#]+[^/\\s?#]$' },
        rateLimits: {
          type: 'object',
          additionalProperties: false,
          required: ['signIn', 'publicWrite'],
          properties: { signIn: rateLimitSchema, publicWrite: rateLimitSchema },
        },
      },
    },
    auth: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: [],
      properties: {
        secret: { type: 'string', nullable: true, minLength: 32, maxLength: 512 },
      },
    },
    plugins: {
      type: 'object',
      additionalProperties: false,
      required: ['packages', 'discoverWorkspaces', 'failurePolicy', 'config'],
      properties: {
        packages: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        discoverWorkspaces: { type: 'boolean' },
        failurePolicy: { type: 'string', enum: ['abort', 'continue'] },
        config: {
          type: 'object',
          required: [],
          additionalProperties: { type: 'object', required: [] },
        },
      },
    },
    database: {
      type: 'object',
      additionalProperties: false,
      required: ['dataDir', 'pool'],
      properties: {
        url: { type: 'string', nullable: true, pattern: '^postgres(ql)?://' },
        dataDir: { type: 'string', minLength: 1 },
        pool: {
          type: 'object',
          additionalProperties: false,
          required: ['max'],
          properties: { max: { type: 'integer', minimum: 1, maximum: 1000 } },
        },
      },
    },
    tenancy: {
      type: 'object',
      additionalProperties: false,
      required: [],
      properties: {
        baseDomain: {
          type: 'string',
          nullable: true,
          pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$',
        },
      },
    },
  },
};
