import { pino, type Logger, type LoggerOptions } from 'pino';
import type { LogLevel } from '../config/types.js';

export type { Logger } from 'pino';

/**
 * Paths pino replaces with `[redacted]` in every log line: credentials, session material and
 * personal numbers (PINFL, TIN, passport, phone) wherever they appear one or two levels deep, and
 * the credential headers of a logged HTTP request or response.
 */
export const REDACTED_PATHS: readonly string[] = [
  'password',
  'token',
  'secret',
  'apiKey',
  'accessCode',
  'otp',
  'pinfl',
  'tin',
  'passport',
  'phone',
  'databaseUrl',
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-access-code"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
  '*.accessCode',
  '*.otp',
  '*.pinfl',
  '*.tin',
  '*.passport',
  '*.phone',
  '*.*.pinfl',
  '*.*.tin',
  '*.*.password',
  '*.*.phone',
];

export interface CreateLoggerOptions {
  level?: LogLevel;
  /** Where lines go; defaults to stdout. Tests pass a stream to read what was logged. */
  destination?: NodeJS.WritableStream;
  name?: string;
}

/** The platform logger: JSON lines, secrets and personal numbers redacted. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const settings: LoggerOptions = {
    name: options.name ?? 'darcha',
    level: options.level ?? 'info',
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
