import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { isLocale, LOCALES } from '../i18n/locales.js';
import { readInquiryRow } from '../workflow/engine/transition-in.js';
import { inquiryNotFound } from '../workflow/engine/workflow.errors.js';
import { inquiryFromRow } from '../workflow/inquiry/inquiry-rows.js';
import {
  NOTIFY_CHANNELS,
  type Actor,
  type Applicant,
  type Inquiry,
  type NotifyChannel,
} from '../workflow/inquiry/types.js';
import { checkNotificationAccess } from './notification-access.js';
import { notificationErrors } from './notifications.errors.js';
import { effectiveNotifyBy } from './recipient.js';
import type { InquiryNotificationSettings, NotificationPreferences } from './types.js';

/** The applicant's notification settings of an inquiry, with the phone and email masked. */
export function settingsOf(inquiry: Inquiry): InquiryNotificationSettings {
  const applicant = inquiry.applicant;
  return {
    inquiryId: inquiry.id,
    locale: isLocale(applicant.locale) ? applicant.locale : inquiry.locale,
    notifyBy: effectiveNotifyBy(applicant),
    chosen: applicant.notifyBy !== undefined,
    phone: applicant.phone ? maskPhone(applicant.phone) : null,
    email: applicant.email ? maskEmail(applicant.email) : null,
  };
}

/**
 * Changes the locale and the channel of an inquiry's applicant (in `inquiries.applicant`; the
 * locale also becomes the inquiry's, which its public history is shown in), for the citizen who
 * owns the inquiry or desk staff, with an audit entry. `sms` needs a phone and `email` an address
 * on the application.
 */
export async function setPreferences(
  db: Database,
  tenantId: string,
  inquiryId: string,
  preferences: NotificationPreferences,
  actor: Actor,
  now: Date,
): Promise<InquiryNotificationSettings> {
  const wanted = checkedPreferences(tenantId, inquiryId, preferences);
  return db.withTenant(tenantId, async (trx) => {
    const row = await readInquiryRow(trx, tenantId, inquiryId, true);
    if (!row) throw inquiryNotFound(tenantId, inquiryId);
    const inquiry = inquiryFromRow(row);
    checkNotificationAccess(tenantId, inquiry, actor, 'change');
    const applicant: Applicant = { ...inquiry.applicant };
    if (wanted.notifyBy === 'sms' && !applicant.phone) {
      throw notificationErrors.preferencesInvalid(
        tenantId,
        inquiryId,
        "'sms' was chosen but the application has no phone number",
      );
    }
    if (wanted.notifyBy === 'email' && !applicant.email) {
      throw notificationErrors.preferencesInvalid(
        tenantId,
        inquiryId,
        "'email' was chosen but the application has no email address",
      );
    }
    const before = { locale: applicant.locale, notifyBy: applicant.notifyBy ?? null };
    if (wanted.locale) applicant.locale = wanted.locale;
    if (wanted.notifyBy) applicant.notifyBy = wanted.notifyBy;
    await trx('inquiries')
      .where({ tenant_id: tenantId, id: inquiry.id })
      .update({
        applicant: JSON.stringify(applicant),
        ...(wanted.locale ? { locale: wanted.locale } : {}),
        updated_at: now,
      });
    await appendAudit(trx, tenantId, {
      actor: actor.id,
      action: 'inquiry.notification-preferences',
      subjectType: 'inquiry',
      subjectId: inquiry.id,
      details: { before, after: { locale: applicant.locale, notifyBy: applicant.notifyBy ?? null } },
    });
    return settingsOf({ ...inquiry, applicant, locale: wanted.locale ?? inquiry.locale });
  });
}

function checkedPreferences(
  tenantId: string,
  inquiryId: string,
  preferences: NotificationPreferences,
): { locale?: NotificationPreferences['locale']; notifyBy?: NotifyChannel } {
  if (typeof preferences !== 'object' || preferences === null || Array.isArray(preferences)) {
    throw notificationErrors.preferencesInvalid(tenantId, inquiryId, 'the preferences are not an object');
  }
  const unknown = Object.keys(preferences).filter((key) => key !== 'locale' && key !== 'notifyBy');
  if (unknown.length > 0) {
    throw notificationErrors.preferencesInvalid(
      tenantId,
      inquiryId,
      `unknown field(s) ${unknown.join(', ')}`,
    );
  }
  const { locale, notifyBy } = preferences;
  if (locale === undefined && notifyBy === undefined) {
    throw notificationErrors.preferencesInvalid(tenantId, inquiryId, 'neither locale nor notifyBy was given');
  }
  if (locale !== undefined && !isLocale(locale)) {
    throw notificationErrors.preferencesInvalid(
      tenantId,
      inquiryId,
      `locale must be one of ${LOCALES.join(', ')}`,
    );
  }
  if (notifyBy !== undefined && !(NOTIFY_CHANNELS as readonly string[]).includes(notifyBy)) {
    throw notificationErrors.preferencesInvalid(
      tenantId,
      inquiryId,
      `notifyBy must be one of ${NOTIFY_CHANNELS.join(', ')}`,
    );
  }
  return { ...(locale ? { locale } : {}), ...(notifyBy ? { notifyBy } : {}) };
}

/** A recipient as a citizen may see it: a phone or an email address, masked. */
export function maskRecipient(recipient: string): string {
  return recipient.includes('@') ? maskEmail(recipient) : maskPhone(recipient);
}

/** `+998901234567` -> `+99890*****67`. */
function maskPhone(phone: string): string {
  return phone.length <= 8
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 6)}${'*'.repeat(phone.length - 8)}${phone.slice(-2)}`;
}

/** `aziz@example.uz` -> `a***@example.uz`. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
