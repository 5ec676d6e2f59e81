import { expect } from 'chai';
import type { Principal } from '@darcha/core';
import request from 'supertest';
import { mayCall } from '../../src/api/authorize.js';
import type { AnyRoute } from '../../src/api/route-definition.js';
import { API_ROUTES } from '../../src/api/route-table.js';
import { CITY_A, PASSWORD, ROLES, openApiFixture, signIn, type ApiFixture } from './api-fixture.js';
import { probePath, probeWrites } from './route-probe.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

type Send = (route: AnyRoute) => request.Test;

/** A caller of the matrix: how it sends a request, and the principal the policy sees. */
interface Caller {
  name: string;
  principal: Principal | undefined;
  send: Send;
}

function sender(
  app: ApiFixture['server']['app'],
  prefix: string,
  headers: Record<string, string>,
  agent?: ReturnType<typeof request.agent>,
): Send {
  return (route) => {
    const client = agent ?? request(app);
    const path = `${prefix}${probePath(route)}`;
    let test = client[route.method](path);
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    if (route.bodyType === 'multipart') return test.attach('file', Buffer.from('%PDF-1.4\n'), 'a.pdf');
    if (route.method !== 'get' && route.method !== 'delete' && route.bodyType !== 'none')
      return test.send({ __probe: 1 });
    return test;
  };
}

describe(`the route policy, role by role over every route (${engine})`, function () {
  this.timeout(240_000);
  let fixture: ApiFixture;
  const callers: Caller[] = [];

  before(async () => {
    fixture = await openApiFixture();
    const { server, platform, a } = fixture;
    callers.push({ name: 'anonymous', principal: undefined, send: sender(server.app, `/t/${CITY_A}`, {}) });
    for (const role of ROLES) {
      const { agent, csrf } = await signIn(server, CITY_A, role.replace('_', '.'));
      callers.push({
        name: `staff ${role}`,
        principal: {
          kind: 'staff',
          tenantId: CITY_A,
          staffId: a.staffIds[role],
          displayName: role,
          roles: [role],
          agencyCodes: [],
          deskCodes: [],
          sessionId: '',
        },
        send: sender(server.app, '', { 'X-CSRF-Token': csrf }, agent),
      });
      callers.push({
        name: `API key ${role}`,
        principal: { kind: 'api_key', tenantId: CITY_A, keyId: '', name: '', role, agencyCodes: [] },
        send: sender(server.app, '', { Authorization: `Bearer ${a.apiKeys[role]}` }),
      });
    }
    await platform.identity.createPlatformUser({
      login: 'root@darcha.example',
      displayName: 'Root',
      password: PASSWORD,
    });
    const root = request.agent(server.app);
    const signedIn = await root
      .post('/api/v1/auth/sign-in')
      .send({ login: 'root@darcha.example', password: PASSWORD });
    callers.push({
      name: 'platform admin',
      principal: {
        kind: 'platform_user',
        userId: '',
        displayName: '',
        roles: ['platform_admin'],
        sessionId: '',
      },
      send: sender(
        server.app,
        `/t/${CITY_A}`,
        { 'X-CSRF-Token': (signedIn.body as { csrfToken: string }).csrfToken },
        root,
      ),
    });
  });
  after(() => fixture.close());

  // Sign-out last: it ends the session the other probes use.
  const signOutLast = (route: AnyRoute) => (route.operationId === 'signOut' ? 2 : probeWrites(route) ? 1 : 0);
  const routes = [...API_ROUTES].sort((x, y) => signOutLast(x) - signOutLast(y));

  it('lets each caller through exactly where the route allows it, and refuses with 401/403 elsewhere', async () => {
    const wrong: string[] = [];
    for (const caller of callers) {
      for (const route of routes) {
        if (route.access.citizen && !route.access.anyone && caller.principal === undefined) continue; // citizens: below
        const res = await caller.send(route);
        const allowed =
          route.access.anyone === true ||
          (caller.principal !== undefined && mayCall(route, caller.principal));
        const refused = res.status === 401 || res.status === 403;
        const label = `${caller.name} ${route.method.toUpperCase()} ${route.path} → ${res.status} ${(res.body as { code?: string }).code ?? ''}`;
        if (allowed === refused) wrong.push(label);
        if (res.status >= 500) wrong.push(`${label} (server error)`);
        if (!allowed) {
          const expected = caller.principal === undefined ? 401 : 403;
          if (res.status !== expected) wrong.push(`${label} (expected ${expected})`);
        }
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('lets a citizen with the receipt reach the citizen routes of that inquiry only', async () => {
    const { server, a } = fixture;
    const citizenRoutes = API_ROUTES.filter((route) => route.access.citizen);
    expect(citizenRoutes.length).to.be.greaterThan(0);
    for (const route of citizenRoutes) {
      const path = `/t/${CITY_A}/api/v1${route.path.replace(':trackingNumber', a.inquiry.trackingNumber)}`;
      const withCode = await request(server.app)
        [route.method](path)
        .set('X-Access-Code', a.accessCode)
        .query({ __probe: 1 });
      expect(withCode.status, `${route.path} with the code`).to.be.oneOf([200, 400, 415, 428]);
      const wrongCode = await request(server.app)[route.method](path).set('X-Access-Code', 'WRONGCODE9');
      expect(wrongCode.status, `${route.path} with a wrong code`).to.equal(404);
      const none = await request(server.app)[route.method](path);
      expect(none.status, `${route.path} without a code`).to.equal(401);
    }
  });
});
