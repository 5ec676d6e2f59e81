import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

/** Errors of issued documents, their templates and branding. */
export const documentErrors = {
  /** No issued document with this id in the tenant. */
  notFound(tenantId: string, documentId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_DOCUMENT_NOT_FOUND',
      kind: 'not_found',
      message: `Document "${documentId}" does not exist in tenant "${tenantId}".`,
      hint: 'List the documents of the inquiry (GET /inquiries/<id>/documents) to find the right id; documents are only visible in the city that issued them.',
      details: { tenantId, documentId },
    });
  },

  /** No document of the tenant carries this verification code (or the code is malformed). */
  verificationNotFound(tenantId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_DOCUMENT_VERIFICATION_NOT_FOUND',
      kind: 'not_found',
      // The code is not repeated: it is the document's secret.
      message: `No document issued by "${tenantId}" has this verification code.`,
      hint: 'Type the code exactly as printed under the QR code (26 letters and digits; dashes and letter case do not matter), and check that the address names the city that issued the document.',
      details: { tenantId },
    });
  },

  /** The document was revoked already; a second revocation is refused. */
  alreadyRevoked(tenantId: string, documentId: string, revokedAt: Date): DarchaError {
    return new DarchaError({
      code: 'DARCHA_DOCUMENT_ALREADY_REVOKED',
      kind: 'conflict',
      message: `Document "${documentId}" of tenant "${tenantId}" was already revoked at ${revokedAt.toISOString()}.`,
      hint: 'Nothing to do: a revocation is final. To replace the document, issue a new one.',
      details: { tenantId, documentId, revokedAt: revokedAt.toISOString() },
    });
  },

  /** Input to a document operation is malformed (reason, branding, template source ...). */
  invalid(tenantId: string, what: string, errors: FieldError[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_DOCUMENT_INPUT_INVALID',
      kind: 'invalid',
      message: `The ${what} for tenant "${tenantId}" was refused: ${formatFieldErrors(errors)}.`,
      hint: 'Correct the fields listed and send it again; the guide docs/guides/documents.md gives the limits.',
      details: { tenantId, errors },
    });
  },

  /** No template source for a key in any locale (nor a tenant override). */
  templateNotFound(key: string, locale: string, tenantId?: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_DOCUMENT_TEMPLATE_NOT_FOUND',
      kind: 'not_found',
      message: `No document template "${key}" exists for locale "${locale}" or any fallback locale${tenantId ? ` (tenant "${tenantId}")` : ''}.`,
      hint: 'Check the template key named by the service (`result.template`) or the workflow effect; the plugin that contributes it must be started and enabled for the tenant.',
      details: { key, locale, ...(tenantId ? { tenantId } : {}) },
    });
  },

  /**
   * A template does not compile or breaks a rule (unescaped output, partials, unknown helpers).
   * `origin` says where it came from: a plugin id, a tenant, or core.
   */
  templateInvalid(key: string, locale: string, origin: string, problem: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_DOCUMENT_TEMPLATE_INVALID',
      kind: 'invalid',
      message: `Template "${key}" (${locale}) from ${origin} was refused: ${problem}.`,
      hint: 'Templates may use {{value}} (always escaped), block helpers {{#if}}, {{#each}}, {{#with}}, {{#unless}} and the document helpers (money, date, datetime, plural, t, initials); triple braces {{{ }}}, {{& }} and partials are not allowed. See docs/guides/documents.md.',
      details: { key, locale, origin, problem },
    });
  },

  /** A template failed while rendering (a helper got a wrong value, a strict template missed a field). */
  renderFailed(key: string, locale: string, problem: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_DOCUMENT_RENDER_FAILED',
      kind: 'invalid',
      message: `Template "${key}" (${locale}) could not be rendered: ${problem}.`,
      hint: 'Check the fields the template uses against the data the document is given (see the guide for the certificate and receipt data); a tenant override can be deleted to return to the default template.',
      details: { key, locale, problem },
    });
  },

  /** A tenant has no override of a template in a locale. */
  templateOverrideNotFound(tenantId: string, key: string, locale: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_DOCUMENT_TEMPLATE_OVERRIDE_NOT_FOUND',
      kind: 'not_found',
      message: `Tenant "${tenantId}" has no own version of template "${key}" in locale "${locale}".`,
      hint: 'The default template applies. Save an own version with PUT /document-templates/<key>/<locale>.',
      details: { tenantId, key, locale },
    });
  },
};
