import { expect } from 'chai';
import type { Principal } from '@darcha/core';
import request from 'supertest';
import { mayCall } from '../../src/api/authorize.js';
import { API_ROUTES } from '../../src/api/route-table.js';
import {
  APPLICANT,
  CITY_B,
  ROLES,
  SERVICE,
  SERVICE_B_ONLY,
  openApiFixture,
  signIn,
  type ApiFixture,
  type Role,
} from './api-fixture.js';
import { seedPaymentRows } from './payments-seed.js';
import { filledPath } from './route-probe.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** What city B holds, counted before and after: nothing may change. */
async function snapshotOfB(fixture: ApiFixture): Promise<unknown> {
  return fixture.platform.db.withTenant(CITY_B, async (trx) => {
    const count = async (table: string) =>
      Number(((await trx(table).where({ tenant_id: CITY_B }).count({ n: '*' }))[0] as { n: string }).n);
    const inquiry = await trx('inquiries')
      .where({ tenant_id: CITY_B })
      .select('id', 'version', 'state', 'assignee_id');
    return {
      inquiries: inquiry,
      history: await count('inquiry_history'),
      attachments: await count('inquiry_attachments'),
      staff: await trx('staff_members')
        .where({ tenant_id: CITY_B })
        .select('id', 'active', 'roles', 'updated_at'),
      keys: await trx('api_keys').where({ tenant_id: CITY_B }).select('id', 'revoked_at'),
      audit: await count('audit_log'),
      catalog: await trx('catalog_entries').where({ tenant_id: CITY_B }).orderBy('service_code'),
      agencies: await trx('agencies').where({ tenant_id: CITY_B }).orderBy('code'),
      desks: await trx('desks').where({ tenant_id: CITY_B }).orderBy('code'),
      absences: await trx('staff_absences').where({ tenant_id: CITY_B }).orderBy('id'),
    };
  });
}

describe(`city A's credentials against city B's resources (${engine})`, function () {
  this.timeout(240_000);
  let fixture: ApiFixture;
  let values: Record<string, string>;

  before(async () => {
    fixture = await openApiFixture();
    const { platform, b } = fixture;
    const attachment = await platform.attachments.attach(
      CITY_B,
      {
        inquiryId: b.inquiry.id,
        documentCode: 'passport',
        fileName: 'p.pdf',
        bytes: Buffer.from('%PDF-1.4\n%%EOF\n'),
        uploadedBy: 'test',
      },
      [{ code: 'passport', names: { en: 'Passport' }, accept: ['application/pdf'], maxBytes: 65536 }],
    );
    const keys = await platform.identity.listApiKeys(CITY_B);
    const absence = await platform.staff.addAbsence(CITY_B, {
      staffId: b.staffIds.back_office,
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 5 * 86_400_000),
      reason: 'leave',
    });
    const challenge = await platform.identity.startPhoneChallenge(CITY_B, '+998907654321');
    const document = await platform.documents.issue(CITY_B, { inquiryId: b.inquiry.id, actor: 'test' });
    const lowRating = await rateLowInB(fixture);
    const money = await seedPaymentRows(platform, CITY_B, b.inquiry.id);
    values = {
      '/inquiries/:id': b.inquiry.id,
      '/staff/:id': b.staffIds.front_office,
      '/api-keys/:id': keys[0]!.id,
      '/phone-challenges/:id': challenge.id,
      ':attachmentId': attachment.id,
      ':absenceId': absence.id,
      ':trackingNumber': b.inquiry.trackingNumber,
      '/agencies/:code': 'ipoteka',
      '/desks/:code': 'window-9',
      ':serviceCode': SERVICE_B_ONLY.code,
      '/services/:code': SERVICE_B_ONLY.code,
      '/documents/:id': document.document.id,
      ':documentId': document.document.id,
      '/document-verifications/:code': document.verificationCode!,
      '/rating-reviews/:id': lowRating.reviewId,
      '/invoices/:id': money.invoiceId,
      '/payments/:id': money.paymentId,
      '/refunds/:id': money.refundId,
      ':providerId': 'demo-pay',
    };
  });
  after(() => fixture.close());

  it('answers 404 for every B resource, to sessions and API keys of A alike, and changes nothing', async () => {
    const { server, a } = fixture;
    const before = await snapshotOfB(fixture);
    const wrong: string[] = [];
    let checked = 0;
    for (const route of API_ROUTES) {
      if (route.scope !== 'tenant' || !route.path.includes(':')) continue;
      if (OWN_OR_GLOBAL.some((pattern) => pattern.test(`${route.method} ${route.path}`))) continue;
      const path = filledPath(route, valuesFor(route.path, values));
      if (path === undefined) {
        wrong.push(`${route.path}: the test has no B value for its parameters`);
        continue;
      }
      // The first role that may call the route, so that the request reaches its handler.
      const role = ROLES.find((r) =>
        mayCall(route, {
          kind: 'staff',
          tenantId: a.tenantId,
          staffId: '',
          displayName: '',
          roles: [r],
          agencyCodes: [],
          deskCodes: [],
          sessionId: '',
        } satisfies Principal),
      ) as Role | undefined;
      if (role === undefined) continue; // citizen routes: the receipt check below
      const session = await signIn(server, a.tenantId, role.replace('_', '.'));
      const multipart = route.bodyType === 'multipart';
      const viaSession = await send(session.agent, route.method, path, multipart, session.csrf);
      const viaKey = route.access.apiKey
        ? await send(request.agent(server.app), route.method, path, multipart, undefined, a.apiKeys[role])
        : undefined;
      for (const [how, res] of [
        ['session', viaSession],
        ['API key', viaKey],
      ] as const) {
        if (!res) continue;
        checked++;
        const sameAsUnknown =
          res.status === 400 && (res.body as { code?: string }).code === 'DARCHA_AUTH_PHONE_CODE_WRONG';
        if (res.status !== 404 && !sameAsUnknown)
          wrong.push(
            `${how} ${role} ${route.method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(res.body)}`,
          );
        if (JSON.stringify(res.body).includes(values[':trackingNumber']!))
          wrong.push(`${how} ${route.path} leaks B's tracking number`);
      }
    }
    expect(wrong).to.deep.equal([]);
    expect(checked).to.be.greaterThan(10);
    expect(await snapshotOfB(fixture)).to.deep.equal(before);
  });

  it('answers 404 when A’s staff name city B in the path, even for routes they may call', async () => {
    const { server, a, b } = fixture;
    const { agent } = await signIn(server, a.tenantId, 'supervisor');
    const res = await agent.get(`/t/${CITY_B}/api/v1/inquiries/${b.inquiry.id}`);
    expect(res.status).to.equal(404);
    const list = await agent.get(`/t/${CITY_B}/api/v1/inquiries`);
    expect(list.status).to.equal(404);
  });

  it('does not open B’s inquiry with B’s receipt presented to city A', async () => {
    const { server, b } = fixture;
    const res = await request(server.app)
      .get(`/t/chirchik/api/v1/track/${b.inquiry.trackingNumber}`)
      .set('X-Access-Code', b.accessCode);
    expect(res.status).to.equal(404);
  });
});

function send(
  agent: ReturnType<typeof request.agent>,
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  multipart: boolean,
  csrf?: string,
  apiKey?: string,
): Promise<request.Response> {
  let test = agent[method](path);
  if (csrf) test = test.set('X-CSRF-Token', csrf);
  if (apiKey) test = test.set('Authorization', `Bearer ${apiKey}`);
  test = test.set('If-Match', '"1"');
  if (method === 'get' || method === 'delete') return test;
  if (multipart)
    return test.field('documentCode', 'passport').attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'p.pdf');
  return test.send(validBody(path));
}

/** A body that passes the schemas of the routes with parameters, so the lookup itself is what fails. */
function validBody(path: string): object {
  if (path.endsWith('/transitions')) return { action: 'review' };
  if (path.endsWith('/assignment')) return { staffId: '00000000-0000-4000-8000-000000000001' };
  if (path.endsWith('/confirmation')) return { code: '123456' };
  if (path.endsWith('/fee-quote')) return { formData: {}, channel: 'desk', applicantType: 'individual' };
  if (path.endsWith('/revocation')) return { reason: 'Revoked by A' };
  if (path.endsWith('/rating')) return { score: 5 };
  if (path.endsWith('/closure')) return { note: 'Closed by A' };
  if (path.endsWith('/cancellation')) return { reason: 'Cancelled by A' };
  if (path.endsWith('/payments')) return { amount: 1000, method: 'cash' };
  if (path.endsWith('/provider-payments')) return { providerId: 'demo-pay' };
  if (path.endsWith('/refunds')) return { amount: 100, reason: 'Refund by A' };
  if (path.endsWith('/rejection')) return { note: 'Rejected by A' };
  if (path.endsWith('/credentials')) return { login: 'intruder', password: 'a long enough password' };
  if (path.endsWith('/absences')) {
    return {
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    };
  }
  if (/\/staff\/[^/]+$/.test(path)) return { displayName: 'Renamed by A' };
  if (/\/agencies\/[^/]+$/.test(path) || /\/desks\/[^/]+$/.test(path))
    return { names: { en: 'Renamed by A' } };
  return {};
}

/**
 * Routes whose parameter is the caller's own or global, not a B resource: a plugin or a service
 * definition (installation-wide), writing or (idempotently) removing A's own catalog entry, the
 * inbox bucket name. B's catalog is in the snapshot, so a write that reached it would still fail.
 */
const OWN_OR_GLOBAL = [
  / \/tenant-plugins\//,
  / \/services\/:code$/,
  /^(put|delete) \/catalog\/entries\//,
  / \/inbox\/:bucket$/,
  // A city's own overrides of templates every city has.
  / \/document-templates\//,
  / \/notification-templates\//,
];

/** The B value of each parameter of a route: by the parameter's path prefix, else by its name. */
function valuesFor(path: string, values: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of path.matchAll(/:(\w+)/g)) {
    const name = match[1]!;
    const prefix = path.slice(0, (match.index ?? 0) + match[0].length).replace(/^.*(\/[^/]+\/:\w+)$/, '$1');
    const value = values[prefix] ?? values[`:${name}`];
    if (value !== undefined) result[name] = value;
  }
  return result;
}

/** A closed inquiry of city B with a low rating, whose review A must not reach. */
async function rateLowInB({ platform, b }: ApiFixture): Promise<{ reviewId: string }> {
  const officer = { id: b.staffIds.back_office, kind: 'staff', roles: ['back_office'] } as const;
  const { inquiry } = await platform.engine.file(
    CITY_B,
    {
      serviceCode: SERVICE.code,
      applicant: { ...APPLICANT },
      formData: { account: '1234567' },
      channel: 'desk',
    },
    { id: b.staffIds.front_office, kind: 'staff', roles: ['front_office'] },
  );
  await platform.engine.transition(CITY_B, inquiry.id, { action: 'review', expectedVersion: 1 }, officer);
  await platform.engine.transition(CITY_B, inquiry.id, { action: 'finish', expectedVersion: 2 }, officer);
  const citizen = {
    id: 'citizen:receipt',
    kind: 'citizen',
    roles: ['citizen'],
    inquiryIds: [inquiry.id],
  } as const;
  const { review } = await platform.ratings.rate(CITY_B, inquiry.id, { score: 1 }, citizen);
  return { reviewId: review!.id };
}
