import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { writeOutboxEvents } from '../../src/workflow/outbox/write-outbox-events.js';
import { PHONE_CODE_TEMPLATE, PhoneChallenges } from '../../src/identity/phone-challenges.js';
import { ScryptPasswordHasher } from '../../src/identity/password-hasher.js';
import type { Database } from '../../src/db/database.js';
import type { NotificationMessage } from '../../src/notifications/types.js';
import type { OutboxEvent } from '../../src/workflow/outbox/outbox-types.js';
import { outboxEvent } from '../workflow/outbox/fixtures.js';
import { citizen, dbEngine, GAS_NO_DEBT } from '../workflow/engine/engine-fixture.js';
import {
  openNotificationsFixture,
  RecordingChannel,
  type NotificationsFixture,
} from './notifications-fixture.js';

describe(`notifications (${dbEngine})`, () => {
  let f: NotificationsFixture;

  beforeEach(async () => {
    f = await openNotificationsFixture();
  });
  afterEach(() => f.close());

  async function file(
    tenantId: string,
    input: Parameters<typeof f.filing>[0] = {},
    actor = f.actors.operator,
  ) {
    return (await f.engine.file(tenantId, f.filing(input), actor)).inquiry;
  }

  async function messagesOf(inquiryId: string, tenantId = 'chirchik'): Promise<NotificationMessage[]> {
    return (await f.notifications.list(tenantId, { inquiryId })).items;
  }

  async function outboxEvents(tenantId: string, type: string): Promise<OutboxEvent[]> {
    const rows = await f.db.withTenant(tenantId, (trx) =>
      trx('outbox_events').where({ tenant_id: tenantId, type }).orderBy('seq'),
    );
    return rows.map((row: Record<string, unknown>) =>
      outboxEvent({
        id: row['id'] as string,
        tenantId,
        type,
        inquiryId: row['inquiry_id'] as string | null,
        payload: row['payload'] as Record<string, unknown>,
      }),
    );
  }

  it('records the message of a filed inquiry with the built-in channel, in the applicant’s locale', async () => {
    const inquiry = await file('chirchik', { applicant: { ...citizen('31234567890123'), locale: 'ru' } });
    await f.drain();
    const [message, ...others] = await messagesOf(inquiry.id);
    expect(others).to.deep.equal([]);
    expect(message).to.include({
      eventType: 'inquiry.filed',
      template: 'inquiry.filed',
      kind: 'sms',
      channelId: 'database',
      recipient: '+998901234567',
      locale: 'ru',
      status: 'recorded',
      attempts: 1,
      subject: null,
      lastError: null,
    });
    expect(message!.body).to.equal(
      `Ваша заявка принята. Номер: ${inquiry.trackingNumber}. Услуга: gas.simple. По этому номеру можно узнать её статус.`,
    );
    expect(message!.sentAt).to.be.instanceOf(Date);
  });

  it('sends through an enabled plugin channel of the message’s kind, and records what it sent', async () => {
    const sms = new RecordingChannel('sms-test', 'sms');
    const email = new RecordingChannel('email-test', 'email');
    f.channels = [
      { pluginId: 'email-plugin', channel: email },
      { pluginId: 'sms-plugin', channel: sms },
    ];
    const inquiry = await file('chirchik', {
      applicant: {
        ...citizen('31234567890123'),
        locale: 'en',
        email: 'aziz@example.uz',
        notifyBy: 'email',
      },
    });
    await f.drain();
    expect(sms.sent).to.deep.equal([]);
    expect(email.sent).to.have.length(1);
    expect(email.sent[0]).to.deep.equal({
      tenantId: 'chirchik',
      to: 'aziz@example.uz',
      locale: 'en',
      subject: `Application received: ${inquiry.trackingNumber}`,
      text: `Your application has been received. Number: ${inquiry.trackingNumber}. Service: gas.simple. Use this number to follow its status.`,
    });
    const [message] = await messagesOf(inquiry.id);
    expect(message).to.include({ kind: 'email', channelId: 'email-test', status: 'sent', attempts: 1 });
  });

  it('keeps to the database channel when the channel’s plugin is not enabled for the tenant', async () => {
    const sms = new RecordingChannel('sms-test', 'sms');
    f.channels = [{ pluginId: 'sms-plugin', channel: sms }];
    f.enabled = new Set(['djizak:sms-plugin']);
    const inquiry = await file('chirchik');
    await f.drain();
    expect(sms.calls).to.equal(0);
    expect((await messagesOf(inquiry.id))[0]).to.include({ channelId: 'database', status: 'recorded' });
  });

  it('retries a failing channel through the outbox and sends the message once: 3 attempts, 1 message', async () => {
    const sms = new RecordingChannel('sms-test', 'sms');
    sms.failures = 2;
    f.channels = [{ pluginId: 'sms-plugin', channel: sms }];
    const inquiry = await file('chirchik');

    expect(await f.dispatcher.runOnce()).to.deep.equal({ delivered: 0, failed: 1, dead: 0 });
    const [failed] = await messagesOf(inquiry.id);
    expect(failed).to.include({ status: 'failed', attempts: 1, channelId: 'sms-test', sentAt: null });
    expect(failed!.lastError).to.equal('provider unreachable');

    expect(await f.dispatcher.runOnce()).to.deep.equal({ delivered: 0, failed: 1, dead: 0 });
    expect(await f.dispatcher.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(await f.dispatcher.runOnce()).to.deep.equal({ delivered: 0, failed: 0, dead: 0 });

    const messages = await messagesOf(inquiry.id);
    expect(messages).to.have.length(1);
    expect(messages[0]).to.include({ status: 'sent', attempts: 3, lastError: null });
    expect(sms.calls).to.equal(3);
    expect(sms.sent).to.have.length(1);
    const [event] = await f.db.withTenant('chirchik', (trx) =>
      trx('outbox_events').where({ tenant_id: 'chirchik', type: 'inquiry.filed', inquiry_id: inquiry.id }),
    );
    expect(event).to.include({ status: 'delivered', attempts: 2 });
  });

  it('reads the inquiry and records the message in two transactions, and sends through a channel in three', async () => {
    const transactions = countTransactions(f.db);
    await file('chirchik');
    const [recorded] = await outboxEvents('chirchik', 'inquiry.filed');
    transactions.reset();
    expect((await f.notifications.deliver(recorded!))!.status).to.equal('recorded');
    expect(transactions.count()).to.equal(2);

    f.channels = [{ pluginId: 'sms-plugin', channel: new RecordingChannel('sms-test', 'sms') }];
    const inquiry = await file('chirchik');
    const [sent] = (await outboxEvents('chirchik', 'inquiry.filed')).filter(
      (e) => e.inquiryId === inquiry.id,
    );
    transactions.reset();
    expect((await f.notifications.deliver(sent!))!.status).to.equal('sent');
    expect(transactions.count()).to.equal(3);
  });

  it('sends the stored text on a retry, even when its plugin template is gone since', async () => {
    const inquiry = await file('chirchik', {
      serviceCode: GAS_NO_DEBT.code,
      applicant: { ...citizen('31234567890123'), locale: 'ru', email: 'aziz@example.uz', notifyBy: 'email' },
    });
    await f.drain();
    const email = new RecordingChannel('email-test', 'email');
    email.failures = 1;
    f.channels = [{ pluginId: 'email-plugin', channel: email }];
    await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt', data: { reason: 'долг за газ' } },
      f.actors.supervisor,
    );
    await f.dispatcher.runOnce();
    const [failed] = (await messagesOf(inquiry.id)).filter((m) => m.template === 'agency-gas/rejected');
    expect(failed).to.include({ status: 'failed', attempts: 1 });
    f.contributions.remove('agency-gas');
    await f.drain();
    const [sent] = (await messagesOf(inquiry.id)).filter((m) => m.template === 'agency-gas/rejected');
    expect(sent).to.include({ status: 'sent', attempts: 2, body: failed!.body });
    expect(email.sent.map((m) => m.text)).to.include(failed!.body);
  });

  it('records a failed message with the database channel when its channel plugin is disabled before the retry', async () => {
    const sms = new RecordingChannel('sms-test', 'sms');
    sms.failures = 1;
    f.channels = [{ pluginId: 'sms-plugin', channel: sms }];
    const inquiry = await file('chirchik');
    expect(await f.dispatcher.runOnce()).to.deep.equal({ delivered: 0, failed: 1, dead: 0 });
    expect((await messagesOf(inquiry.id))[0]).to.include({ status: 'failed', channelId: 'sms-test' });
    f.enabled = new Set();
    expect(await f.dispatcher.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect((await messagesOf(inquiry.id))[0]).to.include({
      status: 'recorded',
      channelId: 'database',
      attempts: 2,
    });
    expect(sms.calls).to.equal(1);
  });

  it('does not send twice when an event is delivered again', async () => {
    const sms = new RecordingChannel('sms-test', 'sms');
    f.channels = [{ pluginId: 'sms-plugin', channel: sms }];
    const inquiry = await file('chirchik');
    const [event] = await outboxEvents('chirchik', 'inquiry.filed');
    const first = await f.notifications.deliver(event!);
    const again = await f.notifications.deliver(event!);
    await Promise.all([f.notifications.deliver(event!), f.notifications.deliver(event!)]);
    expect(again).to.deep.equal(first);
    expect(sms.calls).to.equal(1);
    expect(await messagesOf(inquiry.id)).to.have.length(1);
  });

  it('sends once when two deliveries of one event run at the same time', async () => {
    const sms = new RecordingChannel('sms-test', 'sms');
    sms.delayMs = 200;
    f.channels = [{ pluginId: 'sms-plugin', channel: sms }];
    const inquiry = await file('chirchik');
    const [event] = await outboxEvents('chirchik', 'inquiry.filed');
    const results = await Promise.allSettled([
      f.notifications.deliver(event!),
      f.notifications.deliver(event!),
    ]);
    expect(sms.calls).to.equal(1);
    const refused = results.filter((r) => r.status === 'rejected');
    for (const result of refused) {
      expect(result.reason).to.have.property('code', 'DARCHA_NOTIFICATION_SEND_IN_PROGRESS');
    }
    expect((await f.notifications.deliver(event!))!.status).to.equal('sent');
    expect(sms.calls).to.equal(1);
    expect(await messagesOf(inquiry.id)).to.have.length(1);
  });

  it('tells the citizen about public status changes only, with the status’ own template', async () => {
    const inquiry = await file('chirchik');
    await f.drain();
    const reviewed = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    );
    await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'ask', expectedVersion: reviewed.inquiry.version, comment: 'Bring the meter photo' },
      f.actors.officer,
    );
    await f.drain();
    const messages = await messagesOf(inquiry.id);
    expect(messages.map((m) => m.template)).to.deep.equal(['inquiry.action-required', 'inquiry.filed']);
    expect(messages[0]!.body).to.equal(
      `Ariza ${inquiry.trackingNumber} bo'yicha sizdan harakat talab qilinadi. Portalni tekshiring yoki Davlat xizmatlari markaziga murojaat qiling.`,
    );
  });

  it('settles a transition the citizen does not see without opening a transaction', async () => {
    const inquiry = await file('chirchik');
    await f.drain();
    await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    );
    const [reviewed] = (await outboxEvents('chirchik', 'inquiry.transitioned')).filter(
      (e) => e.inquiryId === inquiry.id,
    );
    expect(reviewed!.payload['public']).to.equal(false);
    const transactions = countTransactions(f.db);
    expect(await f.notifications.deliver(reviewed!)).to.equal(undefined);
    expect(transactions.count()).to.equal(0);
  });

  it('sends the plugin template of core/notify-applicant instead of core’s default for that transition', async () => {
    const inquiry = await file('chirchik', {
      serviceCode: GAS_NO_DEBT.code,
      applicant: {
        ...citizen('31234567890123'),
        locale: 'ru',
        email: 'aziz@example.uz',
        notifyBy: 'email',
      },
    });
    f.clock.advance(60_000);
    await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt', data: { reason: 'долг за газ' } },
      f.actors.supervisor,
    );
    await f.drain();
    const messages = await messagesOf(inquiry.id);
    expect(messages.map((m) => m.template)).to.deep.equal(['agency-gas/rejected', 'inquiry.filed']);
    expect(messages[0]).to.include({
      eventType: 'workflow.effect',
      kind: 'email',
      locale: 'ru',
      subject: `Отказ по заявке ${inquiry.trackingNumber}`,
      body: `Заявка ${inquiry.trackingNumber} отклонена: долг за газ.`,
      status: 'recorded',
    });
  });

  it('tells the applicant of invoices, payments, refunds and documents, with the amount or the serial', async () => {
    const inquiry = await file('chirchik', { applicant: { ...citizen('31234567890123'), locale: 'ru' } });
    await f.drain();
    const base = { inquiryId: inquiry.id, currency: 'UZS' };
    await f.db.withTenant('chirchik', (trx) =>
      writeOutboxEvents(trx, 'chirchik', [
        {
          type: 'invoice.issued',
          inquiryId: inquiry.id,
          payload: { ...base, invoiceId: randomUUID(), total: 74160 },
        },
        { type: 'payment.received', inquiryId: inquiry.id, payload: { ...base, amount: 74160 } },
        { type: 'payment.refunded', inquiryId: inquiry.id, payload: { ...base, amount: 1250 } },
        { type: 'document.issued', inquiryId: inquiry.id, payload: { ...base, serial: 'CHR-2026-D000001' } },
      ]),
    );
    await f.drain();
    const bodies = (await messagesOf(inquiry.id)).map((m) => m.body).reverse();
    const n = inquiry.trackingNumber;
    expect(bodies.slice(1)).to.deep.equal([
      `К оплате по заявке ${n}: 74 160 сум.`,
      `Оплата 74 160 сум по заявке ${n} получена.`,
      `По заявке ${n} возвращено 1 250 сум.`,
      `По заявке ${n} выдан документ № CHR-2026-D000001.`,
    ]);
  });

  it('sends a phone sign-in code by SMS to the phone in the event, and keeps it confidential', async () => {
    const sms = new RecordingChannel('sms-test', 'sms');
    const email = new RecordingChannel('email-test', 'email');
    f.channels = [
      { pluginId: 'email-plugin', channel: email },
      { pluginId: 'sms-plugin', channel: sms },
    ];
    const challenges = new PhoneChallenges(
      { db: f.db, clock: f.clock.read, hasher: new ScryptPasswordHasher() },
      () => 'a-test-secret-of-enough-length-1234567890',
    );
    await challenges.start('chirchik', '+998907654321');
    await f.drain();
    expect(email.calls).to.equal(0);
    expect(sms.sent).to.have.length(1);
    expect(sms.sent[0]!.to).to.equal('+998907654321');
    expect(sms.sent[0]!.locale).to.equal('uz-Latn');
    expect(sms.sent[0]!.text).to.match(/^Tasdiqlash kodi: \d{6}\. Uni hech kimga bermang\.$/);
    const { items } = await f.notifications.list('chirchik', { kind: 'sms' });
    expect(items).to.have.length(1);
    expect(items[0]).to.include({
      eventType: 'notification.requested',
      template: PHONE_CODE_TEMPLATE,
      inquiryId: null,
      confidential: true,
      status: 'sent',
    });
  });

  it('keeps each tenant’s messages to itself', async () => {
    const chirchik = await file('chirchik');
    const djizak = await file(
      'djizak',
      {},
      {
        ...f.actors.operator,
        roles: ['front_office'],
      },
    );
    await f.drain();
    const inChirchik = await f.notifications.list('chirchik');
    const inDjizak = await f.notifications.list('djizak');
    expect(inChirchik.items.map((m) => m.inquiryId)).to.deep.equal([chirchik.id]);
    expect(inDjizak.items.map((m) => m.inquiryId)).to.deep.equal([djizak.id]);
    expect(await f.notifications.list('djizak', { inquiryId: chirchik.id })).to.include({ total: 0 });
    const leak = await f.notifications
      .listForInquiry('djizak', chirchik.id, f.actors.supervisor)
      .catch((error: unknown) => error);
    expect(leak).to.have.property('code', 'DARCHA_INQUIRY_NOT_FOUND');
  });

  it('refuses bad list filters with a coded error', async () => {
    for (const query of [
      { inquiryId: 'nope' },
      { status: 'lost' },
      { kind: 'fax' },
      { limit: 0 },
      { offset: -1 },
    ]) {
      const error = await f.notifications.list('chirchik', query as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(query)).to.have.property('code', 'DARCHA_NOTIFICATION_QUERY_INVALID');
    }
  });
});

/** Counts the tenant transactions opened on `db` from now on. */
function countTransactions(db: Database): { count(): number; reset(): void } {
  let count = 0;
  const withTenant = db.withTenant.bind(db);
  db.withTenant = (tenantId, work) => {
    count += 1;
    return withTenant(tenantId, work);
  };
  return { count: () => count, reset: () => (count = 0) };
}
