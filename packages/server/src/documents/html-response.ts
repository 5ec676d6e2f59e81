import type { Response } from 'express';

/**
 * The policy of Darcha's own printable pages (documents, receipts, the verify page): nothing loads
 * from anywhere, no script runs; only the page's inline style and `data:` images (the logo) apply.
 */
export const PRINTABLE_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sends a self-contained HTML page with the printable-page policy; never cached by shared caches. */
export function sendHtml(res: Response, html: string, status = 200, cache = 'private, no-store'): void {
  res.setHeader('Content-Security-Policy', PRINTABLE_PAGE_CSP);
  res.setHeader('Cache-Control', cache);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.status(status).type('html').send(html);
}
