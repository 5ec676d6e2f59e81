import { expect } from 'chai';
import { LOCALES } from '../../src/i18n/locales.js';
import {
  CORE_TEMPLATE_KEYS,
  CORE_TEMPLATES,
  SAMPLE_TEMPLATE_DATA,
} from '../../src/notifications/core-templates.js';
import { formatAmount } from '../../src/notifications/message-context.js';
import { MessageRenderer } from '../../src/notifications/message-renderer.js';
import { recipientOf } from '../../src/notifications/recipient.js';

describe('notification templates and recipients', () => {
  const renderer = new MessageRenderer();

  it('has every core template in every locale, rendering strictly with the fields core provides', () => {
    for (const locale of LOCALES) {
      for (const key of CORE_TEMPLATE_KEYS) {
        const template = CORE_TEMPLATES[locale][key];
        const origin = { key, locale, from: 'core', strict: true };
        const body = renderer.render(template.body, SAMPLE_TEMPLATE_DATA, origin);
        const subject = renderer.render(template.subject, SAMPLE_TEMPLATE_DATA, origin);
        expect(body, `${key} ${locale}`).to.not.match(/\{\{|\}\}/);
        expect(subject.length, `${key} ${locale}`).to.be.within(1, 120);
        expect(body.length, `${key} ${locale} fits in two SMS parts`).to.be.at.most(200);
      }
    }
  });

  it('does not HTML-escape plain text', () => {
    const text = renderer.render(
      '{{service}}',
      { service: "O'zbek & <Co>" },
      {
        key: 'x',
        locale: 'en',
        from: 'test',
        strict: true,
      },
    );
    expect(text).to.equal("O'zbek & <Co>");
  });

  it('names the template, the locale and the origin of a template that does not render', () => {
    expect(() =>
      renderer.render(
        '{{missing}}',
        {},
        { key: 'inquiry.filed', locale: 'ru', from: 'tenant "chirchik"', strict: true },
      ),
    )
      .to.throw()
      .that.has.property('code', 'DARCHA_NOTIFICATION_TEMPLATE_INVALID');
  });

  it('formats soums in groups of three', () => {
    expect(formatAmount(253413)).to.equal('253 413');
    expect(formatAmount('1000000')).to.equal('1 000 000');
    expect(formatAmount(999)).to.equal('999');
    expect(formatAmount(undefined)).to.equal('');
    expect(formatAmount('12abc')).to.equal('');
  });

  it('picks the applicant’s channel: their choice, else SMS, else email, else none', () => {
    const phone = '+998901234567';
    const email = 'a@example.uz';
    expect(recipientOf({ phone, email })).to.deep.equal({ kind: 'sms', to: phone });
    expect(recipientOf({ email })).to.deep.equal({ kind: 'email', to: email });
    expect(recipientOf({ phone, email, notifyBy: 'email' })).to.deep.equal({ kind: 'email', to: email });
    expect(recipientOf({ phone, notifyBy: 'email' })).to.deep.equal({ kind: 'sms', to: phone });
    expect(recipientOf({ phone, email, notifyBy: 'none' })).to.equal(undefined);
    expect(recipientOf({ phone: ' ', email: '' })).to.equal(undefined);
  });
});
