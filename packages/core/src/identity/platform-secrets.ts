import type { Database } from '../db/database.js';
import { newSecret } from './identity-tokens.js';

/** The row of `platform_secrets` that holds the key of receipt codes and phone codes. */
export const AUTH_SECRET_NAME = 'auth.secret';

export interface PlatformSecretOptions {
  /** Make and keep a secret when there is none (default true); otherwise only read. */
  create?: boolean;
}

/**
 * A secret the platform keeps for itself in the host table `platform_secrets`, made once (32 random
 * bytes, base64url) and the same for every process and every restart afterwards. Processes that
 * start together agree: the first insert wins, the others read it. Undefined when there is none and
 * `create` is false, or when the table does not exist yet (a database not migrated).
 */
export async function platformSecret(
  db: Database,
  name: string,
  options: PlatformSecretOptions = {},
): Promise<string | undefined> {
  return db.withHost(async (trx) => {
    const table = await trx.raw<{ rows: { oid: string | null }[] }>(
      `select to_regclass('platform_secrets') as oid`,
    );
    if (!table.rows[0]?.oid) return undefined;
    if (options.create !== false) {
      await trx('platform_secrets').insert({ name, value: newSecret() }).onConflict('name').ignore();
    }
    const row: { value: string } | undefined = await trx('platform_secrets').where({ name }).first('value');
    return row?.value;
  });
}
