import { performance } from 'node:perf_hooks';
import { TenantWorkflowContexts, type Platform } from '@darcha/core';
import { ApplicantPool } from './applicant-pool.js';
import type { GeneratedInquiry } from './generated-inquiry.js';
import { filingTimes } from './history-arrivals.js';
import { hasHistory, historySubject } from './history-marker.js';
import { HistoryQuotes } from './history-quotes.js';
import type { CityHistoryResult, CityHistorySpec, SeedHistoryOptions } from './history-types.js';
import { ServicePlayError, generateInquiry, type GeneratorContext } from './inquiry-generator.js';
import type { PlayContext } from './play-inquiry.js';
import { SeededRandom } from './seeded-random.js';
import { baseWeights, tiltTowardRevenue } from './service-mix.js';
import { profileServices, type SkippedService } from './service-profiles.js';
import { StaffPool } from './staff-pool.js';
import { writeHistory } from './write-history.js';

/** People in the city's pool per inquiry: many come more than once (32,000-36,000 subscribers for 35,000 inquiries). */
const PEOPLE_PER_INQUIRY = 0.8;

/** No service of the city's catalog can be filed (its packs are not enabled, or it lacks staff). */
export class NoHistoryServicesError extends Error {}

/**
 * Seeds one city's history for a period, unless it has it (see `history-marker.ts`): checks which
 * services of its catalog can be filed, tunes the mix, generates the inquiries in filing order with
 * their history, invoices, payments and ratings, and writes them in one transaction. Throws
 * {@link NoHistoryServicesError} when no service can be filed.
 */
export async function seedCityHistory(
  platform: Platform,
  spec: CityHistorySpec,
  options: SeedHistoryOptions = {},
): Promise<CityHistoryResult> {
  const started = performance.now();
  const { tenantId, from, to } = spec;
  const report = options.onProgress ?? (() => undefined);
  const scale = options.scale ?? 1;
  const count = Math.max(1, Math.round(spec.inquiries * scale));
  const empty = { tenantId, from, to, inquiries: 0, historyEntries: 0, payments: 0, revenue: 0, ratings: 0 };
  if (await hasHistory(platform, tenantId, from, to)) {
    report({
      tenantId,
      phase: 'skipped',
      done: 0,
      total: 0,
      message: `${tenantId} has its ${from}..${to} history`,
    });
    return { ...empty, seeded: false, tilt: 1, skipped: [], ms: Math.round(performance.now() - started) };
  }
  const tenant = await platform.tenants.get(tenantId);
  const context = await new TenantWorkflowContexts({
    tenants: platform.tenants,
    calendars: platform.calendars,
  }).get(tenantId);
  const { calendar } = context;
  const random = new SeededRandom(`${options.seed ?? 'darcha-demo'}:${tenantId}:${from}:${to}:${count}`);
  const members = await platform.staff.list(tenantId);
  const staff = new StaffPool(members, context.routing, random.fork('staff'));
  const play: PlayContext = { calendar, staff, random: random.fork('play') };
  const country = await platform.fees.countryOf(tenantId);
  const quotes = new HistoryQuotes(platform, tenantId, await platform.baseAmounts.list(country));
  const cityName = tenant.names['uz-Latn'] ?? tenant.names.en ?? tenantId;
  const applicants = new ApplicantPool(
    random.fork('people'),
    Math.ceil(count * PEOPLE_PER_INQUIRY),
    cityName,
  );
  const times = filingTimes(calendar, from, to, count, random.fork('arrivals'));
  const sampleAt = times[Math.floor(times.length / 2)]!;
  const { profiles, skipped } = await profileServices(
    {
      platform,
      tenantId,
      cityName,
      play: {
        calendar,
        staff: new StaffPool(members, context.routing, random.fork('trial-staff')),
        random: random.fork('trial'),
      },
      quotes,
      applicants,
      random: random.fork('profiles'),
      sampleAt,
      sampleDate: calendar.localDate(sampleAt),
    },
    await platform.catalog.services(tenantId),
  );
  if (profiles.length === 0) {
    throw new NoHistoryServicesError(
      `No service of ${tenantId} can be filed in its history: ${skipped.map((s) => `${s.serviceCode} (${s.reason})`).join('; ') || 'the catalog is empty'}`,
    );
  }
  const target = spec.revenueTarget === undefined ? undefined : spec.revenueTarget * scale;
  const mix = tiltTowardRevenue(baseWeights(profiles, spec.kinds), count, target);
  const yearOf = (at: Date) => Number(calendar.localDate(at).slice(0, 4));
  const generator: GeneratorContext = {
    platform,
    tenantId,
    play,
    mix: mix.weights,
    applicants,
    quotes,
    cityName,
    localDate: (at) => calendar.localDate(at),
    year: yearOf,
    now: options.now ?? new Date(),
  };
  const inquiries: GeneratedInquiry[] = [];
  const step = Math.max(1, Math.round(count / 10));
  for (const filedAt of times) {
    inquiries.push(await generateSafely(generator, filedAt, skipped, tenantId));
    if (inquiries.length % step === 0 || inquiries.length === count) {
      report({ tenantId, phase: 'plan', done: inquiries.length, total: count });
    }
  }
  const payments = inquiries.filter((g) => g.invoice?.payment);
  const revenue = payments.reduce((sum, g) => sum + g.invoice!.quote.total, 0);
  const historyEntries = inquiries.reduce((n, g) => n + g.sim.history.length, 0);
  const ratings = inquiries.filter((g) => g.rating).length;
  let reported = 0;
  const wrote = await writeHistory(platform, inquiries, {
    tenantId,
    trackingPrefix: context.trackingPrefix,
    subject: historySubject(from, to),
    yearOf,
    assignments: staff.assignments,
    random: random.fork('rows'),
    summary: {
      inquiries: count,
      payments: payments.length,
      revenue,
      ratings,
      seed: options.seed ?? 'darcha-demo',
    },
    onRows: (done, total) => {
      if (done - reported < total / 10 && done < total) return;
      reported = done;
      report({ tenantId, phase: 'write', done, total });
    },
  });
  const ms = Math.round(performance.now() - started);
  if (!wrote) {
    report({
      tenantId,
      phase: 'skipped',
      done: 0,
      total: 0,
      message: `${tenantId} got its history meanwhile`,
    });
    return { ...empty, seeded: false, tilt: mix.tilt, skipped, ms };
  }
  report({
    tenantId,
    phase: 'done',
    done: count,
    total: count,
    message: `${tenantId} ${from}..${to}: ${count} inquiries, ${payments.length} payments, ${revenue} soums, ${ratings} ratings in ${(ms / 1000).toFixed(1)} s`,
  });
  return {
    tenantId,
    from,
    to,
    seeded: true,
    inquiries: count,
    historyEntries,
    payments: payments.length,
    revenue,
    ratings,
    tilt: mix.tilt,
    skipped,
    ms,
  };
}

/**
 * An inquiry of the mix; a service whose inquiry cannot be played (a path the trial runs did not
 * meet) leaves the mix with the reason, and another is drawn for the same filing time.
 */
async function generateSafely(
  generator: GeneratorContext,
  filedAt: Date,
  skipped: SkippedService[],
  tenantId: string,
): Promise<GeneratedInquiry> {
  for (;;) {
    try {
      return await generateInquiry(generator, filedAt);
    } catch (error) {
      if (!(error instanceof ServicePlayError)) throw error;
      generator.mix = generator.mix.filter((w) => w.profile.service.serviceCode !== error.serviceCode);
      skipped.push({ serviceCode: error.serviceCode, reason: error.message });
      if (generator.mix.length === 0)
        throw new NoHistoryServicesError(`No service of ${tenantId} can be played`);
    }
  }
}
