import { loadConfig, openPlatform, type Platform } from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import gasPack from '@darcha/plugin-agency-gas';
import waterPack from '@darcha/plugin-agency-water';
import { createServer, type DarchaServer } from '@darcha/server';
import { expect } from 'chai';
import request from 'supertest';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const CITY = 'chirchik';
const PASSWORD = 'correct horse battery staple';
/** 18% of the BHM in force (412,000 soums since 2025-08-01): 74,160; half of it with the discount. */
const FULL_FEE = 74_160;
const DISCOUNTED_FEE = 37_080;
/** The code as printed under the QR code. */
const VERIFICATION_CODE = /class="code">([0-9A-Z]{4}(?:-[0-9A-Z]{1,4})+)</;

type Agent = { agent: ReturnType<typeof request.agent>; csrf: string };

/**
 * A paid service from filing to rating, through the HTTP API only, with the real water pack: the
 * fee with a discount, the invoice made at filing, the cash desk and its receipt, the payment the
 * workflow requires, the certificate issued by the workflow with its public verification, the
 * messages the applicant would have received, the rating and its review, and the revenue report
 * that must equal the money taken.
 */
describe(`a paid service end to end over HTTP (${engine})`, function () {
  this.timeout(180_000);
  let platform: Platform;
  let server: DarchaServer;
  const staff: Record<string, Agent> = {};
  let inquiry: { id: string; trackingNumber: string; version: number };
  let accessCode: string;
  let paymentId: string;
  let certificateCode: string;
  let documentId: string;

  const post = (who: string, path: string) =>
    staff[who]!.agent.post(`/api/v1${path}`).set('X-CSRF-Token', staff[who]!.csrf);
  const get = (who: string, path: string) => staff[who]!.agent.get(`/api/v1${path}`);

  /** Polls `read` until `done` holds: work the outbox does after a commit (invoices, documents, messages). */
  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (let i = 0; ; i++) {
      const value = await read();
      if (done(value) || i >= 100) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function act(who: string, action: string, comment?: string): Promise<request.Response> {
    const res = await post(who, `/inquiries/${inquiry.id}/transitions`)
      .set('If-Match', `"${inquiry.version}"`)
      .send({ action, ...(comment ? { comment } : {}) });
    if (res.status === 200) inquiry.version = res.body.inquiry.version as number;
    return res;
  }

  before(async () => {
    const config = loadConfig({
      env: { DARCHA_RATE_LIMIT_SIGN_IN: '100000', DARCHA_RATE_LIMIT_PUBLIC_WRITE: '100000' },
      overrides: { logLevel: 'silent', jobs: { enabled: true, pollIntervalMs: 50 } },
    });
    platform = await openPlatform({
      config,
      db: await openTestDatabase(),
      plugins: [
        { plugin: gasPack, source: 'inline' },
        { plugin: waterPack, source: 'inline' },
      ],
    });
    await platform.tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    await platform.tenants.create({
      id: 'uz.tashkent-region',
      kind: 'region',
      parentId: 'uz',
      names: { 'uz-Latn': 'Toshkent viloyati' },
    });
    await platform.tenants.create({
      id: CITY,
      kind: 'city',
      parentId: 'uz.tashkent-region',
      names: { 'uz-Latn': 'Chirchiq' },
      settings: { inquiries: { trackingPrefix: 'CHR' } },
    });
    for (const pack of ['agency-gas', 'agency-water'])
      await platform.plugins.tenantPlugins.enable(CITY, pack);
    await platform.agencies.upsertAgency(CITY, {
      code: 'gorvodokanal',
      kind: 'water',
      names: { en: 'Gorvodokanal' },
      contacts: {},
      workingHours: {},
      active: true,
    });
    await platform.catalog.setEntry(CITY, {
      serviceCode: 'water.meter-verification',
      offered: true,
      agencyCode: 'gorvodokanal',
    });
    for (const [login, roles] of [
      ['operator', ['front_office']],
      ['cashier', ['cashier']],
      ['officer', ['back_office']],
      ['supervisor', ['supervisor']],
    ] as const) {
      const member = await platform.staff.create(CITY, {
        displayName: login,
        roles: [...roles],
        ...(login === 'officer' || login === 'supervisor' ? { agencyCodes: ['gorvodokanal'] } : {}),
      });
      await platform.identity.setStaffCredentials(CITY, member.id, { login, password: PASSWORD });
    }
    server = createServer({ platform });
    platform.startJobs();
    for (const login of ['operator', 'cashier', 'officer', 'supervisor']) {
      const agent = request.agent(server.app);
      const res = await agent.post('/api/v1/auth/sign-in').send({ login, password: PASSWORD, tenant: CITY });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      staff[login] = { agent, csrf: res.body.csrfToken as string };
    }
  });
  after(() => platform?.close());

  it('quotes the fee with its breakdown before anyone applies (public)', async () => {
    const res = await request(server.app)
      .post(`/t/${CITY}/api/v1/services/water.meter-verification/fee-quote`)
      .send({
        formData: {
          applicantType: 'individual',
          pinfl: '31234567890123',
          account: '1234567',
          meterSerial: 'CH-2231-77',
          phone: '+998901234567',
        },
        channel: 'desk',
        applicantType: 'individual',
        categories: ['social-register'],
      });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.total).to.equal(DISCOUNTED_FEE);
    expect(res.body.breakdown).to.deep.include({
      multiplier: 0.18,
      unitAmount: FULL_FEE,
      subtotal: FULL_FEE,
    });
    expect(res.body.breakdown.bhm).to.deep.include({ country: 'uz', value: 412_000 });
    expect(res.body.breakdown.discount).to.deep.equal({
      category: 'social-register',
      percent: 50,
      amount: 37_080,
    });
  });

  it('files at the desk and makes the invoice from the quote', async () => {
    const filed = await post('operator', '/inquiries')
      .set('Idempotency-Key', 'e2e-filing-0001')
      .send({
        serviceCode: 'water.meter-verification',
        channel: 'desk',
        applicant: {
          type: 'individual',
          pinfl: '31234567890123',
          lastName: 'Karimova',
          firstName: 'Dilnoza',
          phone: '+998901234567',
          locale: 'uz-Latn',
          categories: ['social-register'],
        },
        formData: {
          applicantType: 'individual',
          pinfl: '31234567890123',
          account: '1234567',
          meterSerial: 'CH-2231-77',
          phone: '+998901234567',
        },
      });
    expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
    const filedInquiry = filed.body.inquiry as { id: string; trackingNumber: string; version: number };
    inquiry = {
      id: filedInquiry.id,
      trackingNumber: filedInquiry.trackingNumber,
      version: filedInquiry.version,
    };
    expect(inquiry.trackingNumber).to.match(/^CHR-\d{4}-\d{6}$/);
    accessCode = platform.identity.accessCode(CITY, inquiry.id);
    const invoice = await eventually(
      () => get('operator', `/inquiries/${inquiry.id}/invoice`),
      (res) => res.status === 200,
    );
    expect(invoice.status, JSON.stringify(invoice.body)).to.equal(200);
    expect(invoice.body).to.deep.include({ status: 'issued', total: DISCOUNTED_FEE, paidAmount: 0 });
    const kinds = (invoice.body.lines as { kind: string; amount: number }[]).map((l) => [l.kind, l.amount]);
    expect(kinds).to.deep.equal([
      ['fee', FULL_FEE],
      ['discount', -DISCOUNTED_FEE],
    ]);
  });

  it('refuses to move on before the invoice is paid, then takes the money at the cash desk with a receipt', async () => {
    const early = await act('operator', 'confirm_payment');
    expect(early.status).to.be.oneOf([400, 409]);
    expect(JSON.stringify(early.body)).to.include('paid');
    const invoice = (await get('cashier', `/inquiries/${inquiry.id}/invoice`)).body as { id: string };
    const wrong = await post('cashier', `/invoices/${invoice.id}/payments`).send({
      amount: FULL_FEE,
      method: 'cash',
    });
    expect(wrong.status).to.equal(400);
    const paid = await post('cashier', `/invoices/${invoice.id}/payments`)
      .set('Idempotency-Key', 'e2e-desk-payment-1')
      .send({ amount: DISCOUNTED_FEE, method: 'cash' });
    expect(paid.status, JSON.stringify(paid.body)).to.equal(201);
    expect(paid.body.payment.receiptNumber).to.match(/^CHR-\d{4}-R000001$/);
    expect(paid.body.invoice.status).to.equal('paid');
    paymentId = paid.body.payment.id;
    const replay = await post('cashier', `/invoices/${invoice.id}/payments`)
      .set('Idempotency-Key', 'e2e-desk-payment-1')
      .send({ amount: DISCOUNTED_FEE, method: 'cash' });
    expect(replay.body.payment.id, 'a retried payment is the same payment').to.equal(paymentId);
    const receipt = await get('cashier', `/payments/${paymentId}/receipt/html`);
    expect(receipt.status).to.equal(200);
    expect(receipt.headers['content-type']).to.match(/^text\/html/);
    expect(receipt.text).to.include(paid.body.payment.receiptNumber).and.include('37\u00a0080');
    expect(receipt.text).to.include('@page');
  });

  it('moves on once paid, and the workflow issues the certificate that anyone can verify', async () => {
    expect((await act('operator', 'confirm_payment')).status).to.equal(200);
    const claimed = await post('officer', `/inquiries/${inquiry.id}/claim`).set(
      'If-Match',
      `"${inquiry.version}"`,
    );
    expect(claimed.status, JSON.stringify(claimed.body)).to.equal(200);
    inquiry.version = claimed.body.inquiry.version as number;
    const done = await act('officer', 'complete_verification');
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    const documents = await eventually(
      () => get('operator', `/inquiries/${inquiry.id}/documents`),
      (res) => res.status === 200 && (res.body.items as unknown[]).length > 0,
    );
    expect(documents.body.items, JSON.stringify(documents.body)).to.have.length(1);
    documentId = documents.body.items[0].id;
    const html = await get('operator', `/documents/${documentId}/html`);
    expect(html.status).to.equal(200);
    expect(html.text).to.include('<svg');
    certificateCode = VERIFICATION_CODE.exec(html.text)![1]!;
    const verified = await request(server.app).get(
      `/t/${CITY}/api/v1/document-verifications/${certificateCode}`,
    );
    expect(verified.status, JSON.stringify(verified.body)).to.equal(200);
    expect(verified.body).to.deep.include({ valid: true, status: 'valid', holderInitials: 'D. K.' });
    expect(JSON.stringify(verified.body)).not.to.include('Karimova');
    const page = await request(server.app).get(`/verify/${CITY}/${certificateCode}?lang=en`);
    expect(page.status).to.equal(200);
    expect(page.text).not.to.include('<script');
  });

  it('recorded what the applicant would have been told, in their language, with no SMS provider installed', async () => {
    const messages = await eventually(
      () => get('operator', `/inquiries/${inquiry.id}/notifications`),
      (res) =>
        res.status === 200 &&
        ['inquiry.filed', 'invoice.issued', 'payment.received', 'document.issued'].every((type) =>
          (res.body.items as { eventType: string }[]).some((m) => m.eventType === type),
        ),
    );
    const items = messages.body.items as {
      eventType: string;
      channelId: string;
      status: string;
      locale: string;
      body: string;
    }[];
    const events = items.map((m) => m.eventType);
    expect(events).to.include.members([
      'inquiry.filed',
      'invoice.issued',
      'payment.received',
      'document.issued',
    ]);
    for (const message of items) {
      expect(message).to.deep.include({ channelId: 'database', status: 'recorded', locale: 'uz-Latn' });
    }
    expect(items.find((m) => m.eventType === 'inquiry.filed')!.body).to.include(inquiry.trackingNumber);
  });

  it('lets the citizen rate once; a low rating opens a review for the agency’s supervisor', async () => {
    expect((await act('operator', 'hand_over')).status).to.equal(200);
    const rate = () =>
      request(server.app)
        .post(`/t/${CITY}/api/v1/track/${inquiry.trackingNumber}/rating`)
        .set('X-Access-Code', accessCode)
        .send({ score: 2, comment: 'Long queue at the cash desk' });
    const first = await rate();
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    const second = await rate();
    expect(second.status).to.equal(409);
    expect(second.body.code).to.equal('DARCHA_RATING_ALREADY_RATED');
    const reviews = await get('supervisor', '/rating-reviews');
    expect(reviews.status).to.equal(200);
    expect(
      (reviews.body.items as { inquiryId: string; status: string }[]).map((r) => [r.inquiryId, r.status]),
    ).to.deep.equal([[inquiry.id, 'open']]);
  });

  it('reports the revenue taken, to the soum, for the city and rolled up to its region', async () => {
    // Dates around today: the report reads them in the city's time zone (UTC+5), which is a day ahead
    // of UTC's date for five hours of every day.
    const from = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    const revenue = await get('supervisor', `/reports/revenue?from=${from}&to=${to}&groupBy=service`);
    expect(revenue.status, JSON.stringify(revenue.body)).to.equal(200);
    expect(revenue.body.total).to.deep.include({ gross: DISCOUNTED_FEE, refunds: 0, net: DISCOUNTED_FEE });
    const region = await platform.reports.revenue('uz.tashkent-region', {
      from,
      to,
      groupBy: 'service',
      scope: 'descendants',
    });
    expect(region.total).to.deep.include({ gross: DISCOUNTED_FEE, net: DISCOUNTED_FEE });
  });

  it('revokes the certificate with a reason, and verification says so', async () => {
    const revoked = await post('supervisor', `/documents/${documentId}/revocation`).send({
      reason: 'Issued for the wrong meter',
    });
    expect(revoked.status, JSON.stringify(revoked.body)).to.equal(200);
    const verified = await request(server.app).get(
      `/t/${CITY}/api/v1/document-verifications/${certificateCode}`,
    );
    expect(verified.body).to.deep.include({ valid: false, status: 'revoked' });
  });
});
