import {
  formatDate,
  isDarchaError,
  LOCALES,
  type DocumentVerification,
  type Locale,
  type Platform,
} from '@darcha/core';
import { Router, type Request } from 'express';
import { PAGE_TEXTS, documentTypeName, type PageTexts } from './verify-page-texts.js';
import { sendHtml } from './html-response.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (value: string): string => value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/**
 * The public verify page a document's QR code points to: `GET /verify/<tenant>/<code>`. It shows
 * whether the document is valid or revoked (with the reason), its type, issue date and the holder's
 * initials, nothing else; in the language of `?lang=` (uz-Latn, uz-Cyrl, ru, en), else of the
 * browser's Accept-Language, else Uzbek. Minimal self-contained HTML, everything escaped, no script.
 * An unknown tenant or code is a 404 page; the page never answers 500.
 */
export function verifyPage(platform: Platform): Router {
  const router = Router();
  router.get('/:tenant/:code', async (req, res) => {
    const locale = pageLocale(req);
    const texts = PAGE_TEXTS[locale];
    try {
      const tenantId = String(req.params['tenant']);
      const tenant = await platform.tenants.get(tenantId);
      const verification = await platform.documents.verify(tenantId, String(req.params['code']));
      const timeZone = (await platform.calendars.get(tenantId)).timeZone;
      sendHtml(
        res,
        page(
          locale,
          texts,
          resultBody(verification, locale, texts, timeZone, tenantName(tenant.names, locale, tenantId)),
        ),
        200,
        'no-store',
      );
    } catch (error) {
      if (isDarchaError(error) && (error.kind === 'not_found' || error.kind === 'invalid')) {
        sendHtml(
          res,
          page(locale, texts, `<h1>${escape(texts.notFoundTitle)}</h1><p>${escape(texts.notFound)}</p>`),
          404,
          'no-store',
        );
        return;
      }
      platform.logger.error({ err: error }, 'verify page failed');
      sendHtml(
        res,
        page(locale, texts, `<h1>${escape(texts.unavailableTitle)}</h1><p>${escape(texts.unavailable)}</p>`),
        503,
        'no-store',
      );
    }
  });
  return router;
}

function resultBody(
  verification: DocumentVerification,
  locale: Locale,
  texts: PageTexts,
  timeZone: string,
  issuer: string,
): string {
  const rows: [string, string][] = [
    [texts.issuer, issuer],
    [texts.type, documentTypeName(verification.documentType, locale)],
    [texts.issuedAt, formatDate(verification.issuedAt, locale, timeZone)],
    [texts.holder, verification.holderInitials],
  ];
  if (verification.status === 'revoked') {
    if (verification.revokedAt)
      rows.push([texts.revokedAt, formatDate(verification.revokedAt, locale, timeZone)]);
    rows.push([texts.reason, verification.reason ?? '']);
  }
  const status = verification.valid
    ? `<p class="status valid">${escape(texts.valid)}</p>`
    : `<p class="status revoked">${escape(texts.revoked)}</p>`;
  return (
    `<h1>${escape(texts.title)}</h1>${status}<dl>` +
    rows.map(([term, value]) => `<dt>${escape(term)}</dt><dd>${escape(value)}</dd>`).join('') +
    `</dl><p class="note">${escape(texts.note)}</p>`
  );
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#111}' +
  '.status{font-size:1.25rem;font-weight:bold;padding:.75rem 1rem;border-radius:.25rem}' +
  '.valid{background:#e6f4ea;color:#0b5d1e}.revoked{background:#fdecea;color:#8a1c1c}' +
  'dl{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem}dt{font-weight:bold}dd{margin:0}' +
  '.note{color:#555;font-size:.875rem}nav a{margin-right:.75rem}';

function page(locale: Locale, texts: PageTexts, body: string): string {
  const languages = LOCALES.map(
    (l) => `<a href="?lang=${escape(l)}" hreflang="${escape(l)}">${escape(PAGE_TEXTS[l].language)}</a>`,
  ).join('');
  return (
    `<!DOCTYPE html><html lang="${escape(locale)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escape(texts.title)}</title><style>${STYLE}</style></head>` +
    `<body><nav>${languages}</nav><main>${body}</main></body></html>\n`
  );
}

/** `?lang=` when it is a locale, else the best of Accept-Language (plain `uz` is Latin), else uz-Latn. */
export function pageLocale(req: Request): Locale {
  const asked = req.query['lang'];
  if (typeof asked === 'string' && (LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  const best = req.acceptsLanguages([...LOCALES, 'uz', 'en-US', 'en-GB', 'ru-RU', 'uz-UZ']);
  if (typeof best !== 'string') return 'uz-Latn';
  if (best.startsWith('ru')) return 'ru';
  if (best.startsWith('en')) return 'en';
  return best === 'uz-Cyrl' ? 'uz-Cyrl' : 'uz-Latn';
}

function tenantName(names: Partial<Record<Locale, string>>, locale: Locale, fallback: string): string {
  return names[locale] ?? names['uz-Latn'] ?? names.en ?? Object.values(names)[0] ?? fallback;
}
