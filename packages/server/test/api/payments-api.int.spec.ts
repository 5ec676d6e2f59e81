import {
  definePlugin,
  demoPaymentProvider,
  loadConfig,
  openPlatform,
  signDemoCallback,
  type Inquiry,
  type Platform,
  type ServiceDefinition,
  type WorkflowDefinition,
} from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import { expect } from 'chai';
import request from 'supertest';
import { createServer, type DarchaServer } from '../../src/create-server.js';
import { APPLICANT, PASSWORD, signIn } from './api-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const SECRET = 'demo-provider-secret-of-the-api-test';
const FEE = 150_000;

const workflow: WorkflowDefinition = {
  key: 'agency-paid/connection',
  version: 1,
  names: { en: 'Paid connection' },
  states: {
    awaiting_payment: {
      type: 'start',
      publicStatus: 'action_required',
      names: { en: 'Awaiting payment' },
      candidateRole: 'front_office',
    },
    in_review: {
      type: 'normal',
      publicStatus: 'in_progress',
      names: { en: 'In review' },
      candidateRole: 'back_office',
    },
    done: { type: 'terminal', publicStatus: 'completed', names: { en: 'Done' } },
  },
  transitions: [
    {
      action: 'confirm_payment',
      from: ['awaiting_payment'],
      to: 'in_review',
      roles: ['front_office'],
      requires: { payment: true },
      names: { en: 'Confirm payment' },
    },
    { action: 'finish', from: ['in_review'], to: 'done', roles: ['back_office'], names: { en: 'Finish' } },
  ],
};

const SERVICE: ServiceDefinition = {
  code: 'paid.connection',
  version: 1,
  names: { 'uz-Latn': 'Ulanish', 'uz-Cyrl': 'Уланиш', ru: 'Подключение', en: 'Connection' },
  category: 'utilities.paid',
  agencyKind: 'gas',
  applicantTypes: ['individual', 'legal_entity'],
  kind: 'service',
  channels: ['desk', 'online', 'api'],
  form: { type: 'object', properties: {}, additionalProperties: false },
  documents: [],
  fee: { free: false, rule: 'core/schedule', params: { amount: { sum: FEE } } },
  sla: { unit: 'working_days', value: 3 },
  workflow: 'agency-paid/connection',
};

interface City {
  tenantId: string;
  staff: Record<string, string>;
}

describe(`payments API (${engine})`, function () {
  this.timeout(120_000);
  let platform: Platform;
  let server: DarchaServer;
  const cities: Record<string, City> = {};
  const agents: Record<string, { agent: ReturnType<typeof request.agent>; csrf: string }> = {};

  const as = (who: string) => agents[who]!;
  const post = (who: string, path: string) =>
    as(who).agent.post(`/api/v1${path}`).set('X-CSRF-Token', as(who).csrf);
  const get = (who: string, path: string) => as(who).agent.get(`/api/v1${path}`);

  async function setUpCity(tenantId: string, prefix: string): Promise<City> {
    await platform.tenants.create({
      id: tenantId,
      kind: 'city',
      parentId: 'uz',
      names: { 'uz-Latn': tenantId },
      settings: { inquiries: { trackingPrefix: prefix } },
    });
    await platform.plugins.tenantPlugins.enable(tenantId, 'agency-paid');
    await platform.agencies.upsertAgency(tenantId, {
      code: 'gorgas',
      kind: 'gas',
      names: { en: 'Gorgas' },
      contacts: {},
      workingHours: {},
      active: true,
    });
    await platform.catalog.setEntry(tenantId, {
      serviceCode: SERVICE.code,
      offered: true,
      agencyCode: 'gorgas',
    });
    const staff: Record<string, string> = {};
    for (const [login, roles] of [
      ['front', ['front_office']],
      ['officer', ['back_office']],
      ['cashier', ['cashier']],
      ['cashier2', ['cashier']],
      ['supervisor', ['supervisor']],
    ] as const) {
      const member = await platform.staff.create(tenantId, { displayName: login, roles: [...roles] });
      await platform.identity.setStaffCredentials(tenantId, member.id, { login, password: PASSWORD });
      staff[login] = member.id;
    }
    return { tenantId, staff };
  }

  const file = async (tenantId = 'chirchik'): Promise<Inquiry> =>
    (
      await platform.engine.file(
        tenantId,
        { serviceCode: SERVICE.code, applicant: { ...APPLICANT }, formData: {}, channel: 'desk' },
        { id: cities[tenantId]!.staff['front']!, kind: 'staff', roles: ['front_office'] },
      )
    ).inquiry;

  before(async () => {
    const plugin = definePlugin({
      id: 'agency-paid',
      version: '1.0.0',
      kind: 'agency',
      engines: { darcha: '^1.0.0' },
      categories: [{ id: 'utilities.paid', names: { en: 'Paid' } }],
      services: [SERVICE],
      workflows: [workflow],
      paymentProviders: [demoPaymentProvider({ secret: SECRET })],
    });
    const config = loadConfig({
      env: { DARCHA_RATE_LIMIT_SIGN_IN: '100000', DARCHA_RATE_LIMIT_PUBLIC_WRITE: '100000' },
      overrides: { logLevel: 'silent' },
    });
    platform = await openPlatform({
      config,
      db: await openTestDatabase(),
      plugins: [{ plugin, source: 'inline' }],
    });
    await platform.tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    cities['chirchik'] = await setUpCity('chirchik', 'CHR');
    cities['djizak'] = await setUpCity('djizak', 'DJZ');
    server = createServer({ platform });
    for (const login of ['front', 'officer', 'cashier', 'cashier2', 'supervisor']) {
      agents[login] = await signIn(server, 'chirchik', login);
    }
    agents['djizak-cashier'] = await signIn(server, 'djizak', 'cashier');
  });
  after(() => platform.close());

  it('makes the invoice when the inquiry is filed (outbox), and shows it to staff and to the citizen', async () => {
    const inquiry = await file();
    await platform.outbox.runOnce();
    const res = await get('front', `/inquiries/${inquiry.id}/invoice`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body).to.include({ status: 'issued', total: FEE, outstanding: FEE, inquiryId: inquiry.id });
    expect(res.body.payments).to.deep.equal([]);
    const code = platform.identity.accessCode('chirchik', inquiry.id);
    const citizen = await request(server.app)
      .get(`/t/chirchik/api/v1/track/${inquiry.trackingNumber}/invoice`)
      .set('X-Access-Code', code);
    expect(citizen.status).to.equal(200);
    expect(citizen.body.id).to.equal(res.body.id);
    const wrong = await request(server.app)
      .get(`/t/chirchik/api/v1/track/${inquiry.trackingNumber}/invoice`)
      .set('X-Access-Code', 'WRONG-CODE');
    expect(wrong.status).to.equal(404);
  });

  it('takes a desk payment (idempotent), prints the receipt data, and opens the payment step', async () => {
    const inquiry = await file();
    const made = await post('front', `/inquiries/${inquiry.id}/invoice`);
    expect(made.status, JSON.stringify(made.body)).to.equal(201);
    const again = await post('front', `/inquiries/${inquiry.id}/invoice`);
    expect(again.body.id).to.equal(made.body.id);
    const refused = await post('front', `/invoices/${made.body.id}/payments`).send({
      amount: FEE,
      method: 'cash',
    });
    expect(refused.status).to.equal(403);
    const wrong = await post('cashier', `/invoices/${made.body.id}/payments`).send({
      amount: FEE - 1,
      method: 'cash',
    });
    expect([wrong.status, wrong.body.code]).to.deep.equal([400, 'DARCHA_PAYMENT_AMOUNT_INVALID']);
    const key = `desk-${inquiry.id}`;
    const paid = await post('cashier', `/invoices/${made.body.id}/payments`)
      .set('Idempotency-Key', key)
      .send({ amount: FEE, method: 'cash' });
    expect(paid.status, JSON.stringify(paid.body)).to.equal(201);
    expect(paid.body.payment.receiptNumber).to.match(/^CHR-\d{4}-R\d{6}$/);
    expect(paid.body.invoice.status).to.equal('paid');
    const replay = await post('cashier', `/invoices/${made.body.id}/payments`)
      .set('Idempotency-Key', key)
      .send({ amount: FEE, method: 'cash' });
    expect(replay.status).to.equal(200);
    expect(replay.body.payment.id).to.equal(paid.body.payment.id);
    const receipt = await get('cashier', `/payments/${paid.body.payment.id}/receipt`);
    expect(receipt.status).to.equal(200);
    expect(receipt.body).to.include({
      total: FEE,
      method: 'cash',
      cashierName: 'cashier',
      payerName: 'Karimova Dilnoza',
    });
    const moved = await post('front', `/inquiries/${inquiry.id}/transitions`)
      .set('If-Match', `"${inquiry.version}"`)
      .send({ action: 'confirm_payment' });
    expect(moved.status, JSON.stringify(moved.body)).to.be.oneOf([200, 201]);
  });

  it('pays through the provider: citizen start, signed callback once, forged and mismatched callbacks refused', async () => {
    const inquiry = await file();
    await platform.outbox.runOnce();
    const code = platform.identity.accessCode('chirchik', inquiry.id);
    const started = await request(server.app)
      .post(`/t/chirchik/api/v1/track/${inquiry.trackingNumber}/provider-payments`)
      .set('X-Access-Code', code)
      .send({ providerId: 'demo-pay' });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    expect(started.body).to.include({ status: 'pending', amount: FEE });
    const reference = started.body.providerReference as string;
    const callback = (body: object) =>
      request(server.app).post('/t/chirchik/api/v1/payment-callbacks/demo-pay').send(body);
    const forged = await callback({
      ...signDemoCallback(SECRET, { reference, status: 'paid', amount: FEE }),
      signature: '00'.repeat(32),
    });
    expect([forged.status, forged.body.code]).to.deep.equal([403, 'DARCHA_PAYMENT_CALLBACK_REFUSED']);
    const mismatch = await callback(signDemoCallback(SECRET, { reference, status: 'paid', amount: 1 }));
    expect([mismatch.status, mismatch.body.code]).to.deep.equal([409, 'DARCHA_PAYMENT_AMOUNT_MISMATCH']);
    const body = signDemoCallback(SECRET, { reference, status: 'paid', amount: FEE });
    const [one, two] = await Promise.all([callback(body), callback(body)]);
    expect([one.status, two.status]).to.deep.equal([200, 200]);
    expect([one.body.replayed, two.body.replayed].sort()).to.deep.equal([false, true]);
    expect(one.body.receiptNumber).to.equal(two.body.receiptNumber);
    const invoice = await get('cashier', `/inquiries/${inquiry.id}/invoice`);
    expect(invoice.body).to.include({ status: 'paid', paidAmount: FEE });
    // Another city's path knows no such payment.
    const elsewhere = await request(server.app)
      .post('/t/djizak/api/v1/payment-callbacks/demo-pay')
      .send(body);
    expect([elsewhere.status, elsewhere.body.code]).to.deep.equal([403, 'DARCHA_PAYMENT_CALLBACK_REFUSED']);
  });

  it('requests, approves and bounds refunds, four eyes', async () => {
    const inquiry = await file();
    const invoice = (await post('front', `/inquiries/${inquiry.id}/invoice`)).body as { id: string };
    const paid = await post('cashier', `/invoices/${invoice.id}/payments`).send({
      amount: FEE,
      method: 'card',
    });
    const paymentId = paid.body.payment.id as string;
    const tooMuch = await post('cashier', `/payments/${paymentId}/refunds`).send({
      amount: FEE + 1,
      reason: 'x',
    });
    expect([tooMuch.status, tooMuch.body.code]).to.deep.equal([409, 'DARCHA_PAYMENT_REFUND_TOO_LARGE']);
    const noReason = await post('cashier', `/payments/${paymentId}/refunds`).send({ amount: 1000 });
    expect(noReason.status).to.equal(400);
    const refund = await post('cashier', `/payments/${paymentId}/refunds`).send({
      amount: 50_000,
      reason: 'overpaid',
    });
    expect(refund.status, JSON.stringify(refund.body)).to.equal(201);
    const byCashier = await post('cashier2', `/refunds/${refund.body.id}/approval`).send({});
    expect(byCashier.status).to.equal(403);
    const approved = await post('supervisor', `/refunds/${refund.body.id}/approval`).send({ note: 'ok' });
    expect([approved.status, approved.body.status]).to.deep.equal([200, 'approved']);
    const twice = await post('supervisor', `/refunds/${refund.body.id}/rejection`).send({ note: 'no' });
    expect([twice.status, twice.body.code]).to.deep.equal([409, 'DARCHA_PAYMENT_REFUND_DECIDED']);
    const payment = await get('cashier', `/payments/${paymentId}`);
    expect(payment.body.refundedAmount).to.equal(50_000);
    expect(payment.body.refunds).to.have.length(1);
  });

  it('lists and cancels invoices; another city neither sees nor pays them', async () => {
    const inquiry = await file();
    const invoice = (await post('front', `/inquiries/${inquiry.id}/invoice`)).body as { id: string };
    const list = await get('cashier', '/invoices?status=issued&limit=5');
    expect(list.status).to.equal(200);
    expect(list.body.items.length).to.be.at.most(5);
    const other = await as('djizak-cashier').agent.get(`/api/v1/invoices/${invoice.id}`);
    expect(other.status).to.equal(404);
    const otherPay = await as('djizak-cashier')
      .agent.post(`/api/v1/invoices/${invoice.id}/payments`)
      .set('X-CSRF-Token', as('djizak-cashier').csrf)
      .send({ amount: FEE, method: 'cash' });
    expect([otherPay.status, otherPay.body.code]).to.deep.equal([404, 'DARCHA_PAYMENT_INVOICE_NOT_FOUND']);
    const cancelled = await post('cashier', `/invoices/${invoice.id}/cancellation`).send({
      reason: 'filed twice',
    });
    expect([cancelled.status, cancelled.body.status]).to.deep.equal([200, 'cancelled']);
  });

  it('shows an agency’s officer the money of their agency’s inquiries only', async () => {
    await platform.agencies.upsertAgency('chirchik', {
      code: 'vodokanal',
      kind: 'water',
      names: { en: 'Vodokanal' },
      contacts: {},
      workingHours: {},
      active: true,
    });
    const member = await platform.staff.create('chirchik', {
      displayName: 'water officer',
      roles: ['back_office'],
      agencyCodes: ['vodokanal'],
    });
    await platform.identity.setStaffCredentials('chirchik', member.id, {
      login: 'water',
      password: PASSWORD,
    });
    agents['water'] = await signIn(server, 'chirchik', 'water');
    const inquiry = await file();
    const made = await post('cashier', `/inquiries/${inquiry.id}/invoice`).send({});
    expect(made.status, JSON.stringify(made.body)).to.be.oneOf([200, 201]);
    const paid = await post('cashier', `/invoices/${made.body.id}/payments`).send({
      amount: FEE,
      method: 'cash',
    });
    expect(paid.status, JSON.stringify(paid.body)).to.equal(201);
    const paymentId = paid.body.payment.id as string;
    for (const path of [
      `/invoices/${made.body.id}`,
      `/payments/${paymentId}`,
      `/payments/${paymentId}/receipt`,
      `/payments/${paymentId}/receipt/html`,
    ]) {
      expect((await get('water', path)).status, path).to.equal(404);
      expect((await get('officer', path)).status, `${path} for an officer of every agency`).to.equal(200);
    }
    const list = await get('water', '/invoices');
    expect(list.status).to.equal(200);
    expect(list.body.items).to.deep.equal([]);
    expect((await get('officer', '/invoices')).body.items.length).to.be.greaterThan(0);
  });
});
