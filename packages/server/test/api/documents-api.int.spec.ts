import { expect } from 'chai';
import request from 'supertest';
import { CITY_A, CITY_B, openApiFixture, signIn, type ApiFixture } from './api-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe(`documents over HTTP (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;
  let docA: { id: string; code: string };
  let docB: { id: string; code: string };

  before(async () => {
    fixture = await openApiFixture();
    const { platform, a, b } = fixture;
    const issued = await platform.documents.issue(CITY_A, { inquiryId: a.inquiry.id, actor: 'test' });
    docA = { id: issued.document.id, code: issued.verificationCode! };
    const other = await platform.documents.issue(CITY_B, { inquiryId: b.inquiry.id, actor: 'test' });
    docB = { id: other.document.id, code: other.verificationCode! };
  });
  after(() => fixture.close());

  it('lists and reads an inquiry’s documents for staff, and prints the page as HTML', async () => {
    const { agent } = await signIn(fixture.server, CITY_A, 'front.office');
    const list = await agent.get(`/api/v1/inquiries/${fixture.a.inquiry.id}/documents`);
    expect(list.status).to.equal(200);
    expect(list.body.items).to.have.length(1);
    expect(list.body.items[0]).to.deep.include({
      id: docA.id,
      serial: 'CHR-2026-D000001',
      holderInitials: 'D. K.',
    });
    expect(JSON.stringify(list.body)).not.to.include(docA.code);

    const one = await agent.get(`/api/v1/documents/${docA.id}`);
    expect(one.status).to.equal(200);
    expect(one.body).to.deep.include({ id: docA.id, inquiryId: fixture.a.inquiry.id, kind: 'certificate' });

    const html = await agent.get(`/api/v1/documents/${docA.id}/html`);
    expect(html.status).to.equal(200);
    expect(html.headers['content-type']).to.match(/^text\/html/);
    expect(html.headers['content-security-policy']).to.include("default-src 'none'");
    expect(html.text).to.include('@page { size: A4;');
    expect(html.text).to.include('<svg');
    expect(html.text).to.include(`/verify/${CITY_A}/${docA.code}`);
    expect(html.text).to.include('Karimova Dilnoza');
  });

  it('keeps documents of another city out of reach (404)', async () => {
    const { agent } = await signIn(fixture.server, CITY_A, 'city.admin');
    for (const path of [`/api/v1/documents/${docB.id}`, `/api/v1/documents/${docB.id}/html`]) {
      const res = await agent.get(path);
      expect(res.status, path).to.equal(404);
      expect(res.body.code).to.equal('DARCHA_DOCUMENT_NOT_FOUND');
    }
    const verify = await request(fixture.server.app).get(
      `/t/${CITY_A}/api/v1/document-verifications/${docB.code}`,
    );
    expect(verify.status).to.equal(404);
    expect(verify.body.code).to.equal('DARCHA_DOCUMENT_VERIFICATION_NOT_FOUND');
  });

  it('shows the citizen the documents of their own inquiry with the receipt code', async () => {
    const { a } = fixture;
    const base = `/t/${CITY_A}/api/v1/track/${a.inquiry.trackingNumber}/documents`;
    const list = await request(fixture.server.app).get(base).set('X-Access-Code', a.accessCode);
    expect(list.status).to.equal(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).to.deep.equal([docA.id]);
    const html = await request(fixture.server.app)
      .get(`${base}/${docA.id}/html`)
      .set('X-Access-Code', a.accessCode);
    expect(html.status).to.equal(200);
    expect(html.text).to.include('CHR-2026-D000001');
    const foreign = await request(fixture.server.app)
      .get(`${base}/${docB.id}/html`)
      .set('X-Access-Code', a.accessCode);
    expect(foreign.status).to.equal(404);
    const anonymous = await request(fixture.server.app).get(base);
    expect(anonymous.status).to.equal(401);
  });

  it('verifies publicly with initials only, revokes for supervisors, then shows the revocation', async () => {
    const { platform, a } = fixture;
    const extra = await platform.documents.issue(CITY_A, { inquiryId: a.inquiry.id, actor: 'test' });
    const code = extra.verificationCode!;
    const verify = () =>
      request(fixture.server.app).get(`/t/${CITY_A}/api/v1/document-verifications/${code.toLowerCase()}`);
    const valid = await verify();
    expect(valid.status).to.equal(200);
    expect(valid.body).to.deep.equal({
      valid: true,
      status: 'valid',
      documentType: 'certificate',
      issuedAt: extra.document.issuedAt.toISOString(),
      holderInitials: 'D. K.',
    });

    const cashier = await signIn(fixture.server, CITY_A, 'cashier');
    const refused = await cashier.agent
      .post(`/api/v1/documents/${extra.document.id}/revocation`)
      .set('X-CSRF-Token', cashier.csrf)
      .send({ reason: 'Wrong account' });
    expect(refused.status).to.equal(403);

    const supervisor = await signIn(fixture.server, CITY_A, 'supervisor');
    const revoke = (body: object) =>
      supervisor.agent
        .post(`/api/v1/documents/${extra.document.id}/revocation`)
        .set('X-CSRF-Token', supervisor.csrf)
        .send(body);
    expect((await revoke({})).status).to.equal(400);
    const revoked = await revoke({ reason: 'Issued for the wrong account' });
    expect(revoked.status).to.equal(200);
    expect(revoked.body).to.deep.include({ revokeReason: 'Issued for the wrong account' });
    const again = await revoke({ reason: 'Again' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('DARCHA_DOCUMENT_ALREADY_REVOKED');

    const after = await verify();
    expect(after.body).to.deep.include({
      valid: false,
      status: 'revoked',
      reason: 'Issued for the wrong account',
    });
    expect(Object.keys(after.body).sort()).to.deep.equal(
      ['documentType', 'holderInitials', 'issuedAt', 'reason', 'revokedAt', 'status', 'valid'].sort(),
    );
    const wrong = await request(fixture.server.app).get(
      `/t/${CITY_A}/api/v1/document-verifications/AAAA-AAAA-AAAA-AAAA-AAAA-AA`,
    );
    expect(wrong.status).to.equal(404);
    const page = await request(fixture.server.app).get(`/verify/${CITY_A}/${code}?lang=ru`);
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Документ аннулирован');
    expect(page.text).to.include('Issued for the wrong account');
    expect(page.text).not.to.include('Документ действителен');
  });

  it('lets the city admin set branding and template overrides, checked before saving', async () => {
    const admin = await signIn(fixture.server, CITY_A, 'city.admin');
    const put = (path: string, body: object) =>
      admin.agent.put(`/api/v1${path}`).set('X-CSRF-Token', admin.csrf).send(body);
    const branding = await put('/document-branding', {
      logo: PNG,
      header: { ru: ['Хокимият города Чирчик'] },
      signatory: { name: { ru: 'А. Алиев' }, position: { ru: 'Руководитель центра' } },
    });
    expect(branding.status).to.equal(200);
    expect(branding.body).to.deep.include({ logo: PNG, updatedBy: fixture.a.staffIds.city_admin });
    expect((await put('/document-branding', { logo: 'data:image/png;base64,PHN2Zy8+' })).body.code).to.equal(
      'DARCHA_DOCUMENT_INPUT_INVALID',
    );
    expect((await put('/document-branding', { colour: 'red' })).status).to.equal(400);
    const supervisor = await signIn(fixture.server, CITY_A, 'supervisor');
    expect((await supervisor.agent.get('/api/v1/document-branding')).status).to.equal(403);

    const path = '/document-templates/core%2Fcertificate/ru';
    const unsafe = await put(path, { source: '<h1>{{{holder.name}}}</h1>' });
    expect(unsafe.status).to.equal(400);
    expect(unsafe.body.code).to.equal('DARCHA_DOCUMENT_TEMPLATE_INVALID');
    const saved = await put(path, { source: '<h1>Справка города</h1><p>{{holder.name}}</p>' });
    expect(saved.status).to.equal(200);
    expect(saved.body).to.deep.include({ key: 'core/certificate', locale: 'ru' });
    expect((await admin.agent.get(`/api/v1${path}`)).body.source).to.include('Справка города');

    const issued = await fixture.platform.documents.issue(CITY_A, {
      inquiryId: fixture.a.inquiry.id,
      actor: 'test',
    });
    const html = await fixture.platform.documents.html(CITY_A, issued.document.id);
    expect(html).to.include('Справка города');
    expect(html).to.include('Хокимият города Чирчик');
    expect(html).to.include('Руководитель центра');

    const removed = await admin.agent.delete(`/api/v1${path}`).set('X-CSRF-Token', admin.csrf);
    expect(removed.status).to.equal(204);
    const gone = await admin.agent.get(`/api/v1${path}`);
    expect(gone.status).to.equal(404);
    expect(gone.body.code).to.equal('DARCHA_DOCUMENT_TEMPLATE_OVERRIDE_NOT_FOUND');
    expect((await admin.agent.get('/api/v1/document-templates/nokey/ru')).status).to.equal(400);
  });

  describe('the public verify page', () => {
    it('shows validity, type, date and initials in the asked language, without script', async () => {
      const res = await request(fixture.server.app).get(`/verify/${CITY_A}/${docA.code}?lang=en`);
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.match(/^text\/html/);
      expect(res.headers['content-security-policy']).to.include("default-src 'none'");
      expect(res.text).to.include('This document is valid');
      expect(res.text).to.include('Certificate');
      expect(res.text).to.include('D. K.');
      expect(res.text).not.to.include('Karimova');
      expect(res.text).not.to.include('Dilnoza');
      expect(res.text).not.to.match(/<script/i);
      const ru = await request(fixture.server.app)
        .get(`/verify/${CITY_A}/${docA.code}`)
        .set('Accept-Language', 'ru-RU,ru;q=0.9');
      expect(ru.text).to.include('Документ действителен');
      expect(ru.text).to.include('<html lang="ru">');
      const uz = await request(fixture.server.app).get(`/verify/${CITY_A}/${docA.code}`);
      expect(uz.text).to.include('Hujjat haqiqiy');
    });

    it('answers a 404 page for an unknown tenant or code, another city’s code and hostile input', async () => {
      for (const path of [
        `/verify/nowhere/${docA.code}`,
        `/verify/${CITY_B}/${docA.code}`,
        `/verify/${CITY_A}/AAAA-AAAA-AAAA-AAAA-AAAA-AA`,
        `/verify/${CITY_A}/${encodeURIComponent('<script>alert(1)</script>')}`,
        `/verify/NOT%20A%20TENANT/x?lang=<b>`,
      ]) {
        const res = await request(fixture.server.app).get(path);
        expect(res.status, path).to.equal(404);
        expect(res.text, path).to.include('Hujjat topilmadi');
        expect(res.text, path).not.to.match(/<script|<b>/);
      }
    });
  });
});
