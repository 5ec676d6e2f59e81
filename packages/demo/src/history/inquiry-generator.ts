import { LOW_RATING_THRESHOLD, type Locale, type Platform } from '@darcha/core';
import type { ApplicantPool } from './applicant-pool.js';
import { sampleForm } from './form-sample.js';
import type { GeneratedInquiry, GeneratedInvoice, GeneratedRating } from './generated-inquiry.js';
import type { HistoryQuotes } from './history-quotes.js';
import { HISTORY_TEXTS } from './history-texts.js';
import { chooseOutcome, rejectedAt } from './inquiry-outcome.js';
import { playInquiry, type PlayContext, type PlayedInquiry } from './play-inquiry.js';
import { refusedStep } from './plugin-guards.js';
import { applicantTypeFor, type ServiceProfile, type WeightedProfile } from './service-mix.js';

const DAY_MS = 86_400_000;
/** Closed inquiries whose applicant rated them at the desk: *assumed*. */
const RATED_SHARE = 0.35;
/** Card payments at the cash desk (the rest cash): *assumed* for 2013. */
const CARD_SHARE = 0.15;
/** Sampled forms the registry refuses before the generator gives up on an inquiry's form. */
const FORM_TRIES = 4;

/** What the generator works with: the city, its mix and the sources of people, fees and time. */
export interface GeneratorContext {
  platform: Platform;
  tenantId: string;
  play: PlayContext;
  /** The services and their weights; the caller drops a service that fails to play. */
  mix: WeightedProfile[];
  applicants: ApplicantPool;
  quotes: HistoryQuotes;
  cityName: string;
  /** The local date of an instant, in the city's time zone. */
  localDate: (at: Date) => string;
  year: (at: Date) => number;
  /** Invoices due after this instant are still payable: they are not expired. */
  now: Date;
}

/** One inquiry of a service could not be played (a workflow the history does not know how to walk). */
export class ServicePlayError extends Error {
  constructor(
    readonly serviceCode: string,
    cause: unknown,
  ) {
    super(`${serviceCode}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Makes one inquiry of the history filed at `filedAt`: a service drawn from the mix, an applicant
 * from the city's pool, a form the registry accepts, the fee the platform quotes, an outcome, the
 * played life with its invoice and payment, and the citizen's rating. Throws {@link ServicePlayError}
 * naming the service when its inquiry cannot be played.
 */
export async function generateInquiry(ctx: GeneratorContext, filedAt: Date): Promise<GeneratedInquiry> {
  const { random } = ctx.play;
  const profile: ServiceProfile = random.weighted(ctx.mix.map((w) => [w.profile, w.weight] as const));
  try {
    return await generateOf(ctx, profile, filedAt);
  } catch (error) {
    throw new ServicePlayError(profile.service.serviceCode, error);
  }
}

async function generateOf(
  ctx: GeneratorContext,
  profile: ServiceProfile,
  filedAt: Date,
): Promise<GeneratedInquiry> {
  const { random } = ctx.play;
  const { service } = profile;
  const applicant = ctx.applicants.next(applicantTypeFor(profile, random.next()));
  const filingDate = ctx.localDate(filedAt);
  let formData: Record<string, unknown> | undefined;
  for (let i = 0; i < FORM_TRIES && !formData; i++) {
    const sample = sampleForm(service.definition.form, {
      applicant,
      random,
      filingDate,
      cityName: ctx.cityName,
    });
    const check = await ctx.platform.services.validateApplication(
      service.serviceCode,
      sample,
      applicant.locale,
      service.version,
    );
    if (check.valid) formData = sample;
  }
  if (!formData) throw new Error(`${service.serviceCode}: no valid sample form in ${FORM_TRIES} tries`);
  const quote = profile.charges
    ? await ctx.quotes.quote({ service, formData, applicant, channel: 'desk', filingDate, filedAt })
    : null;
  const charged = quote !== null && !quote.free && quote.total > 0;
  let outcome = chooseOutcome(profile.workflow, profile.paths, random, {
    paid: charged,
    information: profile.information,
  });
  const application = {
    tenantId: ctx.tenantId,
    service,
    workflow: profile.workflow,
    applicant,
    formData,
    filedAt,
  };
  const refused = await refusedStep(
    ctx.platform,
    { ...application, locale: applicant.locale },
    outcome.steps,
  );
  if (refused >= 0) {
    // A plugin's guard refuses the step (founders' shares not adding up): the officer rejects instead.
    const rejected = rejectedAt(profile.workflow, outcome, refused);
    if (!rejected) throw new Error(`a guard refuses ${outcome.steps[refused]!.action} and nothing rejects`);
    outcome = rejected;
  }
  const played = playInquiry(ctx.play, {
    service,
    workflow: profile.workflow,
    outcome,
    filedAt,
    locale: applicant.locale,
    invoiceAt: charged ? quote.invoiceAt : null,
  });
  const id = random.uuid();
  return {
    id,
    service,
    applicant,
    locale: applicant.locale,
    formData,
    sim: played.sim,
    year: ctx.year(filedAt),
    invoice: charged && played.invoicedAt ? invoiceOf(ctx, played, quote) : null,
    rating:
      outcome.end === 'expired'
        ? null
        : ratingOf(ctx, played, { late: outcome.late, locale: applicant.locale, agency: service.agencyCode }),
  };
}

function invoiceOf(
  ctx: GeneratorContext,
  played: PlayedInquiry,
  quote: NonNullable<GeneratedInvoice['quote']>,
): GeneratedInvoice {
  const { random, calendar } = ctx.play;
  const issuedAt = played.invoicedAt!;
  const dueAt = new Date(issuedAt.getTime() + quote.payableDays * DAY_MS);
  // The expiry job marks an unpaid invoice expired on its next pass after the due date.
  const expiredAt =
    played.payment || dueAt > ctx.now ? null : calendar.addWorkingMinutes(dueAt, random.int(1, 60));
  return {
    id: random.uuid(),
    quote,
    issuedAt,
    dueAt,
    payment: played.payment
      ? {
          id: random.uuid(),
          at: played.payment.at,
          cashier: played.payment.cashier,
          method: random.chance(CARD_SHARE) ? 'card' : 'cash',
        }
      : null,
    expiredAt: expiredAt && new Date(Math.min(expiredAt.getTime(), ctx.now.getTime())),
  };
}

/**
 * The rating a third of applicants give at the desk: mostly 4-5; lower when the inquiry ran late
 * and lowest for a rejection (*assumed* distributions). A rating of 3 or less opens a review, which
 * a supervisor of the agency closes within days.
 */
function ratingOf(
  ctx: GeneratorContext,
  played: PlayedInquiry,
  about: { late: boolean; locale: Locale; agency: string | null },
): GeneratedRating | null {
  const { random, calendar, staff } = ctx.play;
  const { sim, desk } = played;
  if (!desk || !random.chance(RATED_SHARE)) return null;
  const rejected = sim.publicStatus === 'rejected';
  const overdue = about.late || sim.clock.overallBreachedAt !== null;
  const shares = rejected ? [20, 20, 25, 20, 15] : overdue ? [6, 8, 16, 35, 35] : [1, 1, 4, 24, 70];
  const score = random.weighted(shares.map((share, i) => [i + 1, share] as const));
  const ratedAt = calendar.addWorkingMinutes(
    sim.clock.closedAt!,
    random.int(1, random.chance(0.7) ? 15 : 960),
  );
  let review: GeneratedRating['review'] = null;
  if (score <= LOW_RATING_THRESHOLD) {
    const supervisor = staff.holder('supervisor', about.agency);
    review = {
      id: random.uuid(),
      openedAt: ratedAt,
      closed: supervisor
        ? {
            at: calendar.addWorkingMinutes(ratedAt, random.int(60, 3 * 480)),
            by: supervisor.id,
            resolution: random.pick(HISTORY_TEXTS.resolution[about.locale]),
          }
        : null,
    };
  }
  const texts = HISTORY_TEXTS[score >= 4 ? 'praise' : 'complaint'][about.locale];
  return {
    score,
    comment: random.chance(0.2) ? random.pick(texts) : null,
    ratedAt,
    ratedBy: desk.id,
    outcome: rejected ? 'rejected' : 'completed',
    review,
  };
}
