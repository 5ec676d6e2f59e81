import type { Logger } from '../../logging/logger.js';
import type { WorkflowEngine } from '../engine/workflow-engine.js';
import { fireDueTimers, type TimerOutcome } from './fire-timers.js';

export interface TimerSchedulerOptions {
  engine: WorkflowEngine;
  logger: Logger;
  /** The tenants to poll (active ones); timers live in tenant tables, so each is claimed on its own. */
  tenantIds: () => Promise<string[]>;
  /** Timers fired per tenant per transaction (default 100). */
  batchSize?: number;
  /** Pause between passes when nothing was due (default 1000 ms). */
  pollIntervalMs?: number;
  /** Called after a pass that fired something (the outbox dispatcher's `wake`). */
  afterFire?: () => void;
}

/** What one pass did. */
export interface TimerPass {
  fired: { tenantId: string; timerId: string; inquiryId: string; outcome: TimerOutcome }[];
  failedTenants: string[];
}

/**
 * The in-process timer scheduler. Every process may run one: each pass claims due timers per
 * tenant with `FOR UPDATE SKIP LOCKED` (see `fireDueTimers`), so processes share the work and no
 * timer fires twice. A tenant whose pass fails is logged and retried on the next pass; the loop
 * never throws.
 */
export class TimerScheduler {
  readonly #options: TimerSchedulerOptions;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<unknown> | undefined;

  constructor(options: TimerSchedulerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(0);
  }

  /** Stops polling and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#pass;
  }

  /** One pass over every tenant, until each has no more due timers. */
  async runOnce(): Promise<TimerPass> {
    const pass: TimerPass = { fired: [], failedTenants: [] };
    const batchSize = this.#options.batchSize ?? 100;
    for (const tenantId of await this.#options.tenantIds()) {
      try {
        for (;;) {
          const fired = await this.#options.engine.inTenant(tenantId, (trx, rt) =>
            fireDueTimers(trx, rt, batchSize),
          );
          pass.fired.push(...fired.map((f) => ({ tenantId, ...f })));
          if (fired.length < batchSize) break;
        }
      } catch (error) {
        pass.failedTenants.push(tenantId);
        this.#options.logger.error({ err: error, tenant: tenantId }, 'timer pass failed for tenant');
      }
    }
    if (pass.fired.length > 0) {
      this.#options.logger.info({ fired: pass.fired.length }, 'timers fired');
      this.#options.afterFire?.();
    }
    return pass;
  }

  #schedule(delay: number): void {
    if (!this.#running) return;
    this.#timer = setTimeout(() => {
      const pass = this.runOnce().catch((error: unknown) => {
        this.#options.logger.error({ err: error }, 'timer pass failed');
      });
      this.#pass = pass;
      void pass.then(() => this.#schedule(this.#options.pollIntervalMs ?? 1000));
    }, delay);
    this.#timer.unref();
  }
}
