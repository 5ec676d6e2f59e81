import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import type { Database } from '../../../src/db/database.js';
import { isDarchaError, type DarchaError } from '../../../src/errors/darcha-error.js';
import { createLogger, type Logger } from '../../../src/logging/logger.js';
import { PostgresTenantRegistry } from '../../../src/tenancy/postgres-tenant-registry.js';
import type { OutboxEvent, OutboxSubscriber } from '../../../src/workflow/outbox/outbox-types.js';

/**
 * A clock that moves only when told to. It starts an hour ahead of the real time: events take the
 * database's `now()` as their first due time, so they are due at once for the dispatcher.
 */
export class ManualClock {
  #now: number;

  constructor(start = Date.now() + 3_600_000) {
    this.#now = start;
  }

  readonly now = (): Date => new Date(this.#now);

  advance(ms: number): Date {
    this.#now += ms;
    return this.now();
  }
}

/** A pending `inquiry.filed` event of Chirchik as the dispatcher hands it out, with `overrides`. */
export function outboxEvent(overrides: Partial<OutboxEvent> = {}): OutboxEvent {
  return {
    id: '7f0c1c9e-2b1a-4c52-9a55-0d6f5b3c2a10',
    tenantId: 'chirchik',
    type: 'inquiry.filed',
    inquiryId: null,
    payload: {},
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(),
    lastError: null,
    deliveredTo: [],
    createdAt: new Date(),
    deliveredAt: null,
    ...overrides,
  };
}

/** A subscriber that records what it gets and fails while `failing` is true. */
export class RecordingSubscriber implements OutboxSubscriber {
  readonly received: OutboxEvent[] = [];
  failing = false;
  readonly name: string;
  readonly #types: readonly string[] | 'all';

  constructor(name: string, types: readonly string[] | 'all' = 'all') {
    this.name = name;
    this.#types = types;
  }

  handles(type: string): boolean {
    return this.#types === 'all' || this.#types.includes(type);
  }

  async deliver(event: OutboxEvent): Promise<void> {
    this.received.push(event);
    // Give other dispatchers a turn between deliveries.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failing) throw new Error(`${this.name} is down`);
  }

  ids(): string[] {
    return this.received.map((e) => e.id);
  }
}

/** A logger whose JSON lines the test can read. */
export function captureLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const logger = createLogger({ level: 'debug', destination: stream });
  return {
    logger,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** The country `uz` and the cities `chirchik` and `djizak`. */
export async function createCities(db: Database): Promise<void> {
  const tenants = new PostgresTenantRegistry(db);
  await tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
  await tenants.create({ id: 'chirchik', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Chirchiq' } });
  await tenants.create({ id: 'djizak', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Jizzax' } });
}

/** Awaits a promise that must fail with a DarchaError of `code`, and returns the error. */
export async function expectCode(promise: Promise<unknown>, code: string): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    expect(isDarchaError(error, code), `expected ${code}, got ${String(error)}`).to.equal(true);
    return error as DarchaError;
  }
  return expect.fail(`expected ${code}`);
}

/** Resolves on the next macrotask turn, so that work queued by the code under test can run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
