import { expect } from 'chai';
import { issueDocumentEffect, ISSUE_DOCUMENT_EFFECT } from '../../src/documents/issue-document-effect.js';
import type { IssuedDocument } from '../../src/documents/types.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { effectsSubscriber } from '../../src/workflow/engine/effects-subscriber.js';
import { dbEngine } from '../workflow/engine/engine-fixture.js';
import { openDocumentsFixture, type DocumentsFixture } from './documents-fixture.js';

const CODE_FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{2}$/;

async function failure(promise: Promise<unknown>): Promise<{ code: string; kind: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isDarchaError(error)) return error;
    throw error;
  }
  throw new Error('expected a DarchaError');
}

/** The verification code printed on a stored page. */
function printedCode(html: string): string {
  const match = /class="code">([0-9A-Z-]+)</.exec(html);
  if (!match) throw new Error('no code printed');
  return match[1]!;
}

describe(`issued documents (${dbEngine})`, function () {
  this.timeout(60_000);
  let f: DocumentsFixture;

  beforeEach(async () => {
    f = await openDocumentsFixture({ publicUrl: 'https://darcha.example.uz' });
  });
  afterEach(async () => {
    await f.close();
  });

  const deliver = (effect: Parameters<ReturnType<typeof effectsSubscriber>['deliver']>[0]) =>
    effectsSubscriber({
      engine: f.engine,
      contributions: f.contributions,
      coreEffects: new Map([[ISSUE_DOCUMENT_EFFECT, issueDocumentEffect(f.documents)]]),
    }).deliver(effect);

  describe('issue through the workflow effect', () => {
    it('issues the transition template in the applicant locale, once per effect id', async () => {
      const { inquiry, effect } = await f.issueViaWorkflow({ applicant: { locale: 'ru' } });
      await deliver(effect);
      await deliver(effect); // redelivered after a crash: nothing new
      const documents = await f.documents.listForInquiry('chirchik', inquiry.id);
      expect(documents).to.have.length(1);
      const [document] = documents as [IssuedDocument];
      expect(document).to.deep.include({
        inquiryId: inquiry.id,
        kind: 'certificate',
        templateKey: 'agency-gas/no-debt-certificate',
        locale: 'ru',
        serial: 'CHR-2026-D000001',
        holderInitials: 'A. K.',
        effectId: effect.id,
        issuedBy: 'system',
        revokedAt: null,
      });
      expect(document.data).to.deep.include({ trackingNumber: inquiry.trackingNumber });
      expect(document.data).to.deep.include({ data: { debt: 0 } });
      const html = await f.documents.html('chirchik', document.id);
      expect(html).to.include('Справка об отсутствии задолженности');
      expect(html).to.include('Karimov Aziz');
      expect(html).to.include('2 марта 2026 г.');
      expect(html).to.include('<svg');
      expect(html).to.include('https://darcha.example.uz/verify/chirchik/');
      expect(printedCode(html)).to.match(CODE_FORMAT);
      const events = await f.db.withTenant('chirchik', (trx) =>
        trx('outbox_events').where({ tenant_id: 'chirchik', type: 'document.issued' }).select('payload'),
      );
      expect(events).to.have.length(1);
      expect(events[0].payload).to.deep.include({ documentId: document.id, serial: 'CHR-2026-D000001' });
      expect(JSON.stringify(events[0].payload)).not.to.include(printedCode(html));
      // The replay did not take a serial number: the next document gets 2.
      const next = await f.documents.issue('chirchik', { inquiryId: inquiry.id, actor: 'tester' });
      expect(next.document.serial).to.equal('CHR-2026-D000002');
    });

    it('falls back to uz-Latn when the plugin has no template in the applicant locale', async () => {
      const { inquiry, effect } = await f.issueViaWorkflow({ applicant: { locale: 'en' } });
      await deliver(effect);
      const [document] = await f.documents.listForInquiry('chirchik', inquiry.id);
      expect(document!.locale).to.equal('uz-Latn');
      const html = await f.documents.html('chirchik', document!.id);
      expect(html).to.include('<html lang="uz-Latn">');
      expect(html).to.include('2-mart, 2026');
      expect(html).to.include('№ 1234567'); // the plugin's helper
    });

    it('prints hostile names and fields as text', async () => {
      const { inquiry } = await f.issueViaWorkflow({
        applicant: { lastName: '<script>alert(1)</script>', firstName: '{{7*7}}', locale: 'en' },
      });
      const { document } = await f.documents.issue('chirchik', {
        inquiryId: inquiry.id,
        template: 'core/certificate',
        data: { '<b>label</b>': '<img src=x onerror=alert(1)>', formula: '{{7*7}}' },
        actor: 'tester',
      });
      const html = await f.documents.html('chirchik', document.id);
      expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt; {{7*7}}');
      expect(html).to.include('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(html).to.include('&lt;b&gt;label&lt;/b&gt;');
      expect(html).not.to.match(/<script|<img|<b>/);
      // The body only: the QR code's path and the random code may hold the digits 49 by chance.
      const body = /<main>([\s\S]*)<\/main>/.exec(html)![1]!;
      expect(body).to.include('{{7*7}}');
      expect(body).not.to.include('49');
      // Initials take letters only: "{{7*7}}" has none, "<script>..." starts with "s".
      expect(document.holderInitials).to.equal('S.');
    });
  });

  describe('serial numbers', () => {
    it('are gap-free under concurrency, and a failed issue takes no number', async () => {
      const { inquiry } = await f.issueViaWorkflow();
      const failed = await failure(
        f.documents.issue('chirchik', { inquiryId: inquiry.id, template: 'agency-gas/missing', actor: 't' }),
      );
      expect(failed.code).to.equal('DARCHA_DOCUMENT_TEMPLATE_NOT_FOUND');
      const issued = await Promise.all(
        Array.from({ length: 8 }, () => f.documents.issue('chirchik', { inquiryId: inquiry.id, actor: 't' })),
      );
      const serials = issued.map((r) => r.document.serial).sort();
      expect(serials).to.deep.equal(Array.from({ length: 8 }, (_, i) => `CHR-2026-D00000${i + 1}`));
      expect(new Set(issued.map((r) => r.verificationCode)).size).to.equal(8);
    });

    it('count per tenant, with the tenant prefix', async () => {
      const { inquiry } = await f.issueViaWorkflow({ tenantId: 'djizak' });
      const { document } = await f.documents.issue('djizak', { inquiryId: inquiry.id, actor: 't' });
      expect(document.serial).to.equal('DJI-2026-D000001');
    });
  });

  describe('verification and revocation', () => {
    it('shows validity, type, date and initials only; revocation shows the reason', async () => {
      const { inquiry } = await f.issueViaWorkflow({
        applicant: { firstName: 'Dilnoza', lastName: 'Rahimova' },
      });
      const { document, verificationCode } = await f.documents.issue('chirchik', {
        inquiryId: inquiry.id,
        actor: 't',
      });
      const verification = await f.documents.verify('chirchik', verificationCode!);
      expect(verification).to.deep.equal({
        valid: true,
        status: 'valid',
        documentType: 'certificate',
        issuedAt: document.issuedAt,
        holderInitials: 'D. R.',
      });
      // Typed by hand: lower case, no dashes, O for 0.
      const typed = verificationCode!.toLowerCase().replace(/-/g, '').replace(/0/g, 'o');
      expect((await f.documents.verify('chirchik', typed)).valid).to.equal(true);

      expect((await failure(f.documents.revoke('chirchik', document.id, '  ', 'sup'))).code).to.equal(
        'DARCHA_DOCUMENT_INPUT_INVALID',
      );
      const revoked = await f.documents.revoke(
        'chirchik',
        document.id,
        'Issued for the wrong account',
        'sup',
      );
      expect(revoked).to.deep.include({ revokedBy: 'sup', revokeReason: 'Issued for the wrong account' });
      const after = await f.documents.verify('chirchik', verificationCode!);
      expect(after).to.deep.equal({
        valid: false,
        status: 'revoked',
        documentType: 'certificate',
        issuedAt: document.issuedAt,
        holderInitials: 'D. R.',
        revokedAt: revoked.revokedAt,
        reason: 'Issued for the wrong account',
      });
      const again = await failure(f.documents.revoke('chirchik', document.id, 'Second time', 'sup'));
      expect(again).to.deep.include({ code: 'DARCHA_DOCUMENT_ALREADY_REVOKED', kind: 'conflict' });
      const audit = await f.db.withTenant('chirchik', (trx) =>
        trx('audit_log')
          .where({ tenant_id: 'chirchik', action: 'documents.revoke' })
          .select('actor', 'subject_id'),
      );
      expect(audit).to.deep.equal([{ actor: 'sup', subject_id: document.id }]);
      const events = await f.db.withTenant('chirchik', (trx) =>
        trx('outbox_events').where({ tenant_id: 'chirchik', type: 'document.revoked' }).count({ n: '*' }),
      );
      expect(Number(events[0]!['n'])).to.equal(1);
    });

    it("answers not found for a wrong, malformed or another city's code", async () => {
      const { inquiry } = await f.issueViaWorkflow();
      const { verificationCode } = await f.documents.issue('chirchik', { inquiryId: inquiry.id, actor: 't' });
      const wrong = verificationCode!.slice(0, -2) + (verificationCode!.endsWith('00') ? '11' : '00');
      for (const [tenant, code] of [
        ['chirchik', wrong],
        ['chirchik', 'not-a-code'],
        ['chirchik', ''],
        ['djizak', verificationCode!],
        ['nowhere', verificationCode!],
      ] as const) {
        const error = await failure(f.documents.verify(tenant, code));
        expect(error, `${tenant} ${code}`).to.deep.include({
          code: 'DARCHA_DOCUMENT_VERIFICATION_NOT_FOUND',
          kind: 'not_found',
        });
        expect(error.message).not.to.include(verificationCode!);
      }
    });

    it('keeps documents inside their city', async () => {
      const { inquiry } = await f.issueViaWorkflow();
      const { document } = await f.documents.issue('chirchik', { inquiryId: inquiry.id, actor: 't' });
      expect((await failure(f.documents.get('djizak', document.id))).code).to.equal(
        'DARCHA_DOCUMENT_NOT_FOUND',
      );
      expect((await failure(f.documents.html('djizak', document.id))).code).to.equal(
        'DARCHA_DOCUMENT_NOT_FOUND',
      );
      expect((await failure(f.documents.revoke('djizak', document.id, 'Not ours', 'x'))).code).to.equal(
        'DARCHA_DOCUMENT_NOT_FOUND',
      );
      expect(await f.documents.listForInquiry('djizak', inquiry.id)).to.deep.equal([]);
      expect(
        (await failure(f.documents.issue('djizak', { inquiryId: inquiry.id, actor: 't' }))).kind,
      ).to.equal('not_found');
      expect((await f.documents.get('chirchik', document.id)).revokedAt).to.equal(null);
    });
  });

  describe('branding and template overrides', () => {
    const PNG =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

    it('prints the tenant branding and its own template, and goes back to the default when deleted', async () => {
      await f.documents.setBranding(
        'chirchik',
        {
          logo: PNG,
          header: { 'uz-Latn': ['Chirchiq shahar hokimligi', 'Davlat xizmatlari markazi'] },
          signatory: { name: { 'uz-Latn': 'A. Aliyev' }, position: { 'uz-Latn': 'Markaz rahbari' } },
        },
        'admin',
      );
      await f.documents.setTemplateOverride(
        'chirchik',
        'core/certificate',
        'uz-Latn',
        '<h1>Chirchiq ma’lumotnomasi</h1><p>{{holder.name}} — {{service.name}} — {{date issuedAt}}</p>',
        'admin',
      );
      const { inquiry } = await f.issueViaWorkflow();
      const own = await f.documents.issue('chirchik', {
        inquiryId: inquiry.id,
        template: 'core/certificate',
        actor: 't',
      });
      const html = await f.documents.html('chirchik', own.document.id);
      expect(html).to.include('Chirchiq ma’lumotnomasi');
      expect(html).to.include('Chirchiq shahar hokimligi');
      expect(html).to.include('Markaz rahbari');
      expect(html).to.include(`src="${PNG.replace(/=/g, '&#x3D;')}"`);

      await f.documents.deleteTemplateOverride('chirchik', 'core/certificate', 'uz-Latn', 'admin');
      const plain = await f.documents.issue('chirchik', {
        inquiryId: inquiry.id,
        template: 'core/certificate',
        actor: 't',
      });
      const plainHtml = await f.documents.html('chirchik', plain.document.id);
      expect(plainHtml).to.include("<h1>Ma'lumotnoma</h1>");
      expect(plainHtml).not.to.include('Chirchiq ma’lumotnomasi');
      // Djizak is not branded by Chirchik.
      expect((await f.documents.branding('djizak')).logo).to.equal(null);
      const audit = await f.db.withTenant('chirchik', (trx) =>
        trx('audit_log')
          .where({ tenant_id: 'chirchik' })
          .whereLike('action', 'documents.%')
          .orderBy('at')
          .pluck('action'),
      );
      expect(audit).to.deep.equal([
        'documents.branding.set',
        'documents.template.set',
        'documents.template.delete',
      ]);
    });

    it('refuses overrides that break the rules or misspell a field of a core template', async () => {
      const set = (key: string, source: string) =>
        failure(f.documents.setTemplateOverride('chirchik', key, 'ru', source, 'admin'));
      expect((await set('core/certificate', '{{{holder.name}}}')).message).to.include('unescaped output');
      expect((await set('core/certificate', '{{shout holder.name}}')).message).to.include('unknown helper');
      expect((await set('core/certificate', '{{holder.nmae}}')).message).to.include('sample data');
      expect((await set('core/nothing', 'x')).code).to.equal('DARCHA_DOCUMENT_INPUT_INVALID');
      // A plugin template's override is not strict (its data is the plugin's): it only has to compile.
      const saved = await f.documents.setTemplateOverride(
        'chirchik',
        'agency-gas/no-debt-certificate',
        'ru',
        '<p>{{holder.nmae}}</p>',
        'admin',
      );
      expect(saved).to.deep.include({
        key: 'agency-gas/no-debt-certificate',
        locale: 'ru',
        updatedBy: 'admin',
      });
      expect(
        await f.documents.templateOverride('chirchik', 'agency-gas/no-debt-certificate', 'ru'),
      ).to.deep.include({
        source: '<p>{{holder.nmae}}</p>',
      });
      expect(
        (await failure(f.documents.templateOverride('djizak', 'agency-gas/no-debt-certificate', 'ru'))).code,
      ).to.equal('DARCHA_DOCUMENT_TEMPLATE_OVERRIDE_NOT_FOUND');
      const listed = await f.db.withTenant('chirchik', (trx) => trx('document_templates').count({ n: '*' }));
      expect(Number(listed[0]!['n'])).to.equal(1);
    });

    it('refuses a logo that is not an image or too large, and header lines that are not text', async () => {
      const bad = async (input: Parameters<DocumentsFixture['documents']['setBranding']>[1]) =>
        (await failure(f.documents.setBranding('chirchik', input, 'admin'))).message;
      expect(await bad({ logo: 'https://evil.example/logo.png' })).to.include('/logo');
      expect(
        await bad({ logo: 'data:image/png;base64,' + Buffer.from('<svg/>').toString('base64') }),
      ).to.include('not a image/png');
      expect(
        await bad({ logo: 'data:image/png;base64,' + Buffer.alloc(300_000).toString('base64') }),
      ).to.include('at most 256 KiB');
      expect(await bad({ header: { ru: ['a', 'b', 'c', 'd', 'e', 'f'] } })).to.include('/header/ru');
      expect(await bad({ header: { xx: ['a'] } as never })).to.include('/header/xx');
      expect(await bad({ signatory: { name: { ru: 'line\nbreak' } } })).to.include('/signatory/name/ru');
      expect((await f.documents.branding('chirchik')).updatedAt).to.equal(null);
    });
  });

  describe('receipts', () => {
    it('renders a receipt on demand with lines, discount, total, method and branding', async () => {
      const html = await f.documents.renderReceipt('chirchik', {
        receiptNumber: 'CHR-2026-R000007',
        paidAt: new Date('2026-03-02T05:00:00Z'),
        payerName: '<b>Karimov</b> Aziz',
        serviceCode: 'djizak.room-rental',
        serviceNames: { ru: 'Аренда зала', en: 'Room rental' },
        lines: [
          {
            kind: 'unit',
            description: { ru: 'Аренда, час' },
            quantity: 3,
            unitAmount: 206_000,
            amount: 618_000,
          },
          {
            kind: 'discount',
            description: { ru: 'Скидка 50%' },
            quantity: 1,
            unitAmount: -309_000,
            amount: -309_000,
          },
        ],
        total: 309_000,
        method: 'cash',
        cashierName: 'Rahimova D.',
        locale: 'ru',
      });
      expect(html).to.include('Квитанция № CHR-2026-R000007');
      expect(html).to.include('Аренда зала');
      expect(html).to.include('618\u00a0000\u00a0сум');
      expect(html).to.include('-309\u00a0000\u00a0сум');
      expect(html).to.include('<th class="num">309\u00a0000\u00a0сум</th>');
      expect(html).to.include('Наличные');
      expect(html).to.include('&lt;b&gt;Karimov&lt;/b&gt;');
      expect(html).to.include('2 марта 2026 г.');
      expect(html).to.include('@page { size: A4;');
      expect(html).not.to.include('<svg');
    });

    it('refuses receipt data with a bad date or amounts that are not integer soums', async () => {
      const error = await failure(
        f.documents.renderReceipt('chirchik', {
          receiptNumber: 'R1',
          paidAt: 'yesterday',
          payerName: 'A',
          serviceCode: 's',
          serviceNames: {},
          lines: [{ kind: 'fee', description: {}, quantity: 1, unitAmount: 10.5, amount: 10.5 }],
          total: 10.5,
          method: 'cash',
          cashierName: null,
        }),
      );
      expect(error.code).to.equal('DARCHA_DOCUMENT_INPUT_INVALID');
      for (const field of ['/paidAt', '/total', '/lines/0/unitAmount', '/lines/0/amount']) {
        expect(error.message).to.include(field);
      }
    });
  });
});
