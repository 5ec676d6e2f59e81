import type { CityCredentials } from './bench-city.js';

/** Signs the city's bench officer in; returns the `Cookie` header of the session (GETs need no CSRF token). */
export async function signIn(baseUrl: string, city: CityCredentials): Promise<string> {
  const res = await fetch(`${baseUrl}/t/${city.tenantId}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: city.login, password: city.password }),
  });
  if (res.status !== 200)
    throw new Error(`sign-in to ${city.tenantId} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}
