import { expect } from 'chai';
import { isDarchaError, type ServiceDefinition } from '@darcha/core';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { TENANT, type AgencyCity } from './agency-city.js';

/** A consultation service, one of its topics, and an answer the desk gives. */
export interface ConsultationCase {
  service: ServiceDefinition;
  topic: string;
  answer: string;
}

/**
 * The tests of free consultations (kind `information`, the kit's information workflow, the form of
 * topic, question and optional phone): the form, the answer the citizen reads, and the decline
 * with its reason; nothing is invoiced and no document issued. Shared by the employment, chamber,
 * bank and information packs.
 */
export function describeConsultations(city: () => AgencyCity, cases: ConsultationCase[]): void {
  describeForms(
    () => city().host,
    Object.fromEntries(
      cases.map(({ service, topic }) => {
        const valid = { topic, question: 'What do I need to bring?' };
        return [
          service.code,
          {
            valid: [valid, { ...valid, phone: '+998901234567' }],
            invalid: [
              { data: { ...valid, topic: 'weather' }, errors: [['/topic', 'enum']] },
              {
                data: { question: 'Hi', phone: '+99890123' },
                errors: [
                  ['/topic', 'required'],
                  ['/question', 'minLength'],
                  ['/phone', 'format'],
                ],
              },
              { data: { ...valid, pinfl: '31507976020031' }, errors: [['/pinfl', 'additionalProperties']] },
            ],
          },
        ];
      }),
    ),
  );

  describe('consultations', () => {
    for (const { service, topic, answer } of cases) {
      it(`${service.code}: free, answered at the desk with the answer the citizen reads`, async () => {
        const { operator } = city().actors;
        expect([service.kind, service.fee.free, service.channels]).to.deep.equal([
          'information',
          true,
          ['desk', 'online'],
        ]);
        let inquiry = await city().file(service.code, { topic, question: 'What do I need to bring?' });
        expect(inquiry).to.include({
          kind: 'information',
          state: 'submitted',
          agencyCode: city().agencyCode,
        });
        expect(inquiry.stateDueAt).to.be.instanceOf(Date);
        expect(await city().host.platform.payments.invoiceFor(TENANT, inquiry.id)).to.not.exist;
        inquiry = await city().act(inquiry, 'answer', operator, answer);
        expect(inquiry).to.include({ state: 'answered', publicStatus: 'completed' });
        expect((await city().publicHistory(inquiry.id)).at(-1)).to.include({
          title: 'Answer',
          comment: answer,
        });
        expect(await city().documents(inquiry.id)).to.deep.equal([]);
      });

      it(`${service.code}: asked online, declined with the reason`, async () => {
        const { officer } = city().actors;
        const form = { topic, question: 'Can you tell me about my neighbour?', phone: '+998901234567' };
        let inquiry = await city().file(service.code, form, { channel: 'online' });
        const bare = await city()
          .act(inquiry, 'decline', officer)
          .catch((e: unknown) => e);
        expect(isDarchaError(bare, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);
        inquiry = await city().act(inquiry, 'decline', officer, 'We answer questions about yourself only');
        expect(inquiry).to.include({ state: 'declined', publicStatus: 'rejected' });
        expect((await city().publicHistory(inquiry.id)).at(-1)).to.include({
          title: 'Cannot be answered',
          comment: 'We answer questions about yourself only',
        });
      });
    }
  });
}
