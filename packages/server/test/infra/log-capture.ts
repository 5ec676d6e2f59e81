import { PassThrough } from 'node:stream';
import { createLogger, type Logger } from '@darcha/core';

/** A platform logger whose JSON lines a test can read back. */
export interface CapturedLog {
  logger: Logger;
  /** Everything written so far, as one string. */
  text(): string;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Waits until a line satisfies `match` (lines are written when a response finishes, a tick after the client sees it). */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

export function captureLog(level: 'debug' | 'info' = 'debug'): CapturedLog {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const logger = createLogger({ level, destination: stream });
  const lines = (): Record<string, unknown>[] =>
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    logger,
    text: () => text,
    lines,
    async waitFor(match) {
      for (let i = 0; i < 100; i++) {
        const found = lines().find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no log line matched; got:\n${text}`);
    },
  };
}

/** The request log line of the request whose `x-request-id` is `id`. */
export const requestLine =
  (id: string) =>
  (line: Record<string, unknown>): boolean =>
    (line['req'] as { id?: unknown } | undefined)?.id === id && 'res' in line;
