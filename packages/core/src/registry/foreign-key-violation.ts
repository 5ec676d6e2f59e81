/**
 * The name of the foreign key a database error violated (PostgreSQL SQLSTATE 23503), or undefined
 * for any other error. Lets repositories turn a missing tenant or agency into a coded error.
 */
export function violatedForeignKey(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23503' && typeof constraint === 'string' ? constraint : undefined;
}
