/**
 * The one error type Darcha raises on purpose.
 *
 * Every `DarchaError` carries a stable `code` (`DARCHA_<AREA>_<WHAT>`, listed in
 * `docs/reference/errors.md`), a message that names the tenant, plugin or service at fault, and a
 * `hint` that says how to fix it. Domain errors know nothing of HTTP: the server maps `kind` to a
 * status code in one place.
 *
 * @example
 * throw new DarchaError({
 *   code: 'DARCHA_TENANT_NOT_FOUND',
 *   kind: 'not_found',
 *   message: 'Tenant "chirchik" does not exist.',
 *   hint: 'List tenants with `darcha tenant list`.',
 * });
 */
export class DarchaError extends Error {
  readonly code: string;
  readonly kind: DarchaErrorKind;
  readonly hint: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(init: DarchaErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DarchaError';
    this.code = init.code;
    this.kind = init.kind;
    this.hint = init.hint;
    this.details = init.details ?? {};
  }

  /** A plain object for logs and API answers; never includes the stack or the cause. */
  toJSON(): { code: string; kind: DarchaErrorKind; message: string; hint: string; details: object } {
    return {
      code: this.code,
      kind: this.kind,
      message: this.message,
      hint: this.hint,
      details: this.details,
    };
  }
}

/**
 * What sort of failure an error is. The HTTP layer maps each kind to one status code; the CLI maps
 * each kind to an exit code.
 */
export type DarchaErrorKind =
  | 'invalid' // the caller sent something wrong (400)
  | 'not_found' // it does not exist, or the caller may not know that it does (404)
  | 'conflict' // it clashes with the current state (409)
  | 'unauthenticated' // the caller must sign in first (401)
  | 'forbidden' // the caller may not do this (403)
  | 'unavailable' // a resource is busy or unreachable for now (503)
  | 'internal'; // a bug or broken installation (500)

export interface DarchaErrorInit {
  code: `DARCHA_${string}`;
  kind: DarchaErrorKind;
  message: string;
  hint: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** True when `error` is a DarchaError, optionally with the given code. */
export function isDarchaError(error: unknown, code?: string): error is DarchaError {
  return error instanceof DarchaError && (code === undefined || error.code === code);
}
