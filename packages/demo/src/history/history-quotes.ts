import {
  SCHEDULE_RULE,
  type Applicant,
  type BaseAmount,
  type CatalogService,
  type FeeCondition,
  type FeeQuote,
  type FeeSchedule,
  type Platform,
} from '@darcha/core';

/** What an inquiry's fee is computed from. */
export interface QuoteRequest {
  service: CatalogService;
  formData: Record<string, unknown>;
  applicant: Applicant;
  channel: 'desk' | 'online' | 'api';
  /** The local filing date `YYYY-MM-DD`. */
  filingDate: string;
  filedAt: Date;
}

/**
 * The fees of the history's inquiries, as the platform quotes them (`platform.fees.quote`, the very
 * call the invoice is made from), asked once per distinct case. A quote depends on the service
 * version, the applicant type, the channel, the tier the form falls in and its per-unit count, the
 * discount categories and the BHM in force; two inquiries alike in all of those get the
 * same quote but for its `date`, which is set to each inquiry's filing date. So 35,000 inquiries
 * need a few hundred quotes, not 35,000.
 */
export class HistoryQuotes {
  readonly #platform: Platform;
  readonly #tenantId: string;
  readonly #bhm: readonly BaseAmount[];
  readonly #cache = new Map<string, Promise<FeeQuote>>();

  /** `bhm`: the country's BHM values, oldest first (`platform.baseAmounts.list`). */
  constructor(platform: Platform, tenantId: string, bhm: readonly BaseAmount[]) {
    this.#platform = platform;
    this.#tenantId = tenantId;
    this.#bhm = bhm;
  }

  /** How many distinct quotes were asked of the platform. */
  get asked(): number {
    return this.#cache.size;
  }

  async quote(request: QuoteRequest): Promise<FeeQuote> {
    const { service, formData, applicant, channel, filingDate, filedAt } = request;
    const categories = applicant.type === 'individual' ? (applicant.categories ?? []) : [];
    const key = JSON.stringify([
      service.serviceCode,
      service.version,
      applicant.type,
      channel,
      [...categories].sort(),
      feeCase(service, { formData, applicantType: applicant.type, channel }),
      this.#bhmFrom(filingDate),
    ]);
    let quote = this.#cache.get(key);
    if (!quote) {
      quote = this.#platform.fees.quote(this.#tenantId, {
        serviceCode: service.serviceCode,
        serviceVersion: service.version,
        formData,
        channel,
        applicantType: applicant.type,
        ...(categories.length > 0 ? { categories } : {}),
        at: filedAt,
      });
      this.#cache.set(key, quote);
    }
    return { ...(await quote), date: filingDate };
  }

  /** The first day of the BHM value in force on `date`, or '' before the first. */
  #bhmFrom(date: string): string {
    let from = '';
    for (const value of this.#bhm) if (value.effectiveFrom <= date) from = value.effectiveFrom;
    return from;
  }
}

/**
 * What of the application the fee schedule looks at: the tier that applies (the first whose
 * conditions all hold, as core's `conditionHolds` reads them) and the per-unit count.
 */
function feeCase(service: CatalogService, application: Application): unknown[] {
  const fee = service.fee;
  if (fee.free || fee.rule !== SCHEDULE_RULE) return [];
  const schedule = (fee.params ?? {}) as FeeSchedule;
  const tier = (schedule.tiers ?? []).findIndex((t) => t.when.every((c) => holds(c, application)));
  const units = schedule.perUnit ? (valueOf(application, schedule.perUnit.field) ?? null) : null;
  return [tier, units];
}

interface Application {
  formData: Record<string, unknown>;
  applicantType: string;
  channel: string;
}

function holds(condition: FeeCondition, application: Application): boolean {
  const value = valueOf(application, condition.field);
  if (value === undefined || value === null) return false;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.in !== undefined && !(condition.in as unknown[]).includes(value)) return false;
  if (condition.min !== undefined || condition.max !== undefined) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    if (condition.min !== undefined && value < condition.min) return false;
    if (condition.max !== undefined && value > condition.max) return false;
  }
  return true;
}

function valueOf(application: Application, field: string): unknown {
  if (field === '$applicantType') return application.applicantType;
  if (field === '$channel') return application.channel;
  let value: unknown = application.formData;
  for (const segment of field.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
