import { expect } from 'chai';
import request from 'supertest';
import { APPLICANT, CITY_A, SERVICE, openApiFixture, signIn, type ApiFixture } from './api-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

interface Problem {
  code: string;
  details?: Record<string, unknown>;
}

describe(`inquiries over HTTP (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;

  before(async () => {
    fixture = await openApiFixture();
  });
  after(() => fixture.close());

  const filing = { serviceCode: SERVICE.code, applicant: APPLICANT, formData: { account: '7654321' } };

  it('files at the desk with an Idempotency-Key: the retry returns the first inquiry and files nothing new', async () => {
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'front.office');
    const first = await agent
      .post('/api/v1/inquiries')
      .set('X-CSRF-Token', csrf)
      .set('Idempotency-Key', 'desk-0001-abcdef')
      .send(filing);
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    expect(first.body.inquiry.trackingNumber).to.match(/^CHR-\d{4}-\d{6}$/);
    expect(first.body.inquiry.channel).to.equal('desk');
    expect(first.body.accessCode).to.match(/^[A-Z2-9]{10}$/);
    expect(first.headers['etag']).to.equal('"1"');
    const again = await agent
      .post('/api/v1/inquiries')
      .set('X-CSRF-Token', csrf)
      .set('Idempotency-Key', 'desk-0001-abcdef')
      .send(filing);
    expect(again.status).to.equal(200);
    expect(again.body.inquiry.id).to.equal(first.body.inquiry.id);
    expect(again.body.replayed).to.equal(true);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        agent
          .post('/api/v1/inquiries')
          .set('X-CSRF-Token', csrf)
          .set('Idempotency-Key', 'desk-0002-abcdef')
          .send(filing),
      ),
    );
    const ids = new Set(concurrent.map((res) => res.body.inquiry.id as string));
    expect(ids.size).to.equal(1);
  });

  it('lists every invalid form field in one 400 and files nothing', async () => {
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'front.office');
    const before = await agent.get('/api/v1/inquiries').query({ limit: 200 });
    const res = await agent
      .post('/api/v1/inquiries')
      .set('X-CSRF-Token', csrf)
      .send({ ...filing, formData: { account: 'abc', extra: 1 } });
    expect(res.status).to.equal(400);
    expect(res.type).to.equal('application/problem+json');
    const after = await agent.get('/api/v1/inquiries').query({ limit: 200 });
    expect(after.body.items.length).to.equal(before.body.items.length);
  });

  it('moves an inquiry with If-Match: 428 without it, 409 with a stale version carrying the allowed actions', async () => {
    const { a } = fixture;
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'back.office');
    const id = a.inquiry.id;
    const read = await agent.get(`/api/v1/inquiries/${id}`);
    expect(read.status).to.equal(200);
    expect(read.headers['etag']).to.equal(`"${read.body.version}"`);
    const actions = await agent.get(`/api/v1/inquiries/${id}/actions`);
    expect(actions.body.items.map((x: { action: string }) => x.action)).to.include('review');
    const missing = await agent
      .post(`/api/v1/inquiries/${id}/transitions`)
      .set('X-CSRF-Token', csrf)
      .send({ action: 'review' });
    expect(missing.status).to.equal(428);
    const moved = await agent
      .post(`/api/v1/inquiries/${id}/transitions`)
      .set('X-CSRF-Token', csrf)
      .set('If-Match', read.headers['etag'] as string)
      .send({ action: 'review' });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    expect(moved.body.inquiry.state).to.equal('in_review');
    const stale = await agent
      .post(`/api/v1/inquiries/${id}/transitions`)
      .set('X-CSRF-Token', csrf)
      .set('If-Match', read.headers['etag'] as string)
      .send({ action: 'finish' });
    expect(stale.status).to.equal(409);
    expect((stale.body as Problem).code).to.equal('DARCHA_WORKFLOW_STALE_VERSION');
    expect((stale.body as Problem).details).to.include.keys(
      'currentVersion',
      'currentState',
      'allowedActions',
    );
    const history = await agent.get(`/api/v1/inquiries/${id}/history`);
    expect(history.body.items).to.have.length(moved.body.inquiry.version);
  });

  it('refuses an unsafe request of a browser session without the CSRF token', async () => {
    const { agent } = await signIn(fixture.server, CITY_A, 'front.office');
    const res = await agent.post('/api/v1/inquiries').send(filing);
    expect(res.status).to.equal(403);
    expect((res.body as Problem).code).to.equal('DARCHA_AUTH_CSRF');
  });

  it('takes an API key as a bearer token, without CSRF, and files on the api channel', async () => {
    const { server, a } = fixture;
    const res = await request(server.app)
      .post('/api/v1/inquiries')
      .set('Authorization', `Bearer ${a.apiKeys.front_office}`)
      .send(filing);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.inquiry.channel).to.equal('api');
    const revoked = await request(server.app)
      .get('/api/v1/inquiries')
      .set('Authorization', 'Bearer dk_chirchik_nonsense');
    expect(revoked.status).to.equal(401);
  });

  it('keeps an agency officer to their agencies: another agency’s inquiry is not found', async () => {
    const { a } = fixture;
    const { agent } = await signIn(fixture.server, CITY_A, 'water.officer');
    const res = await agent.get(`/api/v1/inquiries/${a.inquiry.id}`);
    expect(res.status).to.equal(404);
    const list = await agent.get('/api/v1/inquiries');
    expect(list.body.items).to.deep.equal([]);
  });

  it('uploads and downloads an attachment, refusing a file over the service’s limit with 413', async () => {
    const { a } = fixture;
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'front.office');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const up = await agent
      .post(`/api/v1/inquiries/${a.inquiry.id}/attachments`)
      .set('X-CSRF-Token', csrf)
      .field('documentCode', 'passport')
      .attach('file', pdf, 'passport.pdf');
    expect(up.status, JSON.stringify(up.body)).to.equal(201);
    expect(up.body.mediaType).to.equal('application/pdf');
    const down = await agent
      .get(`/api/v1/inquiries/${a.inquiry.id}/attachments/${up.body.id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(down.status).to.equal(200);
    expect(Buffer.compare(down.body as Buffer, pdf)).to.equal(0);
    const big = await agent
      .post(`/api/v1/inquiries/${a.inquiry.id}/attachments`)
      .set('X-CSRF-Token', csrf)
      .field('documentCode', 'passport')
      .attach('file', Buffer.concat([pdf, Buffer.alloc(70 * 1024)]), 'big.pdf');
    expect(big.status).to.equal(413);
    const trailing = await agent
      .post(`/api/v1/inquiries/${a.inquiry.id}/attachments`)
      .set('X-CSRF-Token', csrf)
      .field('documentCode', 'passport')
      .attach('file', pdf, 'again.pdf')
      .field('documentCode', 'passport');
    expect(trailing.status).to.equal(400);
    expect(trailing.body.code).to.equal('DARCHA_HTTP_UPLOAD_INVALID');
    const list = await agent.get(`/api/v1/inquiries/${a.inquiry.id}/attachments`);
    expect(list.body.items, 'a refused upload records nothing').to.have.length(1);
  });

  it('does not let staff or keys mark a desk filing as online', async () => {
    const { server, a } = fixture;
    const res = await request(server.app)
      .post('/api/v1/inquiries')
      .set('Authorization', `Bearer ${a.apiKeys.front_office}`)
      .send({ ...filing, channel: 'online' });
    expect(res.status).to.equal(400);
  });

  it('gives inbox buckets and counts to staff', async () => {
    const { agent } = await signIn(fixture.server, CITY_A, 'back.office');
    const counts = await agent.get('/api/v1/inbox/counts');
    expect(counts.status).to.equal(200);
    expect(counts.body).to.include.keys('role', 'mine', 'overdue');
    const role = await agent.get('/api/v1/inbox/role').query({ limit: 5 });
    expect(role.status).to.equal(200);
    expect(role.body).to.have.keys('items', 'nextCursor');
    const bad = await agent.get('/api/v1/inbox/nonsense');
    expect(bad.status).to.equal(400);
  });

  it('counts for an agency’s officer only what their lists show: their agency’s inquiries', async () => {
    const { agent } = await signIn(fixture.server, CITY_A, 'water.officer');
    const counts = await agent.get('/api/v1/inbox/counts');
    expect(counts.status).to.equal(200);
    const open = await agent.get('/api/v1/inbox/all_open').query({ limit: 200 });
    expect(open.status).to.equal(200);
    // Every inquiry of the fixture is Gorgas's: the water officer's queues are empty, and so are the badges.
    expect(open.body.items).to.deep.equal([]);
    expect(counts.body.all_open).to.equal(0);
    const cityWide = await (
      await signIn(fixture.server, CITY_A, 'supervisor')
    ).agent.get('/api/v1/inbox/counts');
    expect(cityWide.body.all_open).to.be.greaterThan(0);
  });

  it('lets a citizen track with the receipt, without staff data, and answer a request for documents', async () => {
    const { server, platform, a } = fixture;
    const officer = { id: a.staffIds.back_office, kind: 'staff' as const, roles: ['back_office'] };
    const { inquiry } = await platform.engine.file(
      CITY_A,
      {
        serviceCode: SERVICE.code,
        applicant: { ...APPLICANT },
        formData: { account: '1111111' },
        channel: 'desk',
      },
      { id: a.staffIds.front_office, kind: 'staff', roles: ['front_office'] },
    );
    await platform.engine.transition(CITY_A, inquiry.id, { action: 'review', expectedVersion: 1 }, officer);
    await platform.engine.transition(
      CITY_A,
      inquiry.id,
      { action: 'ask', expectedVersion: 2, comment: 'Bring the passport' },
      officer,
    );
    const code = platform.identity.accessCode(CITY_A, inquiry.id);
    const track = await request(server.app)
      .get(`/t/${CITY_A}/api/v1/track/${inquiry.trackingNumber}`)
      .set('X-Access-Code', code.toLowerCase());
    expect(track.status, JSON.stringify(track.body)).to.equal(200);
    expect(track.body.publicStatus).to.equal('action_required');
    expect(JSON.stringify(track.body)).not.to.include(a.staffIds.back_office);
    expect(JSON.stringify(track.body)).not.to.include(APPLICANT.pinfl);
    const answer = await request(server.app)
      .post(`/t/${CITY_A}/api/v1/track/${inquiry.trackingNumber}/transitions`)
      .set('X-Access-Code', code)
      .set('If-Match', track.headers['etag'] as string)
      .send({ action: 'answer' });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.publicStatus).to.equal('in_progress');
  });

  it('files online only after the phone is confirmed, once per confirmation', async () => {
    const { server, platform } = fixture;
    const online = { ...filing, formData: { account: '2222222' } };
    const refused = await request(server.app).post(`/t/${CITY_A}/api/v1/applications`).send(online);
    expect(refused.status).to.equal(403);
    expect((refused.body as Problem).code).to.equal('DARCHA_AUTH_PHONE_NOT_CONFIRMED');
    const started = await request(server.app)
      .post(`/t/${CITY_A}/api/v1/phone-challenges`)
      .send({ phone: APPLICANT.phone });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    const code = await platform.db.withTenant(CITY_A, async (trx) => {
      const row = await trx('outbox_events')
        .where({ tenant_id: CITY_A, type: 'notification.requested' })
        .orderBy('seq', 'desc')
        .first();
      return (row as { payload: { data: { code: string } } }).payload.data.code;
    });
    const wrong = await request(server.app)
      .post(`/t/${CITY_A}/api/v1/phone-challenges/${started.body.id}/confirmation`)
      .send({ code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).to.equal(400);
    const confirmed = await request(server.app)
      .post(`/t/${CITY_A}/api/v1/phone-challenges/${started.body.id}/confirmation`)
      .send({ code });
    expect(confirmed.status).to.equal(200);
    const filed = await request(server.app)
      .post(`/t/${CITY_A}/api/v1/applications`)
      .set('X-Phone-Challenge', started.body.id)
      .send(online);
    expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
    expect(filed.body.accessCode).to.be.a('string');
    const retry = await request(server.app)
      .post(`/t/${CITY_A}/api/v1/applications`)
      .set('X-Phone-Challenge', started.body.id)
      .send(online);
    expect(retry.status).to.equal(200);
    expect(retry.body.trackingNumber).to.equal(filed.body.trackingNumber);
  });
});
