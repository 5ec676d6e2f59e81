import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import {
  DEFAULT_RETENTION,
  PRUNE_BATCH,
  pruneHost,
  pruneTenant,
  type PrunedCounts,
  type RetentionPolicy,
} from './retention.js';

export interface RetentionJobOptions {
  db: Database;
  logger: Logger;
  /** Every tenant whose tables are pruned (suspended ones too: their rows age as well). */
  tenantIds: () => Promise<string[]>;
  policy?: RetentionPolicy;
  /**
   * Other per-city housekeeping run on the same schedule, after the pruning: expiring unpaid
   * invoices past their due date. Each returns how many rows it changed (summed in the pass).
   */
  tenantTasks?: ReadonlyArray<{ name: string; run(tenantId: string): Promise<number> }>;
  /** Time between passes (default an hour); the first pass runs a minute after start. */
  intervalMs?: number;
  clock?: () => Date;
}

/** What one pass deleted, summed over the tenants, with the tenants whose pass failed. */
export interface RetentionPass {
  pruned: PrunedCounts & { platformSessions: number };
  /** Rows each housekeeping task changed, by task name. */
  tasks: Record<string, number>;
  failedTenants: string[];
}

/**
 * Deletes finished rows (see {@link RetentionPolicy}) on a slow schedule. Any number of processes
 * may run it: deletes of the same rows by two processes do no harm. A failing tenant is logged and
 * retried on the next pass; the loop never throws.
 */
export class RetentionJob {
  readonly #options: RetentionJobOptions;
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<unknown> | undefined;
  #running = false;

  constructor(options: RetentionJobOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(60_000);
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#pass;
  }

  /** One pass over every tenant and the host tables, each table worked down in batches. */
  async runOnce(): Promise<RetentionPass> {
    const { db, logger } = this.#options;
    const policy = this.#options.policy ?? DEFAULT_RETENTION;
    const now = (this.#options.clock ?? (() => new Date()))();
    const pass: RetentionPass = {
      pruned: {
        outboxEvents: 0,
        timers: 0,
        idempotencyKeys: 0,
        staffSessions: 0,
        phoneChallenges: 0,
        platformSessions: 0,
      },
      tasks: Object.fromEntries((this.#options.tenantTasks ?? []).map((task) => [task.name, 0])),
      failedTenants: [],
    };
    for (const tenantId of await this.#options.tenantIds()) {
      try {
        for (;;) {
          const counts = await pruneTenant(db, tenantId, now, policy);
          for (const [table, count] of Object.entries(counts) as [keyof PrunedCounts, number][]) {
            pass.pruned[table] += count;
          }
          if (!Object.values(counts).some((count) => count >= PRUNE_BATCH)) break;
        }
        for (const task of this.#options.tenantTasks ?? []) {
          pass.tasks[task.name] = (pass.tasks[task.name] ?? 0) + (await task.run(tenantId));
        }
      } catch (error) {
        pass.failedTenants.push(tenantId);
        logger.warn({ err: error, tenantId }, 'retention pass failed for a tenant; retried next pass');
      }
    }
    try {
      for (;;) {
        const count = await pruneHost(db, now, policy);
        pass.pruned.platformSessions += count;
        if (count < PRUNE_BATCH) break;
      }
    } catch (error) {
      logger.warn({ err: error }, 'retention pass failed for platform sessions; retried next pass');
    }
    logger.info(
      { pruned: pass.pruned, tasks: pass.tasks, failedTenants: pass.failedTenants },
      'retention pass',
    );
    return pass;
  }

  #schedule(delayMs: number): void {
    if (!this.#running) return;
    this.#timer = setTimeout(() => {
      this.#pass = this.runOnce()
        .catch((error: unknown) => this.#options.logger.error({ err: error }, 'retention pass failed'))
        .finally(() => this.#schedule(this.#options.intervalMs ?? 3_600_000));
    }, delayMs);
    this.#timer.unref();
  }
}
