import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import type { Actor } from '../../src/workflow/inquiry/types.js';
import { citizen, dbEngine } from '../workflow/engine/engine-fixture.js';
import { openNotificationsFixture, type NotificationsFixture } from './notifications-fixture.js';

const OWNER: Actor = {
  id: 'citizen:31234567890123',
  kind: 'citizen',
  roles: ['citizen'],
  applicantKey: '31234567890123',
};
const STRANGER: Actor = {
  id: 'citizen:39999999999999',
  kind: 'citizen',
  roles: ['citizen'],
  applicantKey: '39999999999999',
};

describe(`notification preferences (${dbEngine})`, () => {
  let f: NotificationsFixture;

  beforeEach(async () => {
    f = await openNotificationsFixture();
  });
  afterEach(() => f.close());

  async function file(applicant = citizen('31234567890123')) {
    return (await f.engine.file('chirchik', f.filing({ applicant }), f.actors.operator)).inquiry;
  }

  async function ask(inquiryId: string) {
    f.clock.advance(60_000);
    const reviewed = await f.engine.transition(
      'chirchik',
      inquiryId,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    );
    await f.engine.transition(
      'chirchik',
      inquiryId,
      { action: 'ask', expectedVersion: reviewed.inquiry.version, comment: 'Bring the meter photo' },
      f.actors.officer,
    );
    await f.drain();
  }

  it('sends nothing, and records nothing, once the citizen chose none', async () => {
    const inquiry = await file();
    await f.drain();
    const settings = await f.notifications.setPreferences(
      'chirchik',
      inquiry.id,
      { notifyBy: 'none' },
      OWNER,
    );
    expect(settings).to.include({ notifyBy: 'none', chosen: true, phone: '+99890*****67', email: null });
    await ask(inquiry.id);
    const { items } = await f.notifications.list('chirchik', { inquiryId: inquiry.id });
    expect(items.map((m) => m.template)).to.deep.equal(['inquiry.filed']);
  });

  it('records nothing for an applicant with neither phone nor email', async () => {
    const { phone: _phone, ...noContact } = citizen('31234567890123');
    void _phone;
    const inquiry = await file(noContact);
    await f.drain();
    expect(await f.notifications.list('chirchik', { inquiryId: inquiry.id })).to.include({ total: 0 });
    expect(await f.notifications.preferences('chirchik', inquiry.id, f.actors.operator)).to.include({
      notifyBy: 'none',
      chosen: false,
    });
  });

  it('writes later messages in the locale the citizen chose, and shows the history in it', async () => {
    const inquiry = await file();
    await f.drain();
    await f.notifications.setPreferences('chirchik', inquiry.id, { locale: 'en' }, OWNER);
    await ask(inquiry.id);
    const { items } = await f.notifications.list('chirchik', { inquiryId: inquiry.id });
    expect(items.map((m) => [m.template, m.locale])).to.deep.equal([
      ['inquiry.action-required', 'en'],
      ['inquiry.filed', 'uz-Latn'],
    ]);
    expect(items[0]!.body).to.equal(
      `Application ${inquiry.trackingNumber} needs something from you. Check the portal or visit the public service centre.`,
    );
    const stored = await f.engine.get('chirchik', inquiry.id);
    expect(stored.locale).to.equal('en');
    expect(stored.applicant.locale).to.equal('en');
  });

  it('switches to email when desk staff record the choice, and audits the change', async () => {
    const inquiry = await file({ ...citizen('31234567890123'), email: 'aziz@example.uz' });
    await f.drain();
    const settings = await f.notifications.setPreferences(
      'chirchik',
      inquiry.id,
      { notifyBy: 'email', locale: 'ru' },
      f.actors.operator,
    );
    expect(settings).to.deep.equal({
      inquiryId: inquiry.id,
      locale: 'ru',
      notifyBy: 'email',
      chosen: true,
      phone: '+99890*****67',
      email: 'a***@example.uz',
    });
    await ask(inquiry.id);
    const { items } = await f.notifications.list('chirchik', { inquiryId: inquiry.id });
    expect(items[0]).to.include({ kind: 'email', recipient: 'aziz@example.uz', locale: 'ru' });
    expect(items[0]!.subject).to.equal(`Заявка ${inquiry.trackingNumber}: требуется ваше действие`);
    const audit = await f.db.withTenant('chirchik', (trx) => listAudit(trx, 'chirchik', {}));
    const entry = audit.find((a) => a.action === 'inquiry.notification-preferences');
    expect(entry).to.include({ actor: f.actors.operator.id, subjectId: inquiry.id });
    expect(entry!.details).to.deep.equal({
      before: { locale: 'uz-Latn', notifyBy: null },
      after: { locale: 'ru', notifyBy: 'email' },
    });
  });

  it('refuses a choice the application cannot carry, or that is not a choice', async () => {
    const inquiry = await file();
    for (const preferences of [
      { notifyBy: 'email' },
      { notifyBy: 'pigeon' },
      { locale: 'de' },
      {},
      { locale: 'en', phone: '+998900000000' },
    ]) {
      const error = await f.notifications
        .setPreferences('chirchik', inquiry.id, preferences as never, OWNER)
        .catch((e: unknown) => e);
      expect(error, JSON.stringify(preferences)).to.have.property(
        'code',
        'DARCHA_NOTIFICATION_PREFERENCES_INVALID',
      );
    }
    expect((await f.engine.get('chirchik', inquiry.id)).applicant).to.deep.equal(citizen('31234567890123'));
  });

  it('lets only the owner and desk staff change preferences', async () => {
    const inquiry = await file();
    const stranger = await f.notifications
      .setPreferences('chirchik', inquiry.id, { locale: 'en' }, STRANGER)
      .catch((e: unknown) => e);
    expect(stranger).to.have.property('code', 'DARCHA_INQUIRY_NOT_FOUND');
    const officer = await f.notifications
      .setPreferences('chirchik', inquiry.id, { locale: 'en' }, f.actors.officer)
      .catch((e: unknown) => e);
    expect(officer).to.have.property('code', 'DARCHA_NOTIFICATION_FORBIDDEN');
    const elsewhere = await f.notifications
      .setPreferences('djizak', inquiry.id, { locale: 'en' }, f.actors.operator)
      .catch((e: unknown) => e);
    expect(elsewhere).to.have.property('code', 'DARCHA_INQUIRY_NOT_FOUND');
    expect((await f.engine.get('chirchik', inquiry.id)).applicant.locale).to.equal('uz-Latn');
  });

  it('shows the owner their messages but never the body of a confidential one', async () => {
    const inquiry = await file();
    await f.drain();
    // A confidential message about the inquiry (as a code sent in its context would be).
    await f.db.withTenant('chirchik', (trx) =>
      trx('notification_messages')
        .where({ tenant_id: 'chirchik', inquiry_id: inquiry.id })
        .update({ confidential: true }),
    );
    const own = await f.notifications.listForInquiry('chirchik', inquiry.id, OWNER);
    expect(own.items).to.have.length(1);
    expect(own.items[0]).to.include({ confidential: true, body: null });
    const staff = await f.notifications.listForInquiry('chirchik', inquiry.id, f.actors.operator);
    expect(staff.items[0]!.body).to.be.a('string').and.contain(inquiry.trackingNumber);
    const stranger = await f.notifications
      .listForInquiry('chirchik', inquiry.id, STRANGER)
      .catch((e: unknown) => e);
    expect(stranger).to.have.property('code', 'DARCHA_INQUIRY_NOT_FOUND');
  });
});
