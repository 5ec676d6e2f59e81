import type { DarchaError, DarchaErrorKind } from '@darcha/core';

/** One problem found by `darcha plugin verify`, as printed: the code, then one line of text. */
export interface VerifyProblem {
  code: string;
  kind: DarchaErrorKind;
  text: string;
}

/** An error as one line per problem: listed problems, service problems and field errors each get a line. */
export function problemsOf(error: DarchaError): VerifyProblem[] {
  const line = (text: string): VerifyProblem => ({ code: error.code, kind: error.kind, text });
  const { problems, services, errors } = error.details as {
    problems?: unknown;
    services?: unknown;
    errors?: unknown;
  };
  if (isArrayOf(services, isInvalidService)) {
    return services.flatMap((s) => s.problems.map((p) => line(`${s.code}@${s.version ?? '?'} ${p}`)));
  }
  if (isArrayOf(problems, (p): p is string => typeof p === 'string')) return problems.map(line);
  if (isArrayOf(errors, isFieldError) && errors.length > 0) {
    const subject = error.message.split('\n')[0]!;
    return errors.map((e) => line(`${subject} ${e.field}: ${e.message}`));
  }
  return [line(error.message.split('\n').join(' '))];
}

function isInvalidService(
  value: unknown,
): value is { code: string; version: number | null; problems: string[] } {
  const v = value as { code?: unknown; problems?: unknown } | null;
  return typeof v?.code === 'string' && Array.isArray(v.problems);
}

function isFieldError(value: unknown): value is { field: string; message: string } {
  const v = value as { field?: unknown; message?: unknown } | null;
  return typeof v?.field === 'string' && typeof v.message === 'string';
}

function isArrayOf<T>(value: unknown, is: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.every(is);
}
