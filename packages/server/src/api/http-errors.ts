import { DarchaError, type DarchaErrorInit } from '@darcha/core';

/**
 * An error of the HTTP layer itself, whose status has no domain kind (413, 415, 429 ...). Domain
 * errors stay free of HTTP; only the server raises these.
 */
export class HttpError extends DarchaError {
  readonly status: number;
  /** Headers the answer carries (`Allow` on a 405, `Retry-After` on a 429 ...). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, init: DarchaErrorInit, headers: Readonly<Record<string, string>> = {}) {
    super(init);
    this.status = status;
    this.headers = headers;
  }
}

export function signInRequired(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_REQUIRED',
    kind: 'unauthenticated',
    message: 'This request needs a signed-in account or an API key.',
    hint: 'Sign in with POST /api/v1/auth/sign-in (the session cookie is then sent), or send an API key as "Authorization: Bearer dk_...".',
  });
}

export function notAllowed(what: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_FORBIDDEN',
    kind: 'forbidden',
    message: `Your account may not ${what}.`,
    hint: 'Ask the city administrator for a role that allows it; the API reference lists the roles of each route.',
  });
}

export function tenantRequired(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_HTTP_TENANT_REQUIRED',
    kind: 'invalid',
    message: 'This request does not say which city it is for.',
    hint: 'Call the city’s own address (chirchik.<domain>), prefix the path with /t/<city>, or send "X-Darcha-Tenant: <city>" on public requests.',
  });
}

export function unsupportedMediaType(expected: string, got: string | undefined): HttpError {
  return new HttpError(415, {
    code: 'DARCHA_HTTP_UNSUPPORTED_MEDIA_TYPE',
    kind: 'invalid',
    message: `The body was sent as ${got ? `"${got}"` : 'no content type'}; this route reads ${expected}.`,
    hint: `Send the body with "Content-Type: ${expected}".`,
    details: { expected, received: got ?? null },
  });
}

export function csrfRefused(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_CSRF',
    kind: 'forbidden',
    message: 'The request is missing the session’s CSRF token, or the token does not match.',
    hint: 'Read csrfToken from GET /api/v1/auth/session (or the sign-in answer) and send it as "X-CSRF-Token" on every POST, PUT, PATCH and DELETE.',
  });
}
