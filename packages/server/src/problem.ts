import type { DarchaErrorKind } from '@darcha/core';

/** The HTTP status of each error kind: the one place domain errors meet HTTP. */
export const STATUS_BY_KIND: Readonly<Record<DarchaErrorKind, number>> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
};

/** An RFC 9457 problem document, as Darcha writes it (`application/problem+json`). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  hint?: string;
  details?: object;
  requestId?: string;
}
