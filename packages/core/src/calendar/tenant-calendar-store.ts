import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import type { TenantTransaction } from '../db/types.js';
import { violatedForeignKey } from '../registry/foreign-key-violation.js';
import { tenantNotFound } from '../tenancy/tenancy.errors.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import type { TenantRegistry } from '../tenancy/types.js';
import { defaultCalendar } from './default-calendar.js';
import { mergeHolidays } from './holiday-merge.js';
import type { CalendarDefinition, CalendarHoliday } from './types.js';
import { WorkingCalendar } from './working-calendar.js';

/** How long a tenant's effective calendar is trusted before it is read again, by default. */
export const CALENDAR_TTL_MS = 5_000;

export interface TenantCalendarStoreOptions {
  db: Database;
  tenants: TenantRegistry;
  /**
   * How long an effective calendar is kept, in ms (default {@link CALENDAR_TTL_MS}). Changes made
   * through this store take effect at once in this process; changes made by another process, or a
   * tenant moved under another parent, within this time.
   */
  ttlMs?: number;
  /** Epoch milliseconds now; `Date.now` by default. Tests pass a clock they move by hand. */
  clock?: () => number;
}

/** The calendar a tenant works by, and whose it is. */
export interface EffectiveCalendarDefinition {
  definition: Readonly<CalendarDefinition>;
  /**
   * The tenant whose row the definition comes from: the tenant itself, or its nearest ancestor with
   * a calendar; `null` when no tenant in the chain has one and {@link defaultCalendar} applies.
   */
  sourceTenantId: string | null;
}

interface Effective extends EffectiveCalendarDefinition {
  calendar: WorkingCalendar;
  /** The tenant and its ancestors when this was read: a change to any of them invalidates it. */
  chain: readonly string[];
}

/**
 * Tenants' working calendars, in the tenant table `tenant_calendars` (one row per tenant at most).
 *
 * A tenant's effective calendar is its own row; without one, its nearest ancestor's (a city inherits
 * its region's, a region its country's); without any, {@link defaultCalendar}. An inherited or default
 * calendar is applied in the tenant's own time zone (`Tenant.timeZone`): holidays and working hours
 * are local dates and times, wherever the city is. A tenant's own row keeps the time zone it was saved
 * with.
 *
 * Effective calendars are compiled once and cached per tenant for `ttlMs`. `set`, `clear` and
 * `addHolidays` are audited (`calendar.set`, `calendar.clear`, `calendar.holidays.add`) and drop the
 * cached calendars of the tenant and of every cached tenant below it.
 *
 * Reading a calendar opens its own transactions (one per tenant in the chain, on a cache miss): get
 * the calendar before opening a `withTenant` transaction, not inside one.
 *
 * @example
 * const calendars = new TenantCalendarStore({ db, tenants });
 * await calendars.set('uz', uzbekistan2026, 'admin-1'); // the country's holidays
 * const chirchik = await calendars.get('chirchik'); // inherits uz's calendar
 * chirchik.addWorkingDays(filedAt, 5);
 */
export class TenantCalendarStore {
  readonly #db: Database;
  readonly #tenants: TenantRegistry;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  readonly #cache = new Map<string, { value: Effective; expiresAt: number }>();
  readonly #loading = new Map<string, Promise<Effective>>();
  /** Bumped by every change, so that a read begun before a change is not cached after it. */
  #generation = 0;

  constructor(options: TenantCalendarStoreOptions) {
    this.#db = options.db;
    this.#tenants = options.tenants;
    this.#ttlMs = options.ttlMs ?? CALENDAR_TTL_MS;
    this.#clock = options.clock ?? Date.now;
  }

  /** The tenant's effective working calendar. Throws `DARCHA_TENANT_NOT_FOUND` for an unknown tenant. */
  async get(tenantId: string): Promise<WorkingCalendar> {
    return (await this.#effective(tenantId)).calendar;
  }

  /** The tenant's effective calendar definition, and the tenant it comes from. */
  async definition(tenantId: string): Promise<EffectiveCalendarDefinition> {
    const { definition, sourceTenantId } = await this.#effective(tenantId);
    return { definition, sourceTenantId };
  }

  /**
   * Saves the tenant's own calendar, replacing any it had; the tenants below it that have none of
   * their own inherit it. Throws `DARCHA_CALENDAR_INVALID` listing every invalid field, or
   * `DARCHA_CALENDAR_NO_WORKING_TIME`, and saves nothing; `DARCHA_TENANT_NOT_FOUND` for an unknown
   * tenant.
   */
  async set(tenantId: string, definition: CalendarDefinition, actorId: string): Promise<WorkingCalendar> {
    assertTenantId(tenantId);
    const calendar = new WorkingCalendar(definition, { label: label(tenantId) });
    await this.#write(tenantId, async (trx) => {
      const replaced = await this.#save(trx, tenantId, calendar.definition, actorId);
      await appendAudit(trx, tenantId, {
        actor: actorId,
        action: 'calendar.set',
        subjectType: 'calendar',
        subjectId: tenantId,
        details: { ...summary(calendar.definition), replaced },
      });
    });
    return calendar;
  }

  /**
   * Removes the tenant's own calendar, so that it inherits again. Resolves to whether it had one;
   * clearing a tenant without one changes nothing and records nothing.
   */
  async clear(tenantId: string, actorId: string): Promise<boolean> {
    assertTenantId(tenantId);
    const removed = await this.#write(tenantId, async (trx) => {
      const count = await trx('tenant_calendars').where({ tenant_id: tenantId }).delete();
      if (count === 0) return false;
      await appendAudit(trx, tenantId, {
        actor: actorId,
        action: 'calendar.clear',
        subjectType: 'calendar',
        subjectId: tenantId,
      });
      return true;
    });
    return removed;
  }

  /**
   * Adds holidays to the tenant's own calendar. Without one, the tenant gets one: a copy of the
   * calendar it inherits, with the holidays added (from then on, changes to the ancestor's calendar no
   * longer reach it). A date already listed as a holiday takes the new names. Throws
   * `DARCHA_CALENDAR_INVALID` for a bad date, a date given twice, or a date the calendar works as an
   * extra working day.
   */
  async addHolidays(
    tenantId: string,
    holidays: readonly CalendarHoliday[],
    actorId: string,
  ): Promise<WorkingCalendar> {
    assertTenantId(tenantId);
    // Read outside the write transaction: an inherited calendar is read in its owner's transaction.
    const current = await this.#load(tenantId);
    return this.#write(tenantId, async (trx) => {
      // Create the own row from the inherited calendar unless there is one; either way it is now
      // locked, so two additions at once both land.
      const created = await trx('tenant_calendars')
        .insert(row(trx, tenantId, current.definition, actorId))
        .onConflict('tenant_id')
        .ignore()
        .returning('tenant_id');
      const own = created.length > 0 ? undefined : await readOwn(trx, tenantId, true);
      const merged = mergeHolidays(own ?? current.definition, holidays, label(tenantId));
      const calendar = new WorkingCalendar(merged, { label: label(tenantId) });
      await this.#save(trx, tenantId, calendar.definition, actorId);
      await appendAudit(trx, tenantId, {
        actor: actorId,
        action: 'calendar.holidays.add',
        subjectType: 'calendar',
        subjectId: tenantId,
        details: {
          dates: holidays.map((h) => h.date),
          copiedFrom: own ? null : (current.sourceTenantId ?? 'default'),
        },
      });
      return calendar;
    });
  }

  async #effective(tenantId: string): Promise<Effective> {
    assertTenantId(tenantId);
    const cached = this.#cache.get(tenantId);
    if (cached && this.#clock() < cached.expiresAt) return cached.value;
    const pending = this.#loading.get(tenantId);
    if (pending) return pending;
    const generation = this.#generation;
    const loading: Promise<Effective> = this.#load(tenantId)
      .then((value) => {
        if (generation === this.#generation) {
          this.#cache.set(tenantId, { value, expiresAt: this.#clock() + this.#ttlMs });
        }
        return value;
      })
      .finally(() => {
        if (this.#loading.get(tenantId) === loading) this.#loading.delete(tenantId);
      });
    this.#loading.set(tenantId, loading);
    return loading;
  }

  /** Reads the effective calendar from the database: the tenant's row, else the nearest ancestor's. */
  async #load(tenantId: string): Promise<Effective> {
    const tenant = await this.#tenants.get(tenantId);
    const ancestors = await this.#tenants.ancestors(tenantId);
    const chain = [tenantId, ...ancestors.map((a) => a.id).reverse()];
    for (const id of chain) {
      const own = await this.#db.withTenant(id, (trx) => readOwn(trx, id, false));
      if (!own) continue;
      const definition = id === tenantId ? own : { ...own, timeZone: tenant.timeZone };
      return effective(tenantId, definition, id, chain);
    }
    return effective(tenantId, defaultCalendar(tenant.timeZone), null, chain);
  }

  /** Upserts the tenant's row; resolves to whether it replaced one. */
  async #save(
    trx: TenantTransaction,
    tenantId: string,
    definition: Readonly<CalendarDefinition>,
    actorId: string,
  ): Promise<boolean> {
    const existed = await trx('tenant_calendars')
      .where({ tenant_id: tenantId })
      .forUpdate()
      .first('tenant_id');
    await trx('tenant_calendars')
      .insert(row(trx, tenantId, definition, actorId))
      .onConflict('tenant_id')
      .merge();
    return existed !== undefined;
  }

  /** Runs a change, then forgets the cached calendars it may have changed (after commit). */
  async #write<T>(tenantId: string, work: (trx: TenantTransaction) => Promise<T>): Promise<T> {
    try {
      return await this.#db.withTenant(tenantId, work);
    } catch (error) {
      if (violatedForeignKey(error)?.endsWith('_tenant_id_foreign')) throw tenantNotFound(tenantId);
      throw error;
    } finally {
      this.#forget(tenantId);
    }
  }

  /** Drops the cached calendar of the tenant and of every cached tenant that inherits through it. */
  #forget(tenantId: string): void {
    this.#generation++;
    this.#loading.clear(); // reads begun before the change are not shared with later callers
    for (const [id, entry] of this.#cache) {
      if (entry.value.chain.includes(tenantId)) this.#cache.delete(id);
    }
  }
}

function label(tenantId: string): string {
  return `tenant "${tenantId}"`;
}

function row(
  trx: TenantTransaction,
  tenantId: string,
  definition: Readonly<CalendarDefinition>,
  actorId: string,
): Record<string, unknown> {
  return {
    tenant_id: tenantId,
    definition: JSON.stringify(definition),
    updated_by: actorId,
    updated_at: trx.fn.now(),
  };
}

async function readOwn(
  trx: TenantTransaction,
  tenantId: string,
  forUpdate: boolean,
): Promise<CalendarDefinition | undefined> {
  const query = trx('tenant_calendars').where({ tenant_id: tenantId }).first('definition');
  const row: { definition: CalendarDefinition } | undefined = await (forUpdate ? query.forUpdate() : query);
  return row?.definition;
}

function effective(
  tenantId: string,
  definition: CalendarDefinition,
  sourceTenantId: string | null,
  chain: readonly string[],
): Effective {
  const calendar = new WorkingCalendar(definition, { label: label(tenantId) });
  return { calendar, definition: calendar.definition, sourceTenantId, chain: Object.freeze([...chain]) };
}

function summary(definition: Readonly<CalendarDefinition>): Record<string, unknown> {
  return {
    timeZone: definition.timeZone,
    holidays: definition.holidays?.length ?? 0,
    extraWorkingDays: definition.extraWorkingDays?.length ?? 0,
  };
}
