import { FINAL, PREPARED } from '../db/session-client.js';
import type { TenantTransaction } from '../db/types.js';
import { isDarchaError } from '../errors/darcha-error.js';
import type { NotificationChannel } from '../plugins/contributions.js';
import type { MessagePlan } from './message-plan.js';
import type { MessageRenderer } from './message-renderer.js';
import type { NotificationDeps } from './notification-deps.js';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from './notification-rows.js';
import { notificationErrors } from './notifications.errors.js';
import { renderMessage, type RenderedMessage } from './render-message.js';
import type { TemplateOverrideStore } from './template-override-store.js';
import { DATABASE_CHANNEL_ID, type NotificationKind, type NotificationMessage } from './types.js';

/** How long one delivery holds a message while a channel sends it (above the outbox's 10 s timeout). */
const SEND_LEASE_MS = 60_000;
/**
 * A message, unless the event's message of that kind exists (then no row): written out rather than
 * built by knex's query builder, as every delivered event of a citizen's inquiry sends it.
 */
const INSERT_MESSAGE = `insert into notification_messages (tenant_id, event_id, event_type, inquiry_id,
    template, kind, channel_id, recipient, locale, subject, body, confidential, status, attempts,
    sent_at, claimed_until, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (tenant_id, event_id, kind) do nothing
  returning ${MESSAGE_COLUMNS.join(', ')}`;
/** Longest error text kept on a message. */
const MAX_ERROR_LENGTH = 1000;

/**
 * Sends a planned message exactly once per event and kind. The first delivery renders the message
 * and records it in one transaction: `recorded` at once when no plugin channel of its kind is
 * enabled for the tenant (the built-in database channel only keeps it), else `pending` and taken by
 * this delivery (`claimed_until`). The stored text then goes to that channel (`sent`). A redelivered
 * event finds the row and, if it was `sent` or `recorded` already, does nothing; otherwise it takes
 * the row and tries again. A channel that throws leaves the message `failed` with the attempt counted
 * and the error kept, and `DARCHA_NOTIFICATION_CHANNEL_FAILED` is thrown so the outbox retries the
 * event with backoff.
 */
export async function sendMessage(
  deps: NotificationDeps,
  renderer: MessageRenderer,
  overrides: Pick<TemplateOverrideStore, 'text'>,
  tenantId: string,
  plan: MessagePlan,
): Promise<NotificationMessage> {
  // Picked at every delivery: a retry goes out through the channel enabled now.
  const channel = await pickChannel(deps, tenantId, plan.recipient.kind);
  const inserted = await deps.db.withTenant(tenantId, (trx) =>
    insertMessage(trx, deps, renderer, overrides, tenantId, plan, channel !== undefined),
  );
  const row = inserted ?? (await takeAgain(deps, tenantId, plan));
  if (isDone(row)) return toMessage(row);
  const channelId = channel?.id ?? DATABASE_CHANNEL_ID;
  let failure: string | undefined;
  if (channel) {
    try {
      await channel.send({
        tenantId,
        to: row.recipient,
        locale: row.locale as NotificationMessage['locale'],
        ...(row.subject !== null ? { subject: row.subject } : {}),
        text: row.body,
      });
    } catch (error) {
      failure = messageOf(error).slice(0, MAX_ERROR_LENGTH);
    }
  }
  const now = deps.clock();
  const updated = await deps.db.withTenant(tenantId, async (trx) => {
    const [saved] = (await trx('notification_messages')
      .where({ tenant_id: tenantId, id: row.id })
      .whereIn('status', ['pending', 'failed'])
      .update({
        channel_id: channelId,
        status: failure !== undefined ? 'failed' : channel ? 'sent' : 'recorded',
        attempts: trx.raw('attempts + 1'),
        last_error: failure ?? null,
        sent_at: failure !== undefined ? null : now,
        claimed_until: null,
        updated_at: now,
      })
      .returning(MESSAGE_COLUMNS)) as MessageRow[];
    return saved ?? (await findRow(trx, tenantId, plan.eventId, plan.recipient.kind))!;
  });
  if (failure !== undefined) throw notificationErrors.channelFailed(tenantId, channelId, row.id, failure);
  return toMessage(updated);
}

/**
 * Renders the message and records it, unless an earlier delivery of the event did (then undefined,
 * and the stored text is what goes out): `recorded` by the database channel when there is no plugin
 * channel, else `pending` and taken by this delivery for {@link SEND_LEASE_MS}.
 */
async function insertMessage(
  trx: TenantTransaction,
  deps: NotificationDeps,
  renderer: MessageRenderer,
  overrides: Pick<TemplateOverrideStore, 'text'>,
  tenantId: string,
  plan: MessagePlan,
  viaChannel: boolean,
): Promise<MessageRow | undefined> {
  let rendered: RenderedMessage;
  try {
    rendered = await renderMessage(deps, renderer, overrides, trx, tenantId, plan);
  } catch (error) {
    // A message recorded by an earlier delivery is sent with its stored text, even when its template
    // can no longer be rendered (a plugin template that is gone since).
    if (await findRow(trx, tenantId, plan.eventId, plan.recipient.kind)) return undefined;
    throw error;
  }
  const now = deps.clock();
  const { rows } = await trx
    .raw<{ rows: MessageRow[] }>(INSERT_MESSAGE, [
      tenantId,
      plan.eventId,
      plan.eventType,
      plan.inquiryId,
      plan.template,
      plan.recipient.kind,
      DATABASE_CHANNEL_ID,
      plan.recipient.to,
      rendered.locale,
      plan.recipient.kind === 'email' ? rendered.subject : null,
      rendered.body,
      plan.confidential,
      viaChannel ? 'pending' : 'recorded',
      viaChannel ? 0 : 1,
      viaChannel ? null : now,
      viaChannel ? new Date(now.getTime() + SEND_LEASE_MS) : null,
      now,
      now,
    ])
    .options(PREPARED) // one shape, written for every message
    .options(FINAL); // the transaction's last statement: its COMMIT goes with it
  return rows[0];
}

/**
 * The row an earlier delivery of the event wrote: as it is when it is done, else taken by this
 * delivery. Throws `DARCHA_NOTIFICATION_SEND_IN_PROGRESS` while another delivery holds it.
 */
async function takeAgain(deps: NotificationDeps, tenantId: string, plan: MessagePlan): Promise<MessageRow> {
  const find = () =>
    deps.db.withTenant(tenantId, (trx) => findRow(trx, tenantId, plan.eventId, plan.recipient.kind));
  const existing = (await find())!;
  if (isDone(existing) || (await claim(deps, tenantId, existing.id))) return existing;
  const current = await find();
  if (current && isDone(current)) return current;
  throw notificationErrors.sendInProgress(tenantId, existing.id);
}

function isDone(row: MessageRow): boolean {
  return row.status === 'sent' || row.status === 'recorded';
}

/**
 * Takes the message for this delivery for {@link SEND_LEASE_MS}: false when it is done or another
 * delivery holds it (an event handed out again while its first delivery still runs).
 */
async function claim(deps: NotificationDeps, tenantId: string, id: string): Promise<boolean> {
  const now = deps.clock();
  const changed = await deps.db.withTenant(tenantId, (trx) =>
    trx('notification_messages')
      .where({ tenant_id: tenantId, id })
      .whereIn('status', ['pending', 'failed'])
      .andWhere((q) => q.whereNull('claimed_until').orWhere('claimed_until', '<=', now))
      .update({ claimed_until: new Date(now.getTime() + SEND_LEASE_MS) }),
  );
  return changed === 1;
}

async function findRow(
  trx: TenantTransaction,
  tenantId: string,
  eventId: string,
  kind: NotificationKind,
): Promise<MessageRow | undefined> {
  return (await trx('notification_messages')
    .where({ tenant_id: tenantId, event_id: eventId, kind })
    .first(MESSAGE_COLUMNS)) as MessageRow | undefined;
}

/** The first channel of `kind` whose plugin is enabled for the tenant, or none (the database channel). */
async function pickChannel(
  deps: NotificationDeps,
  tenantId: string,
  kind: NotificationKind,
): Promise<NotificationChannel | undefined> {
  for (const { pluginId, channel } of deps.channels()) {
    if (channel.kind !== kind) continue;
    if (deps.isEnabled && !(await deps.isEnabled(tenantId, pluginId))) continue;
    return channel;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  if (isDarchaError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
