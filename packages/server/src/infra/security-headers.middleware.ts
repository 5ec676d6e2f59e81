import type { RequestHandler } from 'express';
import helmet from 'helmet';

export interface SecurityHeadersOptions {
  /**
   * Send `Strict-Transport-Security` (one year, subdomains included) and ask browsers to upgrade
   * insecure subresource requests. Only for instances that clients reach over HTTPS alone.
   */
  hsts: boolean;
}

/**
 * helmet, set for server-rendered pages that load everything from their own origin: scripts and
 * styles from files only (no inline code), images also as `data:` URIs, forms posting only to this
 * origin, and never framed. The API docs page follows the same rules (swagger-ui's files and a
 * same-origin init script). `Referrer-Policy: same-origin` keeps tracking numbers and codes in URLs
 * from reaching other sites.
 */
export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(options.hsts ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
}
