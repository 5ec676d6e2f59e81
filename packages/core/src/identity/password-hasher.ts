import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters: CPU/memory cost `N` (a power of two), block size `r`, parallelism `p`. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * The default cost: N = 2^15, r = 8, p = 1 (32 MiB and some 50-100 ms a hash), the "interactive"
 * parameters of the scrypt paper. OWASP's password storage cheat sheet asks for N = 2^17; 2^15 keeps
 * a sign-in quick on the small machines a city runs, and the lockout caps online guessing. Raise it
 * here when the machines allow: older hashes keep verifying, and are upgraded at the next sign-in.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Stored hashes are ours, but a broken row must not make one verify eat the machine. */
const MAX_N = 2 ** 20;
const ENCODED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/**
 * Hashes and checks passwords with scrypt (`node:crypto`), a fresh 16-byte random salt per hash.
 * A hash is stored as `scrypt$N$r$p$<salt>$<hash>` (base64), so that it carries its own cost and
 * the cost can be raised without a migration.
 *
 * @example
 * const hasher = new ScryptPasswordHasher();
 * const stored = await hasher.hash('correct horse battery');
 * await hasher.verify('correct horse battery', stored); // true
 */
export class ScryptPasswordHasher {
  readonly #params: Readonly<ScryptParams>;
  #dummy: Promise<string> | undefined;

  constructor(params: Readonly<ScryptParams> = DEFAULT_SCRYPT_PARAMS) {
    this.#params = params;
  }

  /** A new hash of `password`, with its own salt. */
  async hash(password: string): Promise<string> {
    const { N, r, p } = this.#params;
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, this.#params);
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  /**
   * True when `password` is the one `encoded` was made from. Compares in constant time
   * (`crypto.timingSafeEqual`); a malformed hash is simply false, never an exception.
   */
  async verify(password: string, encoded: string): Promise<boolean> {
    const parsed = parse(encoded);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
    return timingSafeEqual(key, parsed.hash);
  }

  /**
   * Spends the time of one {@link verify} against a hash nobody can match: called when the login is
   * unknown, so that its answer takes as long as a wrong password's and does not tell a guesser
   * which logins exist.
   */
  async verifyDummy(password: string): Promise<void> {
    this.#dummy ??= this.hash(randomBytes(32).toString('base64'));
    await this.verify(password, await this.#dummy);
  }

  /** True when `encoded` was made with other parameters than this hasher's (hash it again). */
  needsRehash(encoded: string): boolean {
    const parsed = parse(encoded);
    if (!parsed) return true;
    const { N, r, p } = this.#params;
    return (
      parsed.params.N !== N ||
      parsed.params.r !== r ||
      parsed.params.p !== p ||
      parsed.salt.length !== SALT_BYTES ||
      parsed.hash.length !== KEY_BYTES
    );
  }
}

function parse(encoded: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | undefined {
  const match = typeof encoded === 'string' ? ENCODED.exec(encoded) : null;
  if (!match) return undefined;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = N >= 2 && N <= MAX_N && (N & (N - 1)) === 0;
  if (!powerOfTwo || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  const salt = Buffer.from(match[4]!, 'base64');
  const hash = Buffer.from(match[5]!, 'base64');
  if (salt.length < 8 || hash.length < 16) return undefined;
  return { params: { N, r, p }, salt, hash };
}

function derive(password: string, salt: Buffer, length: number, params: ScryptParams): Promise<Buffer> {
  // NFC: the same password typed on two keyboards may arrive composed or decomposed.
  const secret = Buffer.from(String(password).normalize('NFC'), 'utf8');
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // scrypt needs 128 * N * r bytes; Node refuses anything over 32 MiB unless told.
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
