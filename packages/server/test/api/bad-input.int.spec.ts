import { expect } from 'chai';
import type { JsonSchema, Principal } from '@darcha/core';
import request from 'supertest';
import { mayCall } from '../../src/api/authorize.js';
import type { AnyRoute } from '../../src/api/route-definition.js';
import { API_ROUTES } from '../../src/api/route-table.js';
import {
  CITY_A,
  PASSWORD,
  ROLES,
  openApiFixture,
  signIn,
  type ApiFixture,
  type Role,
} from './api-fixture.js';
import { filledPath } from './route-probe.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** Everything city A holds that a write could touch. */
async function snapshotOfA(fixture: ApiFixture): Promise<unknown> {
  return fixture.platform.db.withTenant(CITY_A, async (trx) => {
    const rows = async (table: string) => trx(table).where({ tenant_id: CITY_A }).orderBy('id');
    return {
      inquiries: await rows('inquiries'),
      history: (await trx('inquiry_history').where({ tenant_id: CITY_A })).length,
      attachments: await rows('inquiry_attachments'),
      staff: await rows('staff_members'),
      keys: await rows('api_keys'),
      audit: (await trx('audit_log').where({ tenant_id: CITY_A })).length,
      outbox: (await trx('outbox_events').where({ tenant_id: CITY_A })).length,
    };
  });
}

/** A value of the wrong JSON type for a property schema. */
function wrongType(schema: JsonSchema): unknown {
  const declared = schema['type'];
  const types = new Set<unknown>(
    Array.isArray(declared) ? declared : declared === undefined ? [] : [declared],
  );
  if (types.size === 0) {
    if (schema['format'] || schema['pattern'] || schema['enum']) types.add('string');
    else types.add('object');
  }
  const candidates: [string, unknown][] = [
    ['number', 12345],
    ['string', 'text'],
    ['boolean', true],
    ['array', [1]],
    ['object', { a: 1 }],
  ];
  const jsonType = (name: string) => (name === 'integer' ? 'number' : name);
  const taken = new Set([...types].map((t) => jsonType(String(t))));
  return candidates.find(([name]) => !taken.has(name))![1];
}

describe(`bad input on every write route (${engine})`, function () {
  this.timeout(240_000);
  let fixture: ApiFixture;
  let values: Record<string, string>;
  const sessions = new Map<string, { agent: ReturnType<typeof request.agent>; csrf: string }>();

  before(async () => {
    fixture = await openApiFixture();
    const { a, platform } = fixture;
    const keys = await platform.identity.listApiKeys(CITY_A);
    values = {
      id: a.inquiry.id,
      attachmentId: '00000000-0000-4000-8000-000000000000',
      trackingNumber: a.inquiry.trackingNumber,
      staffId: a.staffIds.front_office,
      keyId: keys[0]!.id,
      absenceId: '00000000-0000-4000-8000-000000000000',
      code: 'gorgas',
      serviceCode: 'gas.no-debt',
      pluginId: 'agency-gas',
      key: 'core/certificate',
      locale: 'ru',
      template: 'inquiry.filed',
    };
  });
  after(() => fixture.close());

  const writeRoutes = API_ROUTES.filter(
    (r) => r.method !== 'get' && r.schemas.body !== undefined && r.bodyType !== 'multipart',
  );

  /** A signed-in caller allowed on the route (or none for public routes), and the request to send. */
  async function caller(route: AnyRoute): Promise<(path: string) => request.Test> {
    const { server, a } = fixture;
    const headers: Record<string, string> = { 'If-Match': '"1"' };
    if (route.access.anyone)
      return (path) => request(server.app)[route.method](`/t/${CITY_A}${path}`).set(headers);
    if (route.access.citizen) {
      return (path) =>
        request(server.app)
          [route.method](`/t/${CITY_A}${path}`)
          .set({ ...headers, 'X-Access-Code': a.accessCode });
    }
    const role = ROLES.find((r) =>
      mayCall(route, {
        kind: 'staff',
        tenantId: CITY_A,
        staffId: '',
        displayName: '',
        roles: [r],
        agencyCodes: [],
        deskCodes: [],
        sessionId: '',
      } satisfies Principal),
    ) as Role | undefined;
    if (role === undefined) {
      // Host routes of platform administrators.
      const agent = request.agent(server.app);
      if (!sessions.has('root')) {
        await fixture.platform.identity
          .createPlatformUser({ login: 'root@darcha.example', displayName: 'Root', password: PASSWORD })
          .catch(() => undefined);
        const res = await agent
          .post('/api/v1/auth/sign-in')
          .send({ login: 'root@darcha.example', password: PASSWORD });
        sessions.set('root', { agent, csrf: (res.body as { csrfToken: string }).csrfToken });
      }
      const root = sessions.get('root')!;
      return (path) => root.agent[route.method](path).set({ ...headers, 'X-CSRF-Token': root.csrf });
    }
    if (!sessions.has(role)) sessions.set(role, await signIn(server, CITY_A, role.replace('_', '.')));
    const session = sessions.get(role)!;
    return (path) => session.agent[route.method](path).set({ ...headers, 'X-CSRF-Token': session.csrf });
  }

  it('refuses malformed JSON, wrong content types, unknown fields, wrong types and oversized bodies, writing nothing', async () => {
    const before = await snapshotOfA(fixture);
    const wrong: string[] = [];
    expect(writeRoutes.length).to.be.greaterThan(5);
    for (const route of writeRoutes) {
      const path = filledPath(route, values);
      if (path === undefined) {
        wrong.push(`${route.path}: no value for its parameters`);
        continue;
      }
      const send = await caller(route);
      const label = `${route.method.toUpperCase()} ${route.path}`;
      const expectProblem = (res: request.Response, status: number, what: string, code?: string) => {
        if (
          res.status !== status ||
          !String(res.headers['content-type']).startsWith('application/problem+json')
        ) {
          wrong.push(`${label} ${what}: ${res.status} ${JSON.stringify(res.body)}`);
        } else if (code && (res.body as { code: string }).code !== code) {
          wrong.push(`${label} ${what}: code ${(res.body as { code: string }).code}, expected ${code}`);
        }
      };
      expectProblem(
        await send(path).set('Content-Type', 'application/json').send('{"broken": '),
        400,
        'malformed JSON',
        'DARCHA_HTTP_BODY_INVALID',
      );
      expectProblem(
        await send(path).set('Content-Type', 'text/plain').send('hello'),
        415,
        'text/plain',
        'DARCHA_HTTP_UNSUPPORTED_MEDIA_TYPE',
      );
      expectProblem(
        await send(path).set('Content-Type', 'application/x-www-form-urlencoded').send('a=1'),
        415,
        'a form',
        'DARCHA_HTTP_UNSUPPORTED_MEDIA_TYPE',
      );
      const unknown = await send(path).send({ surelyNotAField: true });
      expectProblem(unknown, 400, 'an unknown field', 'DARCHA_HTTP_VALIDATION');
      const fields = (
        (unknown.body as { details?: { fields?: { field: string }[] } }).details?.fields ?? []
      ).map((f) => f.field);
      if (!fields.includes('body/surelyNotAField'))
        wrong.push(`${label} does not name the unknown field: ${fields.join(', ')}`);
      const properties = (route.schemas.body?.['properties'] ?? {}) as Record<string, JsonSchema>;
      if (Object.keys(properties).length > 0) {
        const body = Object.fromEntries(
          Object.entries(properties).map(([name, schema]) => [name, wrongType(schema)]),
        );
        const typed = await send(path).send(body);
        expectProblem(typed, 400, 'wrong types', 'DARCHA_HTTP_VALIDATION');
        const named = (
          (typed.body as { details?: { fields?: { field: string }[] } }).details?.fields ?? []
        ).map((f) => f.field);
        for (const name of Object.keys(properties)) {
          if (!named.some((field) => field === `body/${name}` || field.startsWith(`body/${name}/`))) {
            wrong.push(`${label} with wrong types does not list body/${name} (listed: ${named.join(', ')})`);
          }
        }
      }
      expectProblem(await send(path).send({ padding: 'x'.repeat(200 * 1024) }), 413, 'an oversized body');
    }
    expect(wrong).to.deep.equal([]);
    expect(await snapshotOfA(fixture)).to.deep.equal(before);
  });

  it('refuses an upload that is not multipart, and one whose text fields are not UTF-8', async () => {
    const { a } = fixture;
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'front.office');
    const before = await snapshotOfA(fixture);
    const json = await agent
      .post(`/api/v1/inquiries/${a.inquiry.id}/attachments`)
      .set('X-CSRF-Token', csrf)
      .send({ file: 'x' });
    expect(json.status).to.equal(415);
    const boundary = 'darchaboundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documentCode"\r\n\r\n`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
      ),
    ]);
    const broken = await agent
      .post(`/api/v1/inquiries/${a.inquiry.id}/attachments`)
      .set('X-CSRF-Token', csrf)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body);
    expect(broken.status).to.be.oneOf([400, 404]);
    expect(String(broken.headers['content-type'])).to.match(/^application\/problem\+json/);
    expect(await snapshotOfA(fixture)).to.deep.equal(before);
  });

  it('names a JSON body that is not an object (null, a string, a number) instead of calling it invalid JSON', async () => {
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'front.office');
    for (const body of ['null', '"text"', '12']) {
      const res = await agent
        .post('/api/v1/inquiries')
        .set('X-CSRF-Token', csrf)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status, body).to.equal(400);
      expect(res.body.code).to.equal('DARCHA_HTTP_BODY_INVALID');
      expect(res.body.detail).to.equal(
        `The request body is the JSON value ${body}; this API reads a JSON object.`,
      );
    }
  });

  it('answers a known path under the wrong method with 405 and Allow, and an unknown path with 404', async () => {
    const { a } = fixture;
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'front.office');
    const wrong = await agent.delete(`/api/v1/inquiries/${a.inquiry.id}`).set('X-CSRF-Token', csrf);
    expect(wrong.status).to.equal(405);
    expect(wrong.body.code).to.equal('DARCHA_HTTP_METHOD_NOT_ALLOWED');
    expect(String(wrong.headers['allow']).split(', ')).to.include.members(['GET', 'HEAD']);
    expect(String(wrong.headers['content-type'])).to.match(/^application\/problem\+json/);
    const unknown = await agent.get('/api/v1/no-such-thing');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.code).to.equal('DARCHA_HTTP_NOT_FOUND');
  });
});
