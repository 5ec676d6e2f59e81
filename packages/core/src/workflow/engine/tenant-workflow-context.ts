import type { WorkingCalendar } from '../../calendar/working-calendar.js';
import type { TenantRegistry, TenantSettings } from '../../tenancy/types.js';

/** How new inquiries find their officer: left to the candidate role's inbox, or assigned. */
export type RoutingPolicy = 'candidate_role' | 'round_robin' | 'least_loaded';

export const ROUTING_POLICIES: readonly RoutingPolicy[] = ['candidate_role', 'round_robin', 'least_loaded'];

/** Where the engine reads a tenant's working calendar (the calendar store, cached). */
export interface CalendarSource {
  get(tenantId: string): Promise<WorkingCalendar>;
}

/** What the engine needs to know about a tenant, read outside the inquiry's transaction. */
export interface TenantWorkflowContext {
  tenantId: string;
  /** `CHR` for Chirchik: from the setting `inquiries.trackingPrefix`, else the id's first letters. */
  trackingPrefix: string;
  timeZone: string;
  routing: RoutingPolicy;
  calendar: WorkingCalendar;
}

/**
 * Reads and caches each tenant's workflow context for `ttlMs`. The tenant must be active: filing
 * and transitions on a suspended or archived city are refused by `requireActive`.
 */
export class TenantWorkflowContexts {
  readonly #tenants: TenantRegistry;
  readonly #calendars: CalendarSource;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, { context: TenantWorkflowContext; until: number }>();

  constructor(options: {
    tenants: TenantRegistry;
    calendars: CalendarSource;
    ttlMs?: number;
    now?: () => number;
  }) {
    this.#tenants = options.tenants;
    this.#calendars = options.calendars;
    this.#ttlMs = options.ttlMs ?? 5_000;
    this.#now = options.now ?? Date.now;
  }

  async get(tenantId: string): Promise<TenantWorkflowContext> {
    const cached = this.#cache.get(tenantId);
    if (cached && cached.until > this.#now()) return cached.context;
    const tenant = await this.#tenants.requireActive(tenantId);
    const settings = await this.#tenants.effectiveSettings(tenantId);
    const context: TenantWorkflowContext = {
      tenantId,
      trackingPrefix: trackingPrefix(tenantId, settings),
      timeZone: tenant.timeZone,
      routing: routingPolicy(settings),
      calendar: await this.#calendars.get(tenantId),
    };
    this.#cache.set(tenantId, { context, until: this.#now() + this.#ttlMs });
    return context;
  }

  /** Forgets a tenant (its settings or calendar changed in this process). */
  invalidate(tenantId?: string): void {
    if (tenantId === undefined) this.#cache.clear();
    else this.#cache.delete(tenantId);
  }
}

function section(settings: TenantSettings, name: string): TenantSettings {
  const value = settings[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/** The tracking-number prefix: the setting when it is 2-6 capital letters, else from the id. */
export function trackingPrefix(tenantId: string, settings: TenantSettings): string {
  const configured = section(settings, 'inquiries')['trackingPrefix'];
  if (typeof configured === 'string' && /^[A-Z]{2,6}$/.test(configured)) return configured;
  const letters = tenantId.replace(/[^a-z]/g, '').toUpperCase();
  return (letters.slice(0, 3) || 'INQ').padEnd(2, 'X');
}

function routingPolicy(settings: TenantSettings): RoutingPolicy {
  const configured = section(settings, 'workflow')['routing'];
  return ROUTING_POLICIES.find((p) => p === configured) ?? 'candidate_role';
}
