import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import { dbEngine } from '../workflow/engine/engine-fixture.js';
import { openNotificationsFixture, type NotificationsFixture } from './notifications-fixture.js';

describe(`notification template overrides (${dbEngine})`, () => {
  let f: NotificationsFixture;

  beforeEach(async () => {
    f = await openNotificationsFixture();
  });
  afterEach(() => f.close());

  async function filedMessageBody(tenantId: string): Promise<string | null> {
    const { inquiry } = await f.engine.file(tenantId, f.filing(), {
      ...f.actors.operator,
      roles: ['front_office'],
    });
    await f.drain();
    const { items } = await f.notifications.list(tenantId, { inquiryId: inquiry.id });
    return items[0]!.body;
  }

  it('uses the tenant’s own text of a core template in that tenant and locale only', async () => {
    // Core's text is read (and kept for 5 s) first: the change below must still apply at once.
    expect(await filedMessageBody('chirchik')).to.match(/^Arizangiz qabul qilindi\. Raqami: /);
    const saved = await f.notifications.setTemplateOverride(
      'chirchik',
      {
        template: 'inquiry.filed',
        locale: 'uz-Latn',
        body: 'Chirchiq DXM: arizangiz {{trackingNumber}} qabul qilindi ({{service}}).',
      },
      'admin-1',
    );
    expect(saved).to.include({
      template: 'inquiry.filed',
      locale: 'uz-Latn',
      subject: null,
      updatedBy: 'admin-1',
    });
    expect(await filedMessageBody('chirchik')).to.equal(
      'Chirchiq DXM: arizangiz CHR-2026-000002 qabul qilindi (gas.simple).',
    );
    expect(await filedMessageBody('djizak')).to.match(/^Arizangiz qabul qilindi\. Raqami: /);
    expect(await f.notifications.templateOverrides('chirchik')).to.have.length(1);
    expect(await f.notifications.templateOverrides('djizak')).to.deep.equal([]);

    await f.notifications.removeTemplateOverride('chirchik', 'inquiry.filed', 'uz-Latn', 'admin-1');
    expect(await filedMessageBody('chirchik')).to.match(/^Arizangiz qabul qilindi\. Raqami: /);
    const audit = await f.db.withTenant('chirchik', (trx) => listAudit(trx, 'chirchik', {}));
    expect(audit.map((a) => a.action)).to.include.members([
      'notification.template-override',
      'notification.template-reset',
    ]);
  });

  it('refuses an override that names an unknown field or template, or does not parse', async () => {
    const attempts: [Record<string, unknown>, string][] = [
      [
        { template: 'inquiry.filed', locale: 'ru', body: 'Номер {{trackingNo}}' },
        'DARCHA_NOTIFICATION_TEMPLATE_INVALID',
      ],
      [
        { template: 'inquiry.filed', locale: 'ru', body: 'Номер {{#if}}' },
        'DARCHA_NOTIFICATION_TEMPLATE_INVALID',
      ],
      [{ template: 'inquiry.filed', locale: 'ru', body: '  ' }, 'DARCHA_NOTIFICATION_TEMPLATE_INVALID'],
      [
        { template: 'inquiry.filed', locale: 'de', body: 'Nummer {{trackingNumber}}' },
        'DARCHA_NOTIFICATION_TEMPLATE_INVALID',
      ],
      [{ template: 'agency-gas/rejected', locale: 'ru', body: 'x' }, 'DARCHA_NOTIFICATION_TEMPLATE_UNKNOWN'],
      [
        { template: 'inquiry.filed', locale: 'ru', body: '{{{trackingNumber}} {{> partial}}' },
        'DARCHA_NOTIFICATION_TEMPLATE_INVALID',
      ],
      [
        { template: 'inquiry.filed', locale: 'ru', body: '{{upper trackingNumber}}' },
        'DARCHA_NOTIFICATION_TEMPLATE_INVALID',
      ],
    ];
    for (const [input, code] of attempts) {
      const error = await f.notifications
        .setTemplateOverride('chirchik', input as never, 'admin-1')
        .catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).to.have.property('code', code);
    }
    expect(await f.notifications.templateOverrides('chirchik')).to.deep.equal([]);
    const missing = await f.notifications
      .removeTemplateOverride('chirchik', 'inquiry.filed', 'ru', 'admin-1')
      .catch((e: unknown) => e);
    expect(missing).to.have.property('code', 'DARCHA_NOTIFICATION_OVERRIDE_NOT_FOUND');
  });
});
