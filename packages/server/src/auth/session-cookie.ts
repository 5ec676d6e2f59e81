import type { SerializeOptions } from 'cookie';

/** The cookie that carries a staff or platform session token. */
export const SESSION_COOKIE = 'darcha_session';

/** The header an unsafe request of a signed-in browser must echo the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Cookie attributes: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
 * posts), Secure when the server is reached over HTTPS, whole site, and expiring with the session.
 */
export function sessionCookieOptions(secure: boolean, expiresAt: Date): SerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt };
}
