import { expect } from 'chai';
import { LOCALES, SCHEDULE_RULE, isDarchaError } from '@darcha/core';
import {
  DOCUMENT_TRANSLATIONS,
  SOCIAL_DISCOUNTS,
  bhmFee,
  defineService,
  documentTemplate,
  formUi,
  mergeTranslations,
  serviceForm,
  type DocumentText,
} from '../src/index.js';

const everywhere = (text: DocumentText) => ({ 'uz-Latn': text, 'uz-Cyrl': text, ru: text, en: text });

describe('service-kit builders', () => {
  describe('serviceForm', () => {
    it("with identity 'either' asks the applicant type, then a PINFL or a TIN", () => {
      const form = serviceForm({
        identity: 'either',
        properties: { area: { type: 'number' } },
        required: ['area'],
      });
      expect(form).to.deep.include({
        type: 'object',
        additionalProperties: false,
        required: ['applicantType', 'area'],
      });
      expect(Object.keys(form['properties'] as object)).to.deep.equal([
        'applicantType',
        'pinfl',
        'tin',
        'area',
      ]);
      expect(form['then']).to.deep.equal({ required: ['pinfl'] });
      expect(form['else']).to.deep.equal({ required: ['tin'] });
    });

    it("with identity 'pinfl' asks a PINFL only, and without identity nothing", () => {
      const pinfl = serviceForm({ identity: 'pinfl', properties: {}, required: [] });
      expect(pinfl['required']).to.deep.equal(['pinfl']);
      expect(pinfl).not.to.have.key('if');
      const bare = serviceForm({ properties: { a: { type: 'string' } }, required: ['a'] });
      expect(bare['required']).to.deep.equal(['a']);
      expect(Object.keys(bare['properties'] as object)).to.deep.equal(['a']);
    });
  });

  it('formUi orders the fields, shows the phone as a phone and adds the given help', () => {
    const help = { en: 'On the title document', ru: 'x', 'uz-Latn': 'x', 'uz-Cyrl': 'x' };
    const ui = formUi(['applicantType', 'cadastreNumber', 'phone'], { cadastreNumber: help });
    expect(ui['applicantType']).to.deep.equal({ order: 1, widget: 'radio' });
    expect(ui['cadastreNumber']).to.deep.equal({ order: 2, help });
    expect(ui['phone']).to.deep.include({ order: 3, widget: 'phone' });
  });

  describe('bhmFee', () => {
    it('is a schedule of a BHM multiple with the three social discounts of 50%', () => {
      expect(bhmFee(1.25)).to.deep.equal({
        free: false,
        rule: SCHEDULE_RULE,
        params: { amount: { bhm: 1.25 }, discounts: SOCIAL_DISCOUNTS },
      });
      expect(SOCIAL_DISCOUNTS.map((d) => [d.category, d.percent])).to.deep.equal([
        ['social-register', 50],
        ['disability-1', 50],
        ['disability-2', 50],
      ]);
    });

    it('refuses a multiple that is not a positive number', () => {
      for (const multiple of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(
          isDarchaError(
            catchError(() => bhmFee(multiple)),
            'DARCHA_SERVICE_KIT_FEE_INVALID',
          ),
        ).to.equal(true);
      }
    });
  });

  it('defineService fills in the usual values, and the service may override them', () => {
    const base = {
      code: 'cadastre.passport',
      category: 'property.cadastre',
      names: everywhere({ title: '', statement: '' }) as never,
      form: {},
      fee: { free: true },
      sla: { unit: 'working_days' as const, value: 10 },
      workflow: 'agency-cadastre/passport',
    };
    expect(defineService(base)).to.deep.include({
      version: 1,
      agencyKind: 'cadastre',
      applicantTypes: ['individual', 'legal_entity'],
      kind: 'service',
      channels: ['desk', 'online'],
      documents: [],
    });
    expect(defineService({ ...base, applicantTypes: ['individual'], version: 3 })).to.deep.include({
      applicantTypes: ['individual'],
      version: 3,
    });
  });

  describe('documentTemplate', () => {
    it('writes each locale with its title escaped, the statement and the given fields', () => {
      const template = documentTemplate(
        {
          ...everywhere({ title: 'Extract', statement: 'Number {{form.n}}' }),
          ru: { title: 'A & <B>', statement: 'x' },
        },
        [{ label: 'pack.number', path: 'form.cadastreNumber' }],
      );
      expect(Object.keys(template)).to.have.members([...LOCALES]);
      expect(template['en']).to.contain('<h1>Extract</h1>').and.to.contain('Number {{form.n}}');
      expect(template['en']).to.contain(
        '{{#if form.cadastreNumber}}<dt>{{t "pack.number"}}</dt><dd>{{form.cadastreNumber}}</dd>{{/if}}',
      );
      expect(template['ru']).to.contain('<h1>A &amp; &lt;B&gt;</h1>');
      expect(template['en']).not.to.contain('{{{');
    });

    it('refuses a field whose label or path is not a plain name', () => {
      for (const field of [
        { label: 'x', path: 'form.a}}{{evil' },
        { label: 'x" onload="', path: 'form.a' },
      ]) {
        const error = catchError(() => documentTemplate(everywhere({ title: 't', statement: 's' }), [field]));
        expect(isDarchaError(error, 'DARCHA_SERVICE_KIT_DOCUMENT_FIELD_INVALID'), field.path).to.equal(true);
      }
    });
  });

  it('mergeTranslations merges locale by locale, later keys winning', () => {
    const merged = mergeTranslations(DOCUMENT_TRANSLATIONS, {
      en: { 'document.holder': 'Owner', 'x.y': 'Y' },
    });
    expect(merged['en']).to.include({
      'document.holder': 'Owner',
      'x.y': 'Y',
      'document.serial': 'Document number',
    });
    expect(merged['ru']).to.deep.equal(DOCUMENT_TRANSLATIONS['ru']);
    expect(DOCUMENT_TRANSLATIONS['en']!['document.holder']).to.equal('Applicant');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
