import type { DarchaErrorKind } from '@darcha/core';

/** The CLI's exit code for each error kind; 0 is success. Documented in docs/reference/errors.md. */
export const EXIT_CODE_BY_KIND: Readonly<Record<DarchaErrorKind, number>> = {
  internal: 1,
  invalid: 2,
  not_found: 3,
  conflict: 4,
  forbidden: 5,
  unavailable: 6,
  unauthenticated: 7,
};
