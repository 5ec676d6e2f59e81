import { expect } from 'chai';
import type { Actor, Inquiry } from '@darcha/core';
import request from 'supertest';
import {
  APPLICANT,
  CITY_A,
  CITY_B,
  SERVICE,
  openApiFixture,
  signIn,
  type ApiFixture,
} from './api-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** Local dates around today, so that whatever the machine's date the reports see today's data. */
const today = new Date();
const day = (offset: number): string =>
  new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const PERIOD = { from: day(-2), to: day(2) };

describe(`ratings and reports over HTTP (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;
  let officer: Actor;

  before(async () => {
    fixture = await openApiFixture();
    officer = { id: fixture.a.staffIds.back_office, kind: 'staff', roles: ['back_office'] };
  });
  after(() => fixture.close());

  /** Files an inquiry in city A and finishes it; resolves with it and its receipt code. */
  async function closedInquiry(): Promise<{ inquiry: Inquiry; accessCode: string }> {
    const { platform, a } = fixture;
    const { inquiry } = await platform.engine.file(
      CITY_A,
      {
        serviceCode: SERVICE.code,
        applicant: { ...APPLICANT },
        formData: { account: '1234567' },
        channel: 'desk',
      },
      { id: a.staffIds.front_office, kind: 'staff', roles: ['front_office'] },
    );
    await platform.engine.transition(CITY_A, inquiry.id, { action: 'review', expectedVersion: 1 }, officer);
    const done = await platform.engine.transition(
      CITY_A,
      inquiry.id,
      { action: 'finish', expectedVersion: 2 },
      officer,
    );
    return { inquiry: done.inquiry, accessCode: platform.identity.accessCode(CITY_A, inquiry.id) };
  }

  it('lets the citizen rate their closed inquiry once with the receipt, and read the rating', async () => {
    const { server, a } = fixture;
    const track = (tn: string) => `/t/${CITY_A}/api/v1/track/${tn}/rating`;
    // The fixture's inquiry is still open.
    const early = await request(server.app)
      .post(track(a.inquiry.trackingNumber))
      .set('X-Access-Code', a.accessCode)
      .send({ score: 5 });
    expect(early.status).to.equal(409);
    expect(early.body.code).to.equal('DARCHA_RATING_INQUIRY_OPEN');

    const { inquiry, accessCode } = await closedInquiry();
    const url = track(inquiry.trackingNumber);
    const none = await request(server.app).get(url).set('X-Access-Code', accessCode);
    expect(none.status).to.equal(404);
    expect(none.body.code).to.equal('DARCHA_RATING_NOT_FOUND');
    for (const bad of [{ score: 0 }, { score: 6 }, { score: 4.5 }, { score: 5, extra: 1 }, {}]) {
      const res = await request(server.app).post(url).set('X-Access-Code', accessCode).send(bad);
      expect(res.status, JSON.stringify(bad)).to.equal(400);
    }
    const rated = await request(server.app)
      .post(url)
      .set('X-Access-Code', accessCode)
      .send({ score: 2, comment: 'Waited an hour' });
    expect(rated.status).to.equal(201);
    expect(rated.body.rating).to.include({ inquiryId: inquiry.id, score: 2, comment: 'Waited an hour' });
    expect(rated.body.review).to.include({ status: 'open', score: 2, agencyCode: 'gorgas' });
    const again = await request(server.app).post(url).set('X-Access-Code', accessCode).send({ score: 5 });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('DARCHA_RATING_ALREADY_RATED');
    const read = await request(server.app).get(url).set('X-Access-Code', accessCode);
    expect(read.status).to.equal(200);
    expect(read.body).to.include({ score: 2 });
    // Another inquiry's receipt code does not open this one.
    const wrong = await request(server.app).get(url).set('X-Access-Code', a.accessCode);
    expect(wrong.status).to.equal(404);
  });

  it('lets the front desk record a rating on the citizen’s behalf; other roles are refused', async () => {
    const { server } = fixture;
    const { inquiry } = await closedInquiry();
    const backOffice = await signIn(server, CITY_A, 'back.office');
    const refused = await backOffice.agent
      .post(`/api/v1/inquiries/${inquiry.id}/rating`)
      .set('X-CSRF-Token', backOffice.csrf)
      .send({ score: 5 });
    expect(refused.status).to.equal(403);
    const desk = await signIn(server, CITY_A, 'front.office');
    const res = await desk.agent
      .post(`/api/v1/inquiries/${inquiry.id}/rating`)
      .set('X-CSRF-Token', desk.csrf)
      .send({ score: 4 });
    expect(res.status).to.equal(201);
    expect(res.body.rating).to.include({ score: 4, ratedBy: fixture.a.staffIds.front_office });
    expect(res.body.review).to.equal(null);
    const auditor = await signIn(server, CITY_A, 'auditor');
    const read = await auditor.agent.get(`/api/v1/inquiries/${inquiry.id}/rating`);
    expect(read.status).to.equal(200);
    expect(read.body.score).to.equal(4);
    // City B's staff do not find city A's inquiry.
    const other = await signIn(server, CITY_B, 'auditor');
    expect((await other.agent.get(`/api/v1/inquiries/${inquiry.id}/rating`)).status).to.equal(404);
  });

  it('shows low ratings to supervisors, who close them once; auditors read them', async () => {
    const { server } = fixture;
    const { inquiry } = await closedInquiry();
    await fixture.platform.ratings.rate(
      CITY_A,
      inquiry.id,
      { score: 1 },
      { id: 'citizen:x', kind: 'citizen', roles: ['citizen'], inquiryIds: [inquiry.id] },
    );
    const supervisor = await signIn(server, CITY_A, 'supervisor');
    const list = await supervisor.agent.get('/api/v1/rating-reviews').query({ status: 'open' });
    expect(list.status).to.equal(200);
    const review = (list.body.items as { id: string; inquiryId: string }[]).find(
      (x) => x.inquiryId === inquiry.id,
    );
    expect(review).to.not.equal(undefined);
    const officerSession = await signIn(server, CITY_A, 'back.office');
    expect((await officerSession.agent.get('/api/v1/rating-reviews')).status).to.equal(403);
    const empty = await supervisor.agent
      .post(`/api/v1/rating-reviews/${review!.id}/closure`)
      .set('X-CSRF-Token', supervisor.csrf)
      .send({ note: '' });
    expect(empty.status).to.equal(400);
    const closed = await supervisor.agent
      .post(`/api/v1/rating-reviews/${review!.id}/closure`)
      .set('X-CSRF-Token', supervisor.csrf)
      .send({ note: 'Apologised; the queue system is fixed.' });
    expect(closed.status).to.equal(200);
    expect(closed.body).to.include({ status: 'closed', closedBy: fixture.a.staffIds.supervisor });
    const twice = await supervisor.agent
      .post(`/api/v1/rating-reviews/${review!.id}/closure`)
      .set('X-CSRF-Token', supervisor.csrf)
      .send({ note: 'Again' });
    expect(twice.status).to.equal(409);
    expect(twice.body.code).to.equal('DARCHA_RATING_REVIEW_CLOSED');
    const auditor = await signIn(server, CITY_A, 'auditor');
    const closedList = await auditor.agent.get('/api/v1/rating-reviews').query({ status: 'closed' });
    expect(closedList.body.items.map((x: { id: string }) => x.id)).to.include(review!.id);
    const audit = await fixture.platform.db.withTenant(CITY_A, (trx) =>
      trx('audit_log').where({ tenant_id: CITY_A, action: 'rating.review.close', subject_id: review!.id }),
    );
    expect(audit).to.have.length(1);
  });

  it('reports rating averages to supervisors, admins and auditors', async () => {
    const { server } = fixture;
    const auditor = await signIn(server, CITY_A, 'auditor');
    const res = await auditor.agent.get('/api/v1/reports/ratings').query({ ...PERIOD, groupBy: 'agency' });
    expect(res.status).to.equal(200);
    const gorgas = (res.body.groups as { key: string; count: number }[]).find((g) => g.key === 'gorgas');
    expect(gorgas?.count).to.equal(res.body.total.count);
    expect(res.body.total.count).to.be.greaterThan(0);
    const bad = await auditor.agent
      .get('/api/v1/reports/ratings')
      .query({ from: PERIOD.to, to: PERIOD.from, groupBy: 'agency' });
    expect(bad.status).to.equal(400);
    expect(bad.body.code).to.equal('DARCHA_REPORT_QUERY_INVALID');
    const desk = await signIn(server, CITY_A, 'front.office');
    expect(
      (await desk.agent.get('/api/v1/reports/ratings').query({ ...PERIOD, groupBy: 'agency' })).status,
    ).to.equal(403);
  });

  it('reports volumes and revenue per city, also rolled up, to admins and auditors only', async () => {
    const { server, platform } = fixture;
    const admin = await signIn(server, CITY_A, 'city.admin');
    const volumes = await admin.agent.get('/api/v1/reports/volumes').query({ ...PERIOD, groupBy: 'service' });
    expect(volumes.status).to.equal(200);
    const filed = await platform.db.withTenant(CITY_A, async (trx) =>
      Number(((await trx('inquiries').where({ tenant_id: CITY_A }).count({ n: '*' }))[0] as { n: string }).n),
    );
    expect(volumes.body.total).to.include({ filed, free: filed, paid: 0 });
    expect(volumes.body.rows).to.deep.equal([{ key: SERVICE.code, ...volumes.body.total }]);
    const revenue = await admin.agent
      .get('/api/v1/reports/revenue')
      .query({ ...PERIOD, groupBy: 'day', scope: 'descendants' });
    expect(revenue.status).to.equal(200);
    expect(revenue.body.cities.map((c: { tenantId: string }) => c.tenantId)).to.deep.equal([CITY_A]);
    expect(revenue.body.total).to.deep.equal({ payments: 0, gross: 0, refundCount: 0, refunds: 0, net: 0 });
    const bad = await admin.agent.get('/api/v1/reports/revenue').query({ ...PERIOD, groupBy: 'week' });
    expect(bad.status).to.equal(400);
    const cashier = await signIn(server, CITY_A, 'cashier');
    expect(
      (await cashier.agent.get('/api/v1/reports/revenue').query({ ...PERIOD, groupBy: 'day' })).status,
    ).to.equal(403);
  });
});
