import type { Platform } from '@darcha/core';
import { Router, type RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { readJobBacklog, type JobBacklog } from './job-backlog.query.js';
import { matchedRoute, trackMatchedRoute } from './matched-route.js';

/** A server's Prometheus metrics: its own registry (never prom-client's global one), and the handles routes use. */
export interface ServerMetrics {
  registry: Registry;
  /** Increment when an inquiry is filed: `inquiriesFiled.inc({ tenant, channel })`. */
  inquiriesFiled: Counter<'tenant' | 'channel'>;
  /** Increment when an inquiry moves: `inquiriesTransitioned.inc({ tenant, action })`. */
  inquiriesTransitioned: Counter<'tenant' | 'action'>;
  /** Times every request into `darcha_http_request_duration_seconds`; mount it before the routes. */
  middleware: RequestHandler;
  /** `GET /metrics` in the Prometheus text format. */
  router: Router;
}

/**
 * Creates the metrics of one server: process metrics (`process_*`, `nodejs_*`), request durations
 * by method, route pattern and status, the inquiry counters, and two gauges read from the database
 * at scrape time: `darcha_outbox_backlog{status="pending"|"dead"}` and `darcha_timer_lag_seconds`.
 * When the database cannot be read, `darcha_job_backlog_up` is 0, the backlog has no samples, the
 * lag reads 0, and a warning is logged.
 */
export function createMetrics(platform: Platform): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'darcha_http_request_duration_seconds',
    help: 'Time from request to finished response, by method, matched route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const inquiriesFiled = new Counter({
    name: 'darcha_inquiries_filed_total',
    help: 'Inquiries filed, by tenant and channel (desk, online, api).',
    labelNames: ['tenant', 'channel'] as const,
    registers: [registry],
  });
  const inquiriesTransitioned = new Counter({
    name: 'darcha_inquiries_transitioned_total',
    help: 'Workflow actions taken on inquiries, by tenant and action.',
    labelNames: ['tenant', 'action'] as const,
    registers: [registry],
  });

  // The backlog gauges are collected in the same scrape: they share one read of the database.
  let reading: Promise<JobBacklog | undefined> | undefined;
  const backlog = (): Promise<JobBacklog | undefined> =>
    (reading ??= readJobBacklog(platform)
      .catch((error: unknown) => {
        platform.logger.warn({ err: error }, 'metrics: could not read the job backlog');
        return undefined;
      })
      .finally(() => {
        reading = undefined;
      }));
  new Gauge({
    name: 'darcha_outbox_backlog',
    help: 'Outbox events waiting for delivery (pending) or for an operator (dead), over all active tenants.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const value = await backlog();
      this.reset();
      if (!value) return;
      this.set({ status: 'pending' }, value.outboxPending);
      this.set({ status: 'dead' }, value.outboxDead);
    },
  });
  new Gauge({
    name: 'darcha_job_backlog_up',
    help: '1 when this scrape could read the outbox and timer backlog from the database, else 0.',
    registers: [registry],
    async collect() {
      this.set((await backlog()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'darcha_timer_lag_seconds',
    help: 'Age of the oldest SLA timer that is due and not yet fired, over all active tenants; 0 when none.',
    registers: [registry],
    async collect() {
      const value = await backlog();
      this.reset();
      if (value) this.set(value.timerLagSeconds);
    },
  });

  const middleware: RequestHandler = (req, res, next) => {
    trackMatchedRoute(req);
    const end = duration.startTimer();
    res.once('close', () => {
      end({ method: req.method, route: matchedRoute(req), status: String(res.statusCode) });
    });
    next();
  };

  const router = Router();
  router.get('/metrics', async (_req, res, next) => {
    try {
      const text = await registry.metrics();
      res.type(registry.contentType).send(text);
    } catch (error) {
      next(error);
    }
  });

  return { registry, inquiriesFiled, inquiriesTransitioned, middleware, router };
}
