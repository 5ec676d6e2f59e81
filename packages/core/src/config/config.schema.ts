import type { JSONSchemaType } from 'ajv';
import type { DarchaConfig } from './types.js';

/** JSON Schema of `darcha.config.json` after environment overrides are applied. */
export const configSchema: JSONSchemaType<DarchaConfig> = {
  type: 'object',
  additionalProperties: false,
  required: ['port', 'host', 'logLevel', 'database', 'tenancy', 'plugins', 'files', 'jobs', 'demo'],
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
