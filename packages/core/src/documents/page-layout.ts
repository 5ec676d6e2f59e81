import Handlebars from 'handlebars';
import type { Locale } from '../i18n/locales.js';
import type { DocumentBranding } from './types.js';

const escape = (value: string): string => Handlebars.escapeExpression(value);

/** The serial, code and QR code printed at the bottom of an issued document. */
export interface PageVerification {
  serial: string;
  code: string;
  /** Where the QR code points. */
  url: string;
  /** Inline SVG from the QR library. */
  qrSvg: string;
}

/** What a printable page is made of. `body` is a rendered (escaped) template, put in as is. */
export interface PageInput {
  locale: Locale;
  title: string;
  body: string;
  branding: DocumentBranding;
  /** Printed as the header when the branding has no header lines for the locale. */
  tenantName: string;
  verification?: PageVerification;
}

const LABELS: Record<Locale, { serial: string; code: string; verify: string; signature: string }> = {
  'uz-Latn': {
    serial: 'Seriya raqami',
    code: 'Tekshirish kodi',
    verify: 'Hujjatning haqiqiyligini tekshirish',
    signature: 'imzo',
  },
  'uz-Cyrl': {
    serial: 'Серия рақами',
    code: 'Текшириш коди',
    verify: 'Ҳужжатнинг ҳақиқийлигини текшириш',
    signature: 'имзо',
  },
  ru: {
    serial: 'Серийный номер',
    code: 'Код проверки',
    verify: 'Проверка подлинности документа',
    signature: 'подпись',
  },
  en: {
    serial: 'Serial number',
    code: 'Verification code',
    verify: 'Verify this document',
    signature: 'signature',
  },
};

/**
 * Print CSS for A4: 20 mm margins, black on white, the verification block kept on one page. Inline,
 * so the page is self-contained (it is stored and printed years later).
 */
export const PAGE_CSS = `
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 12pt; line-height: 1.4; color: #000; background: #fff; }
.page { max-width: 174mm; margin: 0 auto; }
.brand { display: flex; align-items: center; gap: 6mm; border-bottom: 1px solid #000; padding-bottom: 4mm; margin-bottom: 8mm; }
.brand .logo { max-height: 22mm; max-width: 40mm; }
.brand .lines { font-weight: bold; text-align: center; flex: 1; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 6mm; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 1.5mm 2mm; border-bottom: 1px solid #999; }
td.num, th.num { text-align: right; white-space: nowrap; }
dl { display: grid; grid-template-columns: 55mm 1fr; gap: 1.5mm 4mm; }
dt { font-weight: bold; }
dd { margin: 0; }
.signatory { margin-top: 14mm; display: flex; justify-content: space-between; }
.signatory .line { border-bottom: 1px solid #000; width: 45mm; text-align: center; font-size: 8pt; padding-top: 10mm; }
.verification { margin-top: 10mm; display: flex; gap: 6mm; align-items: center; border-top: 1px solid #000; padding-top: 4mm; break-inside: avoid; page-break-inside: avoid; }
.verification .qr svg { width: 30mm; height: 30mm; display: block; }
.verification .code { font-family: "DejaVu Sans Mono", monospace; font-size: 11pt; letter-spacing: 0.5pt; }
.url { font-size: 8pt; word-break: break-all; }
@media screen { body { background: #eee; } .page { background: #fff; padding: 20mm 18mm; margin: 10mm auto; width: 210mm; max-width: none; min-height: 297mm; } }
@media print { .page { margin: 0; } }
`;

/** A whole printable HTML page: branding at the top, the body, the signatory and the verification block. */
export function renderPage(input: PageInput): string {
  const { branding, locale } = input;
  const labels = LABELS[locale];
  const lines = branding.header[locale]?.length ? branding.header[locale] : [input.tenantName];
  const logo = branding.logo ? `<img class="logo" src="${escape(branding.logo)}" alt="">` : '';
  const signatoryName = branding.signatory.name[locale];
  const signatoryPosition = branding.signatory.position[locale];
  const signatory =
    signatoryName || signatoryPosition
      ? `<div class="signatory"><div>${escape(signatoryPosition ?? '')}</div>` +
        `<div class="line">${escape(labels.signature)}</div><div>${escape(signatoryName ?? '')}</div></div>`
      : '';
  const verification = input.verification
    ? `<div class="verification"><div class="qr">${input.verification.qrSvg}</div><div>` +
      `<div>${escape(labels.serial)}: <strong>${escape(input.verification.serial)}</strong></div>` +
      `<div>${escape(labels.code)}: <span class="code">${escape(input.verification.code)}</span></div>` +
      `<div>${escape(labels.verify)}:</div><div class="url">${escape(input.verification.url)}</div>` +
      `</div></div>`
    : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escape(locale)}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(input.title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body><div class="page">',
    `<header class="brand">${logo}<div class="lines">${lines.map((l) => `<div>${escape(l)}</div>`).join('')}</div></header>`,
    `<main>${input.body}</main>`,
    `<footer>${signatory}${verification}</footer>`,
    '</div></body></html>',
    '',
  ].join('\n');
}
