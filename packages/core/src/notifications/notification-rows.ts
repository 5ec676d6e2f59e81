import type { TenantTransaction } from '../db/types.js';
import type { Locale } from '../i18n/locales.js';
import { isUuid } from '../staff/staff-rows.js';
import { notificationErrors } from './notifications.errors.js';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationMessage,
  type NotificationPage,
  type NotificationQuery,
  type NotificationStatus,
} from './types.js';

/** A row of `notification_messages`. */
export interface MessageRow {
  id: string;
  event_id: string;
  event_type: string;
  inquiry_id: string | null;
  template: string;
  kind: string;
  channel_id: string;
  recipient: string;
  locale: string;
  subject: string | null;
  body: string;
  confidential: boolean;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export const MESSAGE_COLUMNS = [
  'id',
  'event_id',
  'event_type',
  'inquiry_id',
  'template',
  'kind',
  'channel_id',
  'recipient',
  'locale',
  'subject',
  'body',
  'confidential',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'sent_at',
] as const;

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** A row as the API shows it; `withholdSecrets` blanks confidential bodies (for citizens). */
export function toMessage(row: MessageRow, withholdSecrets = false): NotificationMessage {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    inquiryId: row.inquiry_id,
    template: row.template,
    kind: row.kind as NotificationKind,
    channelId: row.channel_id,
    recipient: row.recipient,
    locale: row.locale as Locale,
    subject: row.subject,
    body: withholdSecrets && row.confidential ? null : row.body,
    confidential: row.confidential,
    status: row.status as NotificationStatus,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** Checks a query's filters and paging; throws `DARCHA_NOTIFICATION_QUERY_INVALID`. */
export function checkedQuery(
  tenantId: string,
  query: NotificationQuery,
): Required<Pick<NotificationQuery, 'limit' | 'offset'>> & NotificationQuery {
  const { inquiryId, status, kind } = query;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  if (inquiryId !== undefined && !isUuid(inquiryId)) {
    throw notificationErrors.queryInvalid(tenantId, 'inquiryId is not a uuid');
  }
  if (status !== undefined && !(NOTIFICATION_STATUSES as readonly string[]).includes(status)) {
    throw notificationErrors.queryInvalid(
      tenantId,
      `status "${String(status)}" is not one of ${NOTIFICATION_STATUSES.join(', ')}`,
    );
  }
  if (kind !== undefined && !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
    throw notificationErrors.queryInvalid(
      tenantId,
      `kind "${String(kind)}" is not one of ${NOTIFICATION_KINDS.join(', ')}`,
    );
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw notificationErrors.queryInvalid(tenantId, `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw notificationErrors.queryInvalid(tenantId, 'offset must be an integer of 0 or more');
  }
  return { ...query, limit, offset };
}

/** A page of the tenant's messages, newest first, in the caller's transaction. */
export async function listMessages(
  trx: TenantTransaction,
  tenantId: string,
  query: ReturnType<typeof checkedQuery>,
  withholdSecrets: boolean,
): Promise<NotificationPage> {
  const filtered = () => {
    const q = trx('notification_messages').where({ tenant_id: tenantId });
    if (query.inquiryId) q.andWhere({ inquiry_id: query.inquiryId });
    if (query.status) q.andWhere({ status: query.status });
    if (query.kind) q.andWhere({ kind: query.kind });
    return q;
  };
  const [count] = (await filtered().count<{ total: string | number }[]>({ total: '*' })) as {
    total: string | number;
  }[];
  const rows = (await filtered()
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'seq', order: 'desc' },
    ])
    .limit(query.limit)
    .offset(query.offset)
    .select(MESSAGE_COLUMNS)) as MessageRow[];
  return {
    items: rows.map((row) => toMessage(row, withholdSecrets)),
    total: Number(count?.total ?? 0),
    limit: query.limit,
    offset: query.offset,
  };
}
