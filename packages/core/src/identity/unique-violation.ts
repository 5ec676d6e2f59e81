/**
 * The name of the unique constraint or index a database error violated (PostgreSQL SQLSTATE 23505),
 * or undefined for any other error. Lets identity code turn a taken login into a coded error.
 */
export function violatedUnique(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && typeof constraint === 'string' ? constraint : undefined;
}
