import { isDarchaError } from '../errors/darcha-error.js';
import type { FieldError } from '../errors/field-error.js';
import { mergeFeeParams, overrideProblems } from '../registry/catalog-entry.schema.js';
import { feeScheduleProblems } from '../registry/fee-schedule-checks.js';
import type { ServiceRegistry, TenantCatalog } from '../registry/contracts.js';
import type { ServiceDefinition, ServiceFee } from '../registry/types.js';
import type { TenantRegistry } from '../tenancy/types.js';
import type { Inquiry } from '../workflow/inquiry/types.js';
import type { BaseAmountTable } from './base-amount-table.js';
import { feeQuoteInputProblems } from './fee-quote-input.schema.js';
import { filingDate } from './filing-date.js';
import { SCHEDULE_RULE, type FeeQuote, type FeeQuoteInput, type FeeSchedule } from './fee-types.js';
import { feeCountryMissing, feeQuoteInvalid, feeScheduleInvalid } from './fees.errors.js';
import { freeQuote, quoteFee } from './quote-fee.js';

export interface FeeServiceOptions {
  baseAmounts: BaseAmountTable;
  services: ServiceRegistry;
  catalog: TenantCatalog;
  tenants: TenantRegistry;
  /** The tenant's time zone (its working calendar's); the filing date is a date there. */
  timeZoneOf: (tenantId: string) => Promise<string>;
  clock?: () => Date;
}

/** The parts of an inquiry a fee depends on. */
export type FeeInquiry = Pick<
  Inquiry,
  'serviceCode' | 'serviceVersion' | 'formData' | 'channel' | 'applicant' | 'filedAt'
>;

/**
 * Quotes fees for a tenant: resolves the service's fee (the tenant's catalog view, with the city's
 * `overrides.feeParams` merged in when the fee is tenant-overridable), the filing date in the
 * tenant's time zone, the tenant's country (its ancestor of kind `country`) and the BHM in force on
 * that date, then computes the quote with {@link quoteFee}.
 *
 * Quoting opens its own transactions (catalog, registry, BHM table, calendar): quote before opening
 * a `withTenant` transaction, not inside one, and pass the quote into it.
 *
 * @example
 * const quote = await fees.quote('chirchik', { serviceCode: 'cadastre.register-extract',
 *   formData: { area: 80 }, channel: 'desk', applicantType: 'individual' });
 * quote.total; // 515000 on 2025-08-01 (1.25 x 412,000)
 */
export class FeeService {
  readonly #options: FeeServiceOptions;
  readonly #clock: () => Date;

  constructor(options: FeeServiceOptions) {
    this.#options = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  /**
   * The fee of a would-be application. With `serviceVersion`, that version's definition (an
   * inquiry's pinned one) with the tenant's current fee overrides, when they fit it; without, the
   * service as the tenant offers it now (`DARCHA_CATALOG_NOT_OFFERED` when it does not).
   */
  async quote(tenantId: string, input: FeeQuoteInput): Promise<FeeQuote> {
    const code = typeof input?.serviceCode === 'string' ? input.serviceCode : '?';
    const problems = feeQuoteInputProblems(input);
    if (problems.length > 0) throw feeQuoteInvalid(code, problems);
    const { definition, fee } = await this.#resolve(tenantId, input.serviceCode, input.serviceVersion);
    const fit = fitProblems(definition, input);
    if (fit.length > 0) throw feeQuoteInvalid(code, fit);
    const date = await this.#localDate(tenantId, input.at ?? this.#clock());
    if (fee.free) return freeQuote(definition.code, definition.version, date);
    const schedule = this.#schedule(tenantId, definition, fee);
    const country = usesBhm(schedule) ? await this.countryOf(tenantId) : '';
    const bhm = country === '' ? null : ((await this.#options.baseAmounts.inForce(country, date)) ?? null);
    return quoteFee(schedule, {
      tenantId,
      serviceCode: definition.code,
      serviceVersion: definition.version,
      serviceNames: definition.names,
      formData: input.formData,
      channel: input.channel,
      applicantType: input.applicantType,
      categories: input.categories ?? [],
      date,
      country,
      bhm,
    });
  }

  /** The fee of a filed inquiry: its pinned service version, its form, channel, applicant and filing time. */
  async quoteForInquiry(tenantId: string, inquiry: FeeInquiry): Promise<FeeQuote> {
    const categories = inquiry.applicant.type === 'individual' ? inquiry.applicant.categories : undefined;
    return this.quote(tenantId, {
      serviceCode: inquiry.serviceCode,
      serviceVersion: inquiry.serviceVersion,
      formData: inquiry.formData,
      channel: inquiry.channel,
      applicantType: inquiry.applicant.type,
      ...(categories ? { categories } : {}),
      at: inquiry.filedAt,
    });
  }

  /** The id of the tenant's country: itself when it is one, else its ancestor of kind `country`. */
  async countryOf(tenantId: string): Promise<string> {
    const tenant = await this.#options.tenants.get(tenantId);
    if (tenant.kind === 'country') return tenant.id;
    const ancestors = await this.#options.tenants.ancestors(tenantId);
    const country = ancestors.find((a) => a.kind === 'country');
    if (!country) throw feeCountryMissing(tenantId);
    return country.id;
  }

  /** The definition and the fee as the tenant applies it. */
  async #resolve(
    tenantId: string,
    code: string,
    version: number | undefined,
  ): Promise<{ definition: ServiceDefinition; fee: ServiceFee }> {
    const { services, catalog } = this.#options;
    if (version === undefined) {
      const offered = await catalog.service(tenantId, code);
      return { definition: offered.definition, fee: offered.fee };
    }
    const definition = await services.get(code, version);
    const offered = await catalog.service(tenantId, code).catch((error: unknown) => {
      if (isDarchaError(error, 'DARCHA_CATALOG_NOT_OFFERED')) return undefined; // withdrawn since filing
      throw error;
    });
    if (!offered) return { definition, fee: definition.fee };
    if (offered.version === version) return { definition, fee: offered.fee };
    // Another version is current: apply the tenant's overrides to the pinned one where they fit it.
    const entry = (await catalog.ownEntries(offered.source)).find((e) => e.serviceCode === code);
    const feeParams = entry?.overrides.feeParams;
    if (feeParams === undefined || overrideProblems(definition, { feeParams }).length > 0) {
      return { definition, fee: definition.fee };
    }
    return {
      definition,
      fee: { ...definition.fee, params: mergeFeeParams(definition.fee.params, feeParams) },
    };
  }

  /** The fee's schedule, checked against the service; `DARCHA_FEE_SCHEDULE_INVALID` when it cannot be used. */
  #schedule(tenantId: string, definition: ServiceDefinition, fee: ServiceFee): FeeSchedule {
    const problems =
      fee.rule === SCHEDULE_RULE
        ? feeScheduleProblems(fee.params ?? {}, definition)
        : [{ field: '/fee/rule', message: `is ${JSON.stringify(fee.rule)}, not "${SCHEDULE_RULE}"` }];
    if (problems.length > 0)
      throw feeScheduleInvalid(tenantId, definition.code, definition.version, problems);
    return fee.params as FeeSchedule;
  }

  async #localDate(tenantId: string, at: Date): Promise<string> {
    return filingDate(at, await this.#options.timeZoneOf(tenantId));
  }
}

/** Whether the service is offered through the channel and to the applicant type of the input. */
function fitProblems(definition: ServiceDefinition, input: FeeQuoteInput): FieldError[] {
  const problems: FieldError[] = [];
  if (!definition.channels.includes(input.channel)) {
    problems.push({
      field: '/channel',
      message: `the service is offered through ${definition.channels.join(', ')} only`,
    });
  }
  if (!definition.applicantTypes.includes(input.applicantType)) {
    problems.push({
      field: '/applicantType',
      message: `the service is for ${definition.applicantTypes.join(', ')} only`,
    });
  }
  return problems;
}

/** Whether any amount of the schedule is a multiple of the BHM. */
function usesBhm(schedule: FeeSchedule): boolean {
  const amounts = [
    schedule.amount,
    ...(schedule.tiers ?? []).map((t) => t.amount),
    ...Object.values(schedule.channels ?? {}),
  ];
  return amounts.some((amount) => amount !== undefined && 'bhm' in amount);
}
