import { SCHEDULE_RULE, isDarchaError, type CatalogService, type Platform } from '@darcha/core';
import type { ApplicantPool } from './applicant-pool.js';
import { sampleForm } from './form-sample.js';
import type { HistoryQuotes } from './history-quotes.js';
import { playInquiry, type PlayContext } from './play-inquiry.js';
import { refusedStep } from './plugin-guards.js';
import type { SeededRandom } from './seeded-random.js';
import { applicantTypeFor, type ServiceProfile } from './service-mix.js';
import { appealFrom, pathToCompletion, workflowPaths } from './workflow-paths.js';

/** A service of the catalog the history leaves out, and why. */
export interface SkippedService {
  serviceCode: string;
  reason: string;
}

/** What checking the catalog needs. */
export interface ProfileContext {
  platform: Platform;
  tenantId: string;
  cityName: string;
  play: PlayContext;
  quotes: HistoryQuotes;
  applicants: ApplicantPool;
  random: SeededRandom;
  /** A working instant inside the history's period (trial filings, fee estimates). */
  sampleAt: Date;
  sampleDate: string;
}

/** Sample applications quoted to estimate a paid service's mean fee. */
const FEE_SAMPLES = 24;

/**
 * The services of the city's catalog that the history can file, each checked the way filing would
 * check it: offered at the desk (2013 had no online channel), not composite, its workflow published
 * and with a way to completion staff can take, a form the sampler fills validly and plugins' guards
 * on the way let through, a fee the platform can quote on the history's dates, and staff in the
 * city for every step (a trial run plays a
 * completion and a rejection with its appeal). The others are listed with the reason.
 */
export async function profileServices(
  ctx: ProfileContext,
  services: readonly CatalogService[],
): Promise<{ profiles: ServiceProfile[]; skipped: SkippedService[] }> {
  const profiles: ServiceProfile[] = [];
  const skipped: SkippedService[] = [];
  for (const service of [...services].sort((a, b) => a.serviceCode.localeCompare(b.serviceCode))) {
    try {
      const reason = await check(ctx, service);
      if (typeof reason === 'string') skipped.push({ serviceCode: service.serviceCode, reason });
      else profiles.push(reason);
    } catch (error) {
      skipped.push({
        serviceCode: service.serviceCode,
        reason: isDarchaError(error) ? `${error.code}: ${error.message}` : (error as Error).message,
      });
    }
  }
  return { profiles, skipped };
}

async function check(ctx: ProfileContext, service: CatalogService): Promise<ServiceProfile | string> {
  const definition = service.definition;
  if (definition.flags?.composite || definition.composite) return 'composite services are not in the history';
  if (!definition.channels.includes('desk')) return 'not offered at the desk';
  if (service.fee.free === false && service.fee.rule !== SCHEDULE_RULE) return `fee rule ${service.fee.rule}`;
  if (!ctx.platform.workflows.isPublished(definition.workflow))
    return `workflow ${definition.workflow} not published`;
  const workflow = ctx.platform.workflows.current(definition.workflow);
  const paths = workflowPaths(workflow);
  if (!paths) return 'no way to completion that staff can take';
  const profile: ServiceProfile = {
    service,
    workflow,
    paths,
    information: definition.kind === 'information',
    charges: !service.fee.free,
    meanFee: 0,
  };
  let total = 0;
  for (let i = 0; i < FEE_SAMPLES; i++) {
    const applicant = ctx.applicants.next(applicantTypeFor(profile, ctx.random.next()));
    const formData = sampleForm(definition.form, {
      applicant,
      random: ctx.random,
      filingDate: ctx.sampleDate,
      cityName: ctx.cityName,
    });
    if (i < 3) {
      const result = await ctx.platform.services.validateApplication(
        service.serviceCode,
        formData,
        applicant.locale,
        service.version,
      );
      if (!result.valid) {
        return `sample form refused: ${result.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`;
      }
      const application = { tenantId: ctx.tenantId, service, workflow, applicant, locale: applicant.locale };
      const refused = await refusedStep(
        ctx.platform,
        { ...application, formData, filedAt: ctx.sampleAt },
        paths.happy,
      );
      if (refused >= 0) return `guard of ${paths.happy[refused]!.action} refuses a sample application`;
    }
    if (!profile.charges) break;
    const quote = await ctx.quotes.quote({
      service,
      formData,
      applicant,
      channel: 'desk',
      filingDate: ctx.sampleDate,
      filedAt: ctx.sampleAt,
    });
    total += quote.total;
  }
  profile.meanFee = profile.charges ? Math.round(total / FEE_SAMPLES) : 0;
  trialRuns(ctx, profile);
  return profile;
}

/** Plays a completion and (when the workflow has them) a rejection and an appeal; throws when staff are missing. */
function trialRuns(ctx: ProfileContext, profile: ServiceProfile): void {
  const { workflow, paths } = profile;
  const invoiceAt = profile.charges ? ('filing' as const) : null;
  const base = {
    service: profile.service,
    workflow,
    filedAt: ctx.sampleAt,
    locale: 'ru' as const,
    invoiceAt,
  };
  playInquiry(ctx.play, {
    ...base,
    outcome: { end: 'completed', late: false, steps: paths.happy, appealed: false },
  });
  const rejection = paths.rejections[0];
  if (!rejection) return;
  const steps = [...paths.happy.slice(0, rejection.at), rejection.transition];
  const appeal = appealFrom(workflow, rejection.transition.to);
  playInquiry(ctx.play, { ...base, outcome: { end: 'rejected', late: true, steps, appealed: false } });
  if (appeal) {
    const again = pathToCompletion(workflow, appeal.to)!;
    playInquiry(ctx.play, {
      ...base,
      outcome: { end: 'completed', late: false, steps: [...steps, appeal, ...again], appealed: true },
    });
  }
}
