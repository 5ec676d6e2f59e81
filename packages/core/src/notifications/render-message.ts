import type { TenantTransaction } from '../db/types.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import { CORE_TEMPLATES, isCoreTemplateKey } from './core-templates.js';
import type { MessagePlan } from './message-plan.js';
import type { MessageRenderer } from './message-renderer.js';
import type { NotificationDeps } from './notification-deps.js';
import { notificationErrors } from './notifications.errors.js';
import type { TemplateOverrideStore } from './template-override-store.js';

/** A message ready to send. */
export interface RenderedMessage {
  /** The locale it was rendered in (a plugin template may lack the applicant's). */
  locale: Locale;
  subject: string | null;
  body: string;
}

const SUBJECT_LINE = /^subject:[ \t]*(.*)$/i;

/**
 * Renders a plan's template. Core templates: the tenant's own text for the locale if it has one,
 * else core's, strictly (every field is provided). Plugin templates (`<plugin-id>/<name>`, from
 * `core/notify-applicant`): the plugin's source in the applicant's locale, else in another locale
 * (Uzbek Latin, Russian, English, Uzbek Cyrillic, in that order); fields missing print nothing; a
 * first line `Subject: ...` is the email subject, else core's status subject is used.
 */
export async function renderMessage(
  deps: Pick<NotificationDeps, 'templates'>,
  renderer: MessageRenderer,
  overrides: Pick<TemplateOverrideStore, 'text'>,
  trx: TenantTransaction,
  tenantId: string,
  plan: MessagePlan,
): Promise<RenderedMessage> {
  const context = { ...plan.extra, ...plan.fields };
  if (isCoreTemplateKey(plan.template)) {
    const own = await overrides.text(trx, tenantId, plan.template, plan.locale);
    const source = own ?? CORE_TEMPLATES[plan.locale][plan.template];
    const origin = {
      key: plan.template,
      locale: plan.locale,
      from: own ? `tenant "${tenantId}"` : 'core',
      strict: true,
    };
    return {
      locale: plan.locale,
      subject: source.subject ? renderer.render(source.subject, context, origin) : null,
      body: renderer.render(source.body, context, origin),
    };
  }
  const found = pluginSource(deps, plan.template, plan.locale);
  if (!found) throw notificationErrors.templateMissing(tenantId, plan.template, plan.locale);
  const pluginId = plan.template.split('/')[0]!;
  const text = renderer.render(found.source, context, {
    key: plan.template,
    locale: found.locale,
    from: `plugin "${pluginId}"`,
    strict: false,
  });
  const [first, ...rest] = text.split('\n');
  const subjectLine = SUBJECT_LINE.exec(first ?? '');
  if (subjectLine && rest.join('\n').trim() !== '') {
    return { locale: found.locale, subject: subjectLine[1]!.trim() || null, body: rest.join('\n').trim() };
  }
  const fallback = CORE_TEMPLATES[found.locale]['inquiry.status-changed'].subject;
  return {
    locale: found.locale,
    subject: renderer.render(fallback, context, {
      key: 'inquiry.status-changed',
      locale: found.locale,
      from: 'core',
      strict: true,
    }),
    body: text,
  };
}

function pluginSource(
  deps: Pick<NotificationDeps, 'templates'>,
  key: string,
  locale: Locale,
): { source: string; locale: Locale } | undefined {
  const order: Locale[] = [locale, 'uz-Latn', 'ru', 'en', ...LOCALES];
  for (const candidate of order) {
    const source = deps.templates.template(key, candidate);
    if (typeof source === 'string' && source.trim() !== '') return { source, locale: candidate };
  }
  return undefined;
}
