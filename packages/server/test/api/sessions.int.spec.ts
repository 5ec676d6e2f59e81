import { expect } from 'chai';
import request from 'supertest';
import { CITY_A, PASSWORD, openApiFixture, signIn, type ApiFixture } from './api-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

function sessionCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('darcha_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

describe(`staff sessions over HTTP (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;

  before(async () => {
    fixture = await openApiFixture();
  });
  after(() => fixture.close());

  it('sets an HttpOnly, SameSite cookie and answers who is signed in with the CSRF token', async () => {
    const agent = request.agent(fixture.server.app);
    const res = await agent
      .post(`/t/${CITY_A}/api/v1/auth/sign-in`)
      .send({ login: 'supervisor', password: PASSWORD });
    expect(res.status).to.equal(200);
    const cookie = sessionCookie(res);
    expect(cookie)
      .to.match(/HttpOnly/i)
      .and.match(/SameSite=Lax/i)
      .and.match(/Path=\//);
    expect(res.body).to.include({ kind: 'staff', tenantId: CITY_A });
    const me = await agent.get('/api/v1/auth/session');
    expect(me.status).to.equal(200);
    expect(me.body.csrfToken).to.equal(res.body.csrfToken);
    expect(JSON.stringify(res.body)).not.to.include(cookie.split(';')[0]!.split('=')[1]!);
  });

  it('rotates the session at sign-in: the earlier token (or one an attacker planted) no longer works', async () => {
    const planted = await request(fixture.server.app)
      .post(`/t/${CITY_A}/api/v1/auth/sign-in`)
      .send({ login: 'supervisor', password: PASSWORD });
    const plantedCookie = sessionCookie(planted).split(';')[0]!;
    const victim = await request(fixture.server.app)
      .post(`/t/${CITY_A}/api/v1/auth/sign-in`)
      .set('Cookie', plantedCookie)
      .send({ login: 'auditor', password: PASSWORD });
    expect(victim.status).to.equal(200);
    const fresh = sessionCookie(victim).split(';')[0]!;
    expect(fresh).not.to.equal(plantedCookie);
    const old = await request(fixture.server.app).get('/api/v1/auth/session').set('Cookie', plantedCookie);
    expect(old.status).to.equal(401);
    const now = await request(fixture.server.app).get('/api/v1/auth/session').set('Cookie', fresh);
    expect(now.status).to.equal(200);
    expect(now.body.user.roles).to.deep.equal(['auditor']);
  });

  it('ends a session at sign-out (CSRF required) and when it expires', async () => {
    const { agent, csrf } = await signIn(fixture.server, CITY_A, 'supervisor');
    const noToken = await agent.delete('/api/v1/auth/session');
    expect(noToken.status).to.equal(403);
    const out = await agent.delete('/api/v1/auth/session').set('X-CSRF-Token', csrf);
    expect(out.status).to.equal(204);
    expect((await agent.get('/api/v1/auth/session')).status).to.equal(401);

    const second = await signIn(fixture.server, CITY_A, 'supervisor');
    await fixture.platform.db.withTenant(CITY_A, (trx) =>
      trx('staff_sessions')
        .where({ tenant_id: CITY_A })
        .update({ expires_at: new Date(Date.now() - 1000) }),
    );
    expect((await second.agent.get('/api/v1/auth/session')).status).to.equal(401);
  });

  it('answers every failed sign-in the same way and locks after repeated failures', async () => {
    const app = fixture.server.app;
    const unknown = await request(app)
      .post(`/t/${CITY_A}/api/v1/auth/sign-in`)
      .send({ login: 'nobody', password: 'whatever-long' });
    expect(unknown.status).to.equal(401);
    expect(unknown.body.code).to.equal('DARCHA_AUTH_SIGN_IN_FAILED');
    for (let i = 0; i < 5; i++) {
      const wrong = await request(app)
        .post(`/t/${CITY_A}/api/v1/auth/sign-in`)
        .send({ login: 'cashier', password: 'wrong password!' });
      expect(wrong.status).to.equal(401);
      expect(wrong.body.detail).to.equal(unknown.body.detail);
    }
    const locked = await request(app)
      .post(`/t/${CITY_A}/api/v1/auth/sign-in`)
      .send({ login: 'cashier', password: PASSWORD });
    expect(locked.status).to.equal(401);
    expect(locked.body.detail).to.equal(unknown.body.detail);
  });

  it('does not sign staff of one city in to another', async () => {
    const res = await request(fixture.server.app)
      .post('/t/djizak/api/v1/auth/sign-in')
      .send({ login: 'supervisor', password: 'wrong password!' });
    expect(res.status).to.equal(401);
    const { agent } = await signIn(fixture.server, CITY_A, 'supervisor');
    const other = await agent.get('/t/djizak/api/v1/auth/session');
    expect(other.status).to.equal(404);
  });
});
