import { expect } from 'chai';
import type { FeeQuote, ServiceDefinition } from '@darcha/core';
import request from 'supertest';
import {
  CITY_A,
  CITY_B,
  PASSWORD,
  SERVICE,
  SERVICE_B_ONLY,
  openApiFixture,
  signIn,
  type ApiFixture,
} from './api-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** Sealing a meter (services.md: 50% of the BHM), at half that online, with the 50% social discount. */
const SEALING: ServiceDefinition = {
  ...SERVICE,
  code: 'gas.meter-sealing',
  names: { ...SERVICE.names, en: 'Meter sealing' },
  channels: ['desk', 'online'],
  fee: {
    free: false,
    rule: 'core/schedule',
    params: {
      channels: { desk: { bhm: 0.5 }, online: { bhm: 0.25 } },
      discounts: [{ category: 'social-register', percent: 50 }],
    },
  },
};

describe(`fees over HTTP (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;
  let root: { agent: ReturnType<typeof request.agent>; csrf: string };

  const quote = (tenant: string, code: string, body: unknown) =>
    request(fixture.server.app)
      .post(`/t/${tenant}/api/v1/services/${code}/fee-quote`)
      .send(body as object);
  const application = (changes: Record<string, unknown> = {}) => ({
    formData: { account: '1234567' },
    channel: 'desk',
    applicantType: 'individual',
    at: '2025-08-01T00:10:00+05:00',
    ...changes,
  });

  before(async () => {
    fixture = await openApiFixture();
    const { platform, server } = fixture;
    await platform.services.publish('agency-gas', [SEALING]);
    await platform.catalog.setEntry(CITY_A, {
      serviceCode: SEALING.code,
      offered: true,
      agencyCode: 'gorgas',
    });
    await platform.identity.createPlatformUser({
      login: 'root@darcha.example',
      displayName: 'Root',
      password: PASSWORD,
    });
    const agent = request.agent(server.app);
    const res = await agent
      .post('/api/v1/auth/sign-in')
      .send({ login: 'root@darcha.example', password: PASSWORD });
    root = { agent, csrf: (res.body as { csrfToken: string }).csrfToken };
  });
  after(() => fixture.close());

  describe('POST /services/:code/fee-quote', () => {
    it('quotes for anyone, with the BHM of the filing day in the city', async () => {
      const res = await quote(CITY_A, SEALING.code, application());
      expect(res.status).to.equal(200);
      const body = res.body as FeeQuote;
      expect(body).to.deep.include({
        serviceCode: SEALING.code,
        serviceVersion: 1,
        free: false,
        currency: 'UZS',
        total: 206_000,
        date: '2025-08-01',
      });
      expect(body.breakdown).to.deep.include({
        bhm: { country: 'uz', value: 412_000, effectiveFrom: '2025-08-01' },
        multiplier: 0.5,
        channel: 'desk',
        subtotal: 206_000,
        discount: null,
      });
      const before = await quote(CITY_A, SEALING.code, application({ at: '2025-07-31T23:30:00+05:00' }));
      expect([before.body.date, before.body.total]).to.deep.equal(['2025-07-31', 187_500]);
    });

    it('charges by channel and takes the discount off, line by line', async () => {
      const res = await quote(
        CITY_A,
        SEALING.code,
        application({ channel: 'online', categories: ['social-register'] }),
      );
      expect(res.status).to.equal(200);
      const body = res.body as FeeQuote;
      expect(body.total).to.equal(51_500); // 0.25 x 412,000 = 103,000, minus 50%
      expect(body.lines.map((l) => [l.kind, l.amount])).to.deep.equal([
        ['fee', 103_000],
        ['discount', -51_500],
      ]);
      expect(body.lines[1]!.description.en).to.equal('Discount 50%: social protection register');
    });

    it('answers a free service with a free quote', async () => {
      const res = await quote(CITY_A, SERVICE.code, application());
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.include({ free: true, total: 0, lines: [] });
    });

    it('answers 404 for a service the city does not offer, and 400 for a channel it is not offered through', async () => {
      const notOffered = await quote(CITY_A, SERVICE_B_ONLY.code, application());
      expect([notOffered.status, notOffered.body.code]).to.deep.equal([404, 'DARCHA_CATALOG_NOT_OFFERED']);
      const elsewhere = await quote(CITY_B, SEALING.code, application());
      expect([elsewhere.status, elsewhere.body.code]).to.deep.equal([404, 'DARCHA_CATALOG_NOT_OFFERED']);
      const api = await quote(CITY_A, SEALING.code, application({ channel: 'api' }));
      expect([api.status, api.body.code]).to.deep.equal([400, 'DARCHA_FEE_QUOTE_INVALID']);
    });

    it('refuses a malformed body with 400, naming the fields', async () => {
      const res = await quote(
        CITY_A,
        SEALING.code,
        application({ channel: 'fax', categories: ['veteran'], extra: 1 }),
      );
      expect(res.status).to.equal(400);
      expect(JSON.stringify(res.body)).to.include('channel').and.include('categories').and.include('extra');
      const noDate = await quote(CITY_A, SEALING.code, application({ at: 'yesterday' }));
      expect(noDate.status).to.equal(400);
    });

    it('answers 409 when the country has no BHM on the filing day', async () => {
      const res = await quote(CITY_A, SEALING.code, application({ at: '2019-01-01T12:00:00+05:00' }));
      expect([res.status, res.body.code]).to.deep.equal([409, 'DARCHA_FEE_BASE_AMOUNT_MISSING']);
    });
  });

  describe('the BHM table', () => {
    it('lets any signed-in staff member and platform admins read it', async () => {
      const cashier = await signIn(fixture.server, CITY_A, 'cashier');
      const res = await cashier.agent.get('/api/v1/base-amounts').query({ country: 'uz' });
      expect(res.status).to.equal(200);
      expect(res.body.items.map((v: { amount: number }) => v.amount)).to.deep.equal([
        202_730, 223_000, 270_000, 300_000, 375_000, 412_000,
      ]);
      expect(res.body.items[0]).to.have.keys([
        'country',
        'effectiveFrom',
        'amount',
        'note',
        'createdBy',
        'createdAt',
      ]);
      const admin = await root.agent.get('/api/v1/base-amounts?country=uz');
      expect([admin.status, admin.body.items.length]).to.deep.equal([200, 6]);
      const anonymous = await request(fixture.server.app).get('/api/v1/base-amounts?country=uz');
      expect(anonymous.status).to.equal(401);
      const missing = await cashier.agent.get('/api/v1/base-amounts');
      expect(missing.status).to.equal(400);
    });

    it('lets only platform admins add a value, refusing a second one for the same day', async () => {
      const cityAdmin = await signIn(fixture.server, CITY_A, 'city.admin');
      const refused = await cityAdmin.agent
        .post('/api/v1/base-amounts')
        .set('X-CSRF-Token', cityAdmin.csrf)
        .send({ country: 'uz', effectiveFrom: '2026-08-01', amount: 450_000 });
      expect(refused.status).to.equal(403);
      const add = (body: object) =>
        root.agent.post('/api/v1/base-amounts').set('X-CSRF-Token', root.csrf).send(body);
      const bad = await add({ country: 'uz', effectiveFrom: '2026-08-01', amount: 0 });
      expect(bad.status).to.equal(400);
      const created = await add({
        country: 'uz',
        effectiveFrom: '2026-08-01',
        amount: 450_000,
        note: 'test decree',
      });
      expect(created.status).to.equal(201);
      expect(created.body).to.deep.include({
        country: 'uz',
        effectiveFrom: '2026-08-01',
        amount: 450_000,
        note: 'test decree',
      });
      expect(created.body.createdBy).to.match(/^platform:/);
      const again = await add({ country: 'uz', effectiveFrom: '2026-08-01', amount: 460_000 });
      expect([again.status, again.body.code]).to.deep.equal([409, 'DARCHA_FEE_BASE_AMOUNT_EXISTS']);
      // Quotes filed from that day on use it.
      const res = await quote(CITY_A, SEALING.code, application({ at: '2026-08-01T09:00:00+05:00' }));
      expect(res.body.total).to.equal(225_000);
    });
  });
});
