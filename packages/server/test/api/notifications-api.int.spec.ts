import { expect } from 'chai';
import request from 'supertest';
import { CITY_A, CITY_B, openApiFixture, signIn, type ApiFixture } from './api-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

interface MessageBody {
  inquiryId: string | null;
  eventType: string;
  template: string;
  kind: string;
  channelId: string;
  status: string;
  body: string | null;
  confidential: boolean;
}

describe(`notifications over HTTP (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;

  before(async () => {
    fixture = await openApiFixture();
    await fixture.platform.outbox.runOnce();
  });
  after(() => fixture.close());

  it('lists the city’s messages for desk staff, with filters, and nothing of another city', async () => {
    const { agent } = await signIn(fixture.server, CITY_A, 'front.office');
    const res = await agent.get('/api/v1/notifications?status=recorded&kind=sms&limit=10');
    expect(res.status).to.equal(200);
    const items = res.body.items as MessageBody[];
    expect(items.map((m) => m.inquiryId)).to.deep.equal([fixture.a.inquiry.id]);
    expect(items[0]).to.include({
      eventType: 'inquiry.filed',
      template: 'inquiry.filed',
      kind: 'sms',
      channelId: 'database',
      status: 'recorded',
    });
    expect(items[0]!.body).to.include(fixture.a.inquiry.trackingNumber);
    expect(res.body).to.include({ total: 1, limit: 10, offset: 0 });

    const foreign = await agent.get(`/api/v1/notifications?inquiryId=${fixture.b.inquiry.id}`);
    expect(foreign.status).to.equal(200);
    expect(foreign.body.items).to.deep.equal([]);
    const bad = await agent.get('/api/v1/notifications?status=lost');
    expect(bad.status).to.equal(400);

    const officer = await signIn(fixture.server, CITY_A, 'back.office');
    expect((await officer.agent.get('/api/v1/notifications')).status).to.equal(403);
  });

  it('lists an inquiry’s messages for staff who see it, and 404 for an inquiry of another city', async () => {
    const { agent } = await signIn(fixture.server, CITY_A, 'supervisor');
    const own = await agent.get(`/api/v1/inquiries/${fixture.a.inquiry.id}/notifications`);
    expect(own.status).to.equal(200);
    expect(own.body.items).to.have.length(1);
    const foreign = await agent.get(`/api/v1/inquiries/${fixture.b.inquiry.id}/notifications`);
    expect(foreign.status).to.equal(404);
    expect(foreign.body.code).to.equal('DARCHA_INQUIRY_NOT_FOUND');
  });

  it('lets desk staff change the applicant’s locale and channel, refusing what cannot work', async () => {
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'front.office');
    const path = `/api/v1/inquiries/${fixture.a.inquiry.id}/notification-preferences`;
    const read = await agent.get(path);
    expect(read.status).to.equal(200);
    expect(read.body).to.deep.equal({
      inquiryId: fixture.a.inquiry.id,
      locale: 'ru',
      notifyBy: 'sms',
      chosen: false,
      phone: '+99890*****67',
      email: null,
    });
    const set = await agent.put(path).set('X-CSRF-Token', csrf).send({ locale: 'uz-Cyrl' });
    expect(set.status).to.equal(200);
    expect(set.body).to.include({ locale: 'uz-Cyrl', notifyBy: 'sms' });

    const noEmail = await agent.put(path).set('X-CSRF-Token', csrf).send({ notifyBy: 'email' });
    expect(noEmail.status).to.equal(400);
    expect(noEmail.body.code).to.equal('DARCHA_NOTIFICATION_PREFERENCES_INVALID');
    const empty = await agent.put(path).set('X-CSRF-Token', csrf).send({});
    expect(empty.status).to.equal(400);
    const extra = await agent
      .put(path)
      .set('X-CSRF-Token', csrf)
      .send({ locale: 'en', phone: '+998900000000' });
    expect(extra.status).to.equal(400);

    const cashier = await signIn(fixture.server, CITY_A, 'cashier');
    const refused = await cashier.agent.put(path).set('X-CSRF-Token', cashier.csrf).send({ locale: 'en' });
    expect(refused.status).to.equal(403);
    const inquiry = await fixture.platform.engine.get(CITY_A, fixture.a.inquiry.id);
    expect(inquiry.applicant.locale).to.equal('uz-Cyrl');
  });

  it('shows the citizen their own messages and lets them choose, with the receipt code', async () => {
    const { a } = fixture;
    const base = `/t/${CITY_A}/api/v1/track/${a.inquiry.trackingNumber}`;
    await fixture.platform.db.withTenant(CITY_A, (trx) =>
      trx('notification_messages')
        .where({ tenant_id: CITY_A, inquiry_id: a.inquiry.id })
        .update({ confidential: true }),
    );
    const list = await request(fixture.server.app)
      .get(`${base}/notifications`)
      .set('X-Access-Code', a.accessCode);
    expect(list.status).to.equal(200);
    expect(list.body.items).to.have.length(1);
    expect(list.body.items[0]).to.include({ kind: 'sms', body: null });
    expect(list.body.items[0]).to.not.have.property('channelId');
    await fixture.platform.db.withTenant(CITY_A, (trx) =>
      trx('notification_messages')
        .where({ tenant_id: CITY_A, inquiry_id: a.inquiry.id })
        .update({ confidential: false }),
    );

    const set = await request(fixture.server.app)
      .put(`${base}/notification-preferences`)
      .set('X-Access-Code', a.accessCode)
      .send({ locale: 'en', notifyBy: 'none' });
    expect(set.status).to.equal(200);
    expect(set.body).to.include({ locale: 'en', notifyBy: 'none', chosen: true });
    const read = await request(fixture.server.app)
      .get(`${base}/notification-preferences`)
      .set('X-Access-Code', a.accessCode);
    expect(read.body).to.include({ notifyBy: 'none' });

    const anonymous = await request(fixture.server.app).get(`${base}/notifications`);
    expect(anonymous.status).to.equal(401);
    const wrong = await request(fixture.server.app)
      .get(`/t/${CITY_A}/api/v1/track/${fixture.b.inquiry.trackingNumber}/notifications`)
      .set('X-Access-Code', a.accessCode);
    expect(wrong.status).to.equal(404);
  });

  it('sends a phone sign-in code by SMS to the phone in the request, marked confidential', async () => {
    const started = await request(fixture.server.app)
      .post(`/t/${CITY_B}/api/v1/phone-challenges`)
      .send({ phone: '+998907654321' });
    expect(started.status).to.be.oneOf([200, 201]);
    await fixture.platform.outbox.runOnce();
    const { agent } = await signIn(fixture.server, CITY_B, 'city.admin');
    const res = await agent.get('/api/v1/notifications');
    const code = (res.body.items as MessageBody[]).find((m) => m.eventType === 'notification.requested');
    expect(code).to.include({ kind: 'sms', template: 'phone-code', confidential: true, inquiryId: null });
    expect(code!.body).to.match(/^Tasdiqlash kodi: \d{6}\./);
  });

  it('lets the city admin replace a core template’s text and go back', async () => {
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'city.admin');
    const path = '/api/v1/notification-templates/inquiry.filed/ru';
    const set = await agent
      .put(path)
      .set('X-CSRF-Token', csrf)
      .send({ body: 'ЦГУ Чирчик: заявка {{trackingNumber}} принята.' });
    expect(set.status).to.equal(200);
    expect(set.body).to.include({ template: 'inquiry.filed', locale: 'ru', subject: null });
    const invalid = await agent.put(path).set('X-CSRF-Token', csrf).send({ body: 'Заявка {{number}}' });
    expect(invalid.status).to.equal(400);
    expect(invalid.body.code).to.equal('DARCHA_NOTIFICATION_TEMPLATE_INVALID');
    const unknown = await agent
      .put('/api/v1/notification-templates/inquiry.lost/ru')
      .set('X-CSRF-Token', csrf)
      .send({ body: 'x' });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.code).to.equal('DARCHA_NOTIFICATION_TEMPLATE_UNKNOWN');
    const list = await agent.get('/api/v1/notification-templates');
    expect(list.body.items).to.have.length(1);
    expect((await agent.delete(path).set('X-CSRF-Token', csrf)).status).to.equal(204);
    expect((await agent.delete(path).set('X-CSRF-Token', csrf)).status).to.equal(404);

    const desk = await signIn(fixture.server, CITY_A, 'front.office');
    const refused = await desk.agent
      .put(path)
      .set('X-CSRF-Token', desk.csrf)
      .send({ body: 'x {{trackingNumber}}' });
    expect(refused.status).to.equal(403);
  });
});
