import request from 'supertest';
import { PASSWORD, signIn, type ApiFixture } from '../api-fixture.js';

/** What the clients need of a fixture: its platform and server. */
export type Served = Pick<ApiFixture, 'platform' | 'server'>;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A signed-in caller of the REST API: paths are written as under /api/v1, unsafe requests carry the CSRF token. */
export interface AdminClient {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

function client(
  agent: ReturnType<typeof request.agent>,
  prefix: string,
  headers: Record<string, string>,
): AdminClient {
  const send = (method: Method, path: string, body?: object) => {
    let test = agent[method](`${prefix}/api/v1${path}`);
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    return body === undefined ? test : test.send(body);
  };
  return {
    get: (path) => send('get', path),
    post: (path, body) => send('post', path, body),
    put: (path, body) => send('put', path, body),
    patch: (path, body) => send('patch', path, body),
    delete: (path) => send('delete', path),
  };
}

/** A staff member of `tenantId` signed in with a session cookie (logins: `city.admin`, `supervisor` ...). */
export async function staffClient(fixture: Served, tenantId: string, login: string): Promise<AdminClient> {
  const { agent, csrf } = await signIn(fixture.server, tenantId, login);
  return client(agent, '', { 'X-CSRF-Token': csrf });
}

/** An integration calling with an API key. */
export function apiKeyClient(fixture: Served, key: string): AdminClient {
  return client(request.agent(fixture.server.app), '', { Authorization: `Bearer ${key}` });
}

/**
 * A platform administrator (created on first use), on the host side, or acting in `tenantId`
 * through the /t/<tenant> prefix.
 */
export async function platformClient(fixture: Served, tenantId?: string): Promise<AdminClient> {
  const login = 'root@darcha.example';
  if (!(await fixture.platform.identity.listPlatformUsers()).some((u) => u.login === login)) {
    await fixture.platform.identity.createPlatformUser({ login, displayName: 'Root', password: PASSWORD });
  }
  const agent = request.agent(fixture.server.app);
  const res = await agent.post('/api/v1/auth/sign-in').send({ login, password: PASSWORD });
  if (res.status !== 200)
    throw new Error(`platform sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  const csrf = (res.body as { csrfToken: string }).csrfToken;
  return client(agent, tenantId ? `/t/${tenantId}` : '', { 'X-CSRF-Token': csrf });
}

/** The fields a validation error names, e.g. `body/names`. */
export function fieldsOf(res: request.Response): string[] {
  const details = (res.body as { details?: { fields?: { field: string }[] } }).details;
  return (details?.fields ?? []).map((f) => f.field);
}

/** Every key anywhere in a JSON value, to check answers for secrets. */
export function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
  }
  return [];
}
