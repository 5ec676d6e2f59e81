import type { Applicant, NotifyChannel } from '../workflow/inquiry/types.js';
import type { NotificationKind } from './types.js';

/** Where one message goes. */
export interface Recipient {
  kind: NotificationKind;
  /** A phone number or an email address. */
  to: string;
}

/**
 * The applicant's channel: their choice, else SMS when there is a phone, else email when there is an
 * address, else `none`.
 */
export function effectiveNotifyBy(applicant: Pick<Applicant, 'phone' | 'email' | 'notifyBy'>): NotifyChannel {
  if (applicant.notifyBy) return applicant.notifyBy;
  if (present(applicant.phone)) return 'sms';
  if (present(applicant.email)) return 'email';
  return 'none';
}

/**
 * Where the applicant's messages go, or `undefined` when they get none: they chose `none`, or they
 * have neither a phone nor an email address. A choice whose address is missing (`email` without an
 * email, which staff may have removed since) falls back to the other address rather than to silence.
 */
export function recipientOf(
  applicant: Pick<Applicant, 'phone' | 'email' | 'notifyBy'>,
): Recipient | undefined {
  const choice = effectiveNotifyBy(applicant);
  if (choice === 'none') return undefined;
  const phone = present(applicant.phone) ? applicant.phone.trim() : undefined;
  const email = present(applicant.email) ? applicant.email.trim() : undefined;
  if (choice === 'email') {
    if (email) return { kind: 'email', to: email };
    return phone ? { kind: 'sms', to: phone } : undefined;
  }
  if (phone) return { kind: 'sms', to: phone };
  return email ? { kind: 'email', to: email } : undefined;
}

function present(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
