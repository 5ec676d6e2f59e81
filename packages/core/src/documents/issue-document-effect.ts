import { isLocale } from '../i18n/locales.js';
import type { EffectFunction } from '../plugins/contributions.js';
import type { Inquiry } from '../workflow/inquiry/types.js';
import type { DocumentService } from './types.js';

/** The name workflow definitions give the effect. */
export const ISSUE_DOCUMENT_EFFECT = 'core/issue-document';

/**
 * The workflow effect `core/issue-document`: issues the transition's template (else the service's)
 * for the inquiry in the applicant's locale. Its data are the effect's `params` from the workflow
 * definition, then the transition's own data. Idempotent by the outbox event id: a redelivered
 * event returns the document the first delivery issued.
 */
export function issueDocumentEffect(documents: Pick<DocumentService, 'issue'>): EffectFunction {
  return async ({ tenantId, inquiry, data }) => {
    const { effectId, template, params, action, version, ...transitionData } = (data ?? {}) as {
      effectId?: unknown;
      template?: unknown;
      params?: unknown;
      action?: unknown;
      version?: unknown;
      [key: string]: unknown;
    };
    void action;
    void version;
    const target = inquiry as Inquiry;
    const locale = target.applicant?.locale;
    await documents.issue(tenantId, {
      inquiryId: target.id,
      ...(typeof template === 'string' ? { template } : {}),
      ...(isLocale(locale) ? { locale } : {}),
      data: { ...(isObject(params) ? params : {}), ...transitionData },
      ...(typeof effectId === 'string' ? { effectId } : {}),
      actor: 'system',
    });
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
