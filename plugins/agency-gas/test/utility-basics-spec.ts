import { expect } from 'chai';
import { LOCALES, isDarchaError } from '@darcha/core';
import { DOCUMENT_TRANSLATIONS } from '@darcha/service-kit';
import { describeForms } from './form-cases.js';
import type { UtilityTestCity } from './utility-test-city.js';

const CADASTRE = '10:11:12:01:02:0034:0005:001';

/**
 * The tests every utility pack runs on its connection, no-debt certificate and debt information:
 * forms, the happy path with the issued document, rejection and appeal, and the consultation.
 * `connectionFields` are the pack's own required connection fields with valid values.
 */
export function describeUtilityBasics(
  area: string,
  city: () => UtilityTestCity,
  connectionFields: Record<string, unknown>,
): void {
  const connection = {
    applicantType: 'individual',
    pinfl: '31507976020031',
    cadastreNumber: CADASTRE,
    address: 'Chirchiq, Amir Temur ko‘chasi 12',
    phone: '+998901234567',
    ...connectionFields,
  };
  const noDebt = {
    applicantType: 'legal_entity',
    tin: '301234567',
    account: '1002003',
    phone: '+998712345678',
  };

  describeForms(() => city().host, {
    [`${area}.connection`]: {
      valid: [connection],
      invalid: [
        { data: { ...connection, pinfl: '1234' }, errors: [['/pinfl', 'format']] },
        { data: { ...connection, cadastreNumber: '10:11:12' }, errors: [['/cadastreNumber', 'format']] },
        {
          data: { ...connection, phone: '901234567', extra: 1 },
          errors: [
            ['/phone', 'format'],
            ['/extra', 'additionalProperties'],
          ],
        },
      ],
    },
    [`${area}.no-debt-certificate`]: {
      valid: [
        noDebt,
        {
          applicantType: 'individual',
          pinfl: '31507976020031',
          account: '123456789012',
          phone: '+998901234567',
        },
      ],
      invalid: [
        { data: { ...noDebt, tin: undefined }, errors: [['/tin', 'required']] },
        { data: { ...noDebt, account: '12-34' }, errors: [['/account', 'format']] },
        {
          data: { applicantType: 'legal_entity', tin: '30123456' },
          errors: [
            ['/tin', 'format'],
            ['/account', 'required'],
            ['/phone', 'required'],
          ],
        },
      ],
    },
    [`${area}.debt-information`]: {
      valid: [{ account: '1002003' }, { account: '1002003', phone: '+998901234567' }],
      invalid: [
        { data: {}, errors: [['/account', 'required']] },
        {
          data: { account: '12345', phone: '+7 900 1234567' },
          errors: [
            ['/account', 'format'],
            ['/phone', 'format'],
          ],
        },
      ],
    },
  });

  describe('workflows', () => {
    it(`${area}.no-debt-certificate: checked, issued as a certificate in the applicant's language, handed over`, async () => {
      const { officer, operator } = city().actors;
      let inquiry = await city().file(`${area}.no-debt-certificate`, noDebt);
      expect(inquiry).to.include({
        state: 'submitted',
        publicStatus: 'submitted',
        agencyCode: city().agencyCode,
      });
      inquiry = await city().act(inquiry, 'take_in_work', officer);
      expect(inquiry).to.include({ state: 'account_check', publicStatus: 'in_progress' });
      inquiry = await city().act(inquiry, 'complete_account_check', officer);
      expect(inquiry).to.include({ state: 'ready', publicStatus: 'ready' });
      const [document] = await city().documents(inquiry.id);
      expect(document).to.include({
        templateKey: `agency-${area}/no-debt-certificate`,
        locale: 'ru',
        kind: 'certificate',
      });
      const html = await city().host.platform.documents.html('chirchik', document!.id);
      expect(html).to.contain('Справка об отсутствии задолженности').and.to.contain('1002003');
      expect(html).to.contain('Лицевой счёт'); // the pack's translations
      inquiry = await city().act(inquiry, 'hand_over', operator);
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it(`${area}.no-debt-certificate: rejected with the debt, appealed within 15 days, issued`, async () => {
      const { officer, supervisor } = city().actors;
      let inquiry = await city().file(`${area}.no-debt-certificate`, noDebt);
      const refused = await city()
        .act(inquiry, 'reject', officer)
        .catch((e: unknown) => e);
      expect(isDarchaError(refused, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);
      inquiry = await city().act(inquiry, 'reject', supervisor, 'Debt of 148 000 soums on the account');
      expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
      inquiry = await city().act(inquiry, 'appeal', city().actors.operator, 'The debt was paid yesterday');
      expect(inquiry).to.include({ state: 'account_check' });
      inquiry = await city().act(inquiry, 'complete_account_check', officer);
      expect(inquiry.state).to.equal('ready');
    });

    it(`${area}.connection: technical conditions, connection, the act issued`, async () => {
      const { officer } = city().actors;
      let inquiry = await city().file(`${area}.connection`, connection);
      for (const action of ['take_in_work', 'complete_technical_conditions', 'complete_connection']) {
        inquiry = await city().act(inquiry, action, officer);
      }
      expect(inquiry.state).to.equal('ready');
      const documents = await city().documents(inquiry.id);
      expect(documents.map((d) => d.templateKey)).to.deep.equal([`agency-${area}/connection-act`]);
    });

    it(`${area}.connection: each step has a due date; a rejection closes the inquiry`, async () => {
      const { officer } = city().actors;
      let inquiry = await city().file(`${area}.connection`, connection);
      inquiry = await city().act(inquiry, 'take_in_work', officer);
      expect(inquiry.stateDueAt).to.be.instanceOf(Date);
      inquiry = await city().act(inquiry, 'reject', officer, 'The property is outside the network area');
      expect(inquiry).to.include({ state: 'rejected' });
      expect(inquiry.closedAt).to.be.instanceOf(Date);
    });

    it(`${area}: prints its connection act and no-debt certificate in all four locales`, async () => {
      const { platform } = city().host;
      const inquiry = await city().file(`${area}.connection`, connection);
      for (const name of ['connection-act', 'no-debt-certificate']) {
        for (const locale of LOCALES) {
          const template = `agency-${area}/${name}`;
          const { document } = await platform.documents.issue('chirchik', {
            inquiryId: inquiry.id,
            template,
            locale,
            actor: city().actors.officer.id,
          });
          expect(document, `${template} ${locale}`).to.include({ locale, templateKey: template });
          const html = await platform.documents.html('chirchik', document.id);
          expect(html)
            .to.contain(DOCUMENT_TRANSLATIONS[locale]!['document.holder'])
            .and.to.contain('Karimov Aziz');
        }
      }
    });

    it(`${area}.debt-information: answered at once as a consultation, or declined`, async () => {
      const { operator } = city().actors;
      let inquiry = await city().file(`${area}.debt-information`, { account: '1002003' });
      expect(inquiry).to.include({ kind: 'information', state: 'submitted' });
      inquiry = await city().act(inquiry, 'answer', operator, 'Debt: 48 000 soums as of today');
      expect(inquiry).to.include({ state: 'answered', publicStatus: 'completed' });
      let unknown = await city().file(`${area}.debt-information`, { account: '999999' });
      unknown = await city().act(unknown, 'decline', operator, 'No such account');
      expect(unknown).to.include({ state: 'declined', publicStatus: 'rejected' });
    });
  });
}
