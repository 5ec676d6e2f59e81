import { expect } from 'chai';
import { DocumentRenderer } from '../../src/documents/document-renderer.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { renderPage } from '../../src/documents/page-layout.js';
import { qrCodeSvg, verifyUrl } from '../../src/documents/qr-code.js';
import { TemplateEngine, type TemplateOrigin } from '../../src/documents/template-engine.js';
import { formatDate, formatMoney, initialsOf, pluralForm } from '../../src/documents/template-helpers.js';
import { fallbackLocales, resolveTemplate } from '../../src/documents/template-resolver.js';
import type { DocumentBranding } from '../../src/documents/types.js';
import { ContributionRegistry } from '../../src/plugins/contribution-registry.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { checkPlugins } from '../../src/plugins/plugin-checks.js';

const NB = '\u00a0';
const origin = (strict = false): TemplateOrigin => ({
  key: 'agency-gas/x',
  locale: 'en',
  from: 'plugin "agency-gas"',
  strict,
});
const render = (source: string, context: unknown, locale: 'uz-Latn' | 'uz-Cyrl' | 'ru' | 'en' = 'en') =>
  new TemplateEngine().compile(source, origin())(context, {
    locale,
    timeZone: 'Asia/Tashkent',
    translate: () => undefined,
  });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDarchaError(error, 'DARCHA_DOCUMENT_TEMPLATE_INVALID')) return error.message;
    throw error;
  }
  throw new Error('the template was accepted');
}

describe('document templates', () => {
  describe('escaping', () => {
    const hostile = {
      name: '<script>alert(1)</script>',
      note: '{{7*7}}',
      quote: `"'><img src=x onerror=alert(1)>`,
    };

    it('prints names and fields with HTML and mustaches in them as text', () => {
      const html = render('<p>{{name}}</p><p>{{note}}</p><p title="{{quote}}">{{quote}}</p>', hostile);
      expect(html).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.to.include('<script>');
      expect(html).to.include('{{7*7}}');
      expect(html).not.to.include('49');
      expect(html).not.to.include('<img');
      expect(html).to.include('&quot;&#x27;&gt;&lt;img');
    });

    it('escapes in each block and through helpers', () => {
      const html = render('{{#each items}}<li>{{this}} {{initials this}}</li>{{/each}}', {
        items: ['<b>x</b> <i>y</i>', '{{7*7}}'],
      });
      expect(html).to.include('&lt;b&gt;x&lt;/b&gt;');
      expect(html).to.include('{{7*7}}');
      expect(html).not.to.match(/<b>|<i>/);
    });

    it('refuses triple braces and {{& }} in plugin and tenant templates, naming key and line', () => {
      expect(refusal(() => new TemplateEngine().compile('<p>\n{{{name}}}</p>', origin()))).to.match(
        /"agency-gas\/x" \(en\) from plugin "agency-gas".*unescaped output.*line 2/,
      );
      expect(refusal(() => new TemplateEngine().compile('{{& name}}', origin()))).to.include('unescaped');
      expect(refusal(() => new TemplateEngine().compile('{{#if a}}{{{b}}}{{/if}}', origin()))).to.include(
        'unescaped',
      );
    });

    it('refuses unknown helpers, partials, decorators and the built-in lookup/log', () => {
      expect(refusal(() => new TemplateEngine().compile('{{shout name}}', origin()))).to.include(
        'unknown helper "shout"',
      );
      expect(refusal(() => new TemplateEngine().compile('{{#loud}}x{{/loud}}', origin()))).to.include(
        'unknown block helper',
      );
      expect(refusal(() => new TemplateEngine().compile('{{> header}}', origin()))).to.include('partials');
      expect(
        refusal(() => new TemplateEngine().compile('{{lookup this "constructor"}}', origin())),
      ).to.include('lookup');
      expect(refusal(() => new TemplateEngine().compile('{{log "x"}}', origin()))).to.include('log');
      expect(refusal(() => new TemplateEngine().compile('{{#if}}', origin()))).to.match(
        /Parse error|Expecting/,
      );
    });

    it('refuses a plugin with unescaped output or partials in its templates when it registers', () => {
      const [checked] = checkPlugins([
        {
          plugin: definePlugin({
            id: 'agency-gas',
            version: '1.0.0',
            kind: 'agency',
            engines: { darcha: '^1.0.0' },
            templates: {
              'agency-gas/ok': { en: '<p>{{name}}</p>' },
              'agency-gas/raw': { ru: '<p>{{{name}}}</p>' },
              'agency-gas/partial': { en: '{{> header}}' },
            },
          }),
          source: '@darcha/plugin-agency-gas',
        },
      ]);
      expect(checked!.errors.map((e) => e.code)).to.deep.equal(['DARCHA_PLUGIN_INVALID']);
      const message = checked!.errors[0]!.message;
      expect(message).to.include('template "agency-gas/raw" (ru): unescaped output');
      expect(message).to.include('template "agency-gas/partial" (en): partials');
      expect(message).not.to.include('agency-gas/ok');
    });

    it('keeps prototype properties out of reach', () => {
      const html = render('[{{constructor}}][{{__proto__}}][{{name.constructor.name}}]', { name: 'x' });
      expect(html).to.equal('[][][]');
    });

    it('calls a plugin helper by its full name only when it is registered', () => {
      const helpers = new Map([['agency-gas/shout', (v: unknown) => `${String(v).toUpperCase()}!`]]);
      const engine = new TemplateEngine(helpers);
      const html = engine.compile('{{[agency-gas/shout] name}}', origin())(
        { name: '<b>' },
        {
          locale: 'en',
          timeZone: 'UTC',
          translate: () => undefined,
        },
      );
      expect(html).to.equal('&lt;B&gt;!');
    });

    it('strict templates fail on a missing field with a render error', () => {
      const compiled = new TemplateEngine().compile('{{holder.name}}', origin(true));
      expect(() => compiled({}, { locale: 'en', timeZone: 'UTC', translate: () => undefined })).to.throw(
        /DARCHA_DOCUMENT_RENDER_FAILED|could not be rendered/,
      );
    });
  });

  describe('helpers', () => {
    it('money: integer soums with no-break spaces in every locale', () => {
      expect(formatMoney(1_234_567, 'uz-Latn')).to.equal(`1${NB}234${NB}567${NB}so'm`);
      expect(formatMoney(1_234_567, 'uz-Cyrl')).to.equal(`1${NB}234${NB}567${NB}сўм`);
      expect(formatMoney(1_234_567, 'ru')).to.equal(`1${NB}234${NB}567${NB}сум`);
      expect(formatMoney(1_234_567, 'en')).to.equal(`1${NB}234${NB}567${NB}UZS`);
      expect(formatMoney(0, 'en')).to.equal(`0${NB}UZS`);
      expect(formatMoney(-50_000, 'en')).to.equal(`-50${NB}000${NB}UZS`);
      expect(formatMoney(412_000, 'ru')).to.equal(`412${NB}000${NB}сум`);
      expect(() => formatMoney(12.5, 'en')).to.throw(/integer/);
      expect(() => formatMoney('100', 'en')).to.throw(/integer/);
    });

    it("money in a template is escaped like any value (so'm keeps its apostrophe)", () => {
      expect(render('{{money total}}', { total: 1500 }, 'uz-Latn')).to.equal(`1${NB}500${NB}so&#x27;m`);
    });

    it('date and datetime in the tenant time zone and the document locale', () => {
      // 20:30 UTC on 2 March is already 3 March in Tashkent (UTC+5).
      const at = '2026-03-02T20:30:00Z';
      expect(formatDate(at, 'uz-Latn', 'Asia/Tashkent')).to.equal('3-mart, 2026');
      expect(formatDate(at, 'uz-Cyrl', 'Asia/Tashkent')).to.equal('3 март, 2026');
      expect(formatDate(at, 'ru', 'Asia/Tashkent')).to.equal('3 марта 2026 г.');
      expect(formatDate(at, 'en', 'Asia/Tashkent')).to.equal('3 March 2026');
      expect(formatDate(at, 'en', 'UTC')).to.equal('2 March 2026');
      expect(formatDate(new Date(at), 'en', 'Asia/Tashkent', true)).to.equal('3 March 2026 at 01:30');
      expect(formatDate(at, 'ru', 'Asia/Tashkent', true)).to.match(/^3 марта 2026 г\.,? (в )?01:30$/);
      expect(() => formatDate('not a date', 'en', 'UTC')).to.throw(/date/);
      expect(render('{{date at}}', { at }, 'ru')).to.equal('3 марта 2026 г.');
    });

    it('plural: one/other in Uzbek and English, one/few/many in Russian, # is the count', () => {
      const ru = { one: '# день', few: '# дня', many: '# дней', other: '# дня' };
      expect([1, 2, 5, 21, 22, 25, 11].map((n) => pluralForm(n, ru, 'ru'))).to.deep.equal([
        '1 день',
        '2 дня',
        '5 дней',
        '21 день',
        '22 дня',
        '25 дней',
        '11 дней',
      ]);
      expect(pluralForm(1, { one: 'day', other: 'days' }, 'en')).to.equal('day');
      expect(pluralForm(3, { one: 'day', other: 'days' }, 'en')).to.equal('days');
      expect(pluralForm(3, { one: '# kun', other: '# kun' }, 'uz-Latn')).to.equal('3 kun');
      expect(pluralForm(2, { one: '# кун', other: '# кун' }, 'uz-Cyrl')).to.equal('2 кун');
      expect(render('{{plural n one="# day" other="# days"}}', { n: 2 })).to.equal('2 days');
      expect(render('{{plural n one="# день" few="# дня" many="# дней"}}', { n: 5 }, 'ru')).to.equal(
        '5 дней',
      );
      expect(() => pluralForm(2, { one: 'x' }, 'en')).to.throw(/no form/);
    });

    it('initials: first letter of each word', () => {
      expect(initialsOf('Aziz Karimov')).to.equal('A. K.');
      expect(initialsOf('азиз каримов')).to.equal('А. К.');
      expect(initialsOf("O'g'iloy  Xo'jayeva")).to.equal('O. X.');
      expect(initialsOf(undefined)).to.equal('');
    });

    it("t: the template owner's translations, else the key", () => {
      const contributions = new ContributionRegistry();
      contributions.add(
        definePlugin({
          id: 'agency-gas',
          version: '1.0.0',
          kind: 'agency',
          engines: { darcha: '^1.0.0' },
          translations: { ru: { title: 'Справка' }, en: { title: 'Certificate' } },
          templates: { 'agency-gas/t': { ru: '{{t "title"}}|{{t "missing"}}', 'uz-Latn': '{{t "title"}}' } },
        }),
      );
      const renderer = new DocumentRenderer(contributions);
      const ru = renderer.resolve('agency-gas/t', 'ru', new Map(), 'chirchik');
      expect(renderer.renderBody(ru, {}, 'UTC')).to.equal('Справка|missing');
      const uz = renderer.resolve('agency-gas/t', 'uz-Latn', new Map(), 'chirchik');
      expect(renderer.renderBody(uz, {}, 'UTC')).to.equal('Certificate');
    });
  });

  describe('lookup and fallback', () => {
    const contributions = new ContributionRegistry();
    contributions.add(
      definePlugin({
        id: 'agency-gas',
        version: '1.0.0',
        kind: 'agency',
        engines: { darcha: '^1.0.0' },
        templates: { 'agency-gas/only-ru': { ru: 'ru' } },
      }),
    );

    it('tries the requested locale, then uz-Latn, uz-Cyrl, ru, en', () => {
      expect(fallbackLocales('en')).to.deep.equal(['en', 'uz-Latn', 'uz-Cyrl', 'ru']);
      expect(fallbackLocales('ru')).to.deep.equal(['ru', 'uz-Latn', 'uz-Cyrl', 'en']);
      expect(resolveTemplate('agency-gas/only-ru', 'en', new Map(), contributions).locale).to.equal('ru');
    });

    it('prefers a tenant override in the requested locale, core templates are strict', () => {
      const overrides = new Map([['core/certificate\u0000ru', 'own']]);
      expect(resolveTemplate('core/certificate', 'ru', overrides, contributions, 'chirchik')).to.deep.include(
        {
          source: 'own',
          locale: 'ru',
          from: 'tenant "chirchik"',
          strict: true,
        },
      );
      expect(resolveTemplate('core/certificate', 'en', overrides, contributions).from).to.equal('core');
    });

    it('names key and locale when no template exists', () => {
      expect(() => resolveTemplate('agency-gas/nothing', 'uz-Cyrl', new Map(), contributions, 'chirchik'))
        .to.throw(/No document template "agency-gas\/nothing" exists for locale "uz-Cyrl".*chirchik/)
        .with.property('code', 'DARCHA_DOCUMENT_TEMPLATE_NOT_FOUND');
    });
  });

  describe('page layout', () => {
    const branding: DocumentBranding = {
      logo: 'data:image/svg+xml;base64,PHN2Zy8+',
      header: { en: ['City of <Chirchik>', 'One-Stop-Shop'] },
      signatory: { name: { en: 'A. Aliyev' }, position: { en: 'Head of the OSS' } },
      updatedAt: null,
      updatedBy: null,
    };

    it('is an A4 page with print CSS, branding, signatory, serial, code and an inline QR SVG', async () => {
      const url = verifyUrl('https://darcha.example.uz', 'chirchik', 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ');
      expect(url).to.equal('https://darcha.example.uz/verify/chirchik/ABCD-EFGH-JKMN-PQRS-TVWX-YZ');
      expect(verifyUrl(undefined, 'chirchik', 'X')).to.equal('/verify/chirchik/X');
      const html = renderPage({
        locale: 'en',
        title: 'Certificate <1>',
        body: '<h1>Body</h1>',
        branding,
        tenantName: 'Chirchiq',
        verification: {
          serial: 'CHR-2026-D000001',
          code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ',
          url,
          qrSvg: await qrCodeSvg(url),
        },
      });
      expect(html).to.match(/^<!DOCTYPE html>/);
      expect(html).to.include('@page { size: A4;');
      expect(html).to.include('@media print');
      expect(html).to.match(/<div class="qr"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>/s);
      expect(html).to.include('CHR-2026-D000001');
      expect(html).to.include('ABCD-EFGH-JKMN-PQRS-TVWX-YZ');
      expect(html).to.include('City of &lt;Chirchik&gt;');
      expect(html).to.include('<title>Certificate &lt;1&gt;</title>');
      expect(html).to.include('Head of the OSS');
      expect(html).to.include('src="data:image/svg+xml;base64,PHN2Zy8+"');
      expect(html).not.to.include('<script');
    });

    it('prints the tenant name when there is no header for the locale', () => {
      const html = renderPage({ locale: 'ru', title: 't', body: '', branding, tenantName: 'Чирчик' });
      expect(html).to.include('<div>Чирчик</div>');
      expect(html).not.to.include('class="verification"');
    });
  });
});
