import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { open311Router } from '../../src/open311/open311-router.js';
import { publicWriteLimiter } from '../../src/infra/rate-limits.js';
import { requestContext } from '../../src/request-context.middleware.js';
import {
  CITIZEN,
  PINFL,
  countInquiries,
  engineName,
  openOpen311Fixture,
  parseXml,
  post,
  type Open311Fixture,
} from './open311-fixture.js';

describe(`Open311 POST requests (${engineName})`, () => {
  let fx: Open311Fixture;
  before(async () => {
    fx = await openOpen311Fixture();
  });
  after(() => fx?.close());

  const pothole = () => ({
    jurisdiction_id: 'chirchik',
    api_key: fx.keys.chirchik,
    service_code: 'streets.pothole',
    ...CITIZEN,
    'attribute[pinfl]': PINFL,
    address_string: 'Amir Temur 12',
    lat: '41.4689',
    long: '69.5822',
    description: 'Deep hole at the crossing',
    'attribute[size]': 'large',
  });

  /** Expects a refusal and that nothing was filed in any city. */
  async function refused(
    fields: Record<string, string | readonly string[]>,
    status: number,
    format: 'xml' | 'json' = 'json',
  ): Promise<{ code: number; description: string }[]> {
    const before = await Promise.all(['chirchik', 'djizak'].map((t) => countInquiries(fx.platform, t)));
    const res = await post(fx.server, fields, format);
    expect(res.status, res.text).to.equal(status);
    const after = await Promise.all(['chirchik', 'djizak'].map((t) => countInquiries(fx.platform, t)));
    expect(after).to.deep.equal(before);
    if (format === 'json') return res.body;
    const doc = parseXml(res.text) as { errors: { error: { code: string; description: string }[] } };
    return doc.errors.error.map((e) => ({ code: Number(e.code), description: e.description }));
  }

  it('files an inquiry with attribute[X] and attribute[X][] values and answers its tracking number (JSON)', async () => {
    const res = await post(fx.server, {
      ...pothole(),
      'attribute[hazards][]': ['traffic', 'water'],
      'attribute[depth_cm]': '12',
      'attribute[night]': 'true',
      'attribute[noticed_at]': '2026-03-01T21:30:00+05:00',
      'attribute[surface]': 'gravel',
    });
    expect(res.status, res.text).to.equal(201);
    expect(res.headers['content-type']).to.equal('application/json; charset=utf-8');
    expect(res.body).to.have.length(1);
    const [answer] = res.body as {
      service_request_id: string;
      service_notice: string | null;
      account_id: null;
    }[];
    expect(answer!.service_request_id)
      .to.be.a('string')
      .and.match(/^CHR-\d{4}-\d{6}$/);
    expect(answer).to.deep.include({ service_notice: null, account_id: null });
    const inquiry = await fx.platform.engine.getByTrackingNumber('chirchik', answer!.service_request_id);
    expect(inquiry).to.deep.include({
      serviceCode: 'streets.pothole',
      channel: 'api',
      locale: 'ru',
      publicStatus: 'submitted',
    });
    expect(inquiry.filedBy).to.match(/^api-key:/);
    expect(inquiry.formData).to.deep.equal({
      lat: 41.4689,
      long: 69.5822,
      address_string: 'Amir Temur 12',
      description: 'Deep hole at the crossing',
      size: 'large',
      hazards: ['traffic', 'water'],
      depth_cm: 12,
      night: true,
      noticed_at: '2026-03-01T21:30:00+05:00',
      surface: 'gravel',
    });
    expect(inquiry.applicant).to.deep.equal({
      type: 'individual',
      pinfl: PINFL,
      firstName: 'Dilnoza',
      lastName: 'Karimova',
      phone: '+998901234567',
      email: 'd@example.uz',
      locale: 'ru',
    });
  });

  it('takes a repeated attribute[X] as the values of a multivaluelist too, and answers in XML', async () => {
    const res = await post(
      fx.server,
      { ...pothole(), 'attribute[hazards]': ['pedestrians', 'traffic'] },
      'xml',
    );
    expect(res.status, res.text).to.equal(201);
    expect(res.headers['content-type']).to.equal('text/xml; charset=utf-8');
    const doc = parseXml(res.text) as { service_requests: { request: Record<string, string>[] } };
    const [answer] = doc.service_requests.request;
    expect(Object.keys(answer!)).to.deep.equal(['service_request_id', 'service_notice', 'account_id']);
    const inquiry = await fx.platform.engine.getByTrackingNumber('chirchik', answer!['service_request_id']!);
    expect(inquiry.formData['hazards']).to.deep.equal(['pedestrians', 'traffic']);
  });

  it('files for a business with attribute[tin] and keeps the location in the service’s note', async () => {
    const res = await post(fx.server, {
      jurisdiction_id: 'chirchik',
      api_key: fx.keys.chirchik,
      service_code: 'water.meter-check',
      first_name: 'Aziz',
      last_name: 'Olimov',
      'attribute[tin]': '301234567',
      'attribute[organization_name]': 'Chirchiq Non LLC',
      'attribute[account]': '1234567',
      lat: '41.47',
      long: '69.58',
      address_string: 'Navoi 5',
    });
    expect(res.status, res.text).to.equal(201);
    const inquiry = await fx.platform.engine.getByTrackingNumber('chirchik', res.body[0].service_request_id);
    expect(inquiry.applicant).to.deep.include({
      type: 'legal_entity',
      tin: '301234567',
      name: 'Chirchiq Non LLC',
    });
    expect(inquiry.formData).to.deep.equal({
      account: '1234567',
      note: 'lat: 41.47\nlong: 69.58\naddress_string: Navoi 5',
    });
    expect(res.body[0].service_notice).to.equal(null);
  });

  it('says which parameters a service without such fields did not keep', async () => {
    const res = await post(fx.server, {
      jurisdiction_id: 'chirchik',
      api_key: fx.keys.chirchik,
      service_code: 'gas.no-debt',
      ...CITIZEN,
      'attribute[pinfl]': PINFL,
      'attribute[account]': '7654321',
      lat: '41.47',
      long: '69.58',
    });
    expect(res.status, res.text).to.equal(201);
    expect(res.body[0].service_notice).to.equal(
      'Not kept, as service "gas.no-debt" has no field for them: lat, long.',
    );
    const inquiry = await fx.platform.engine.getByTrackingNumber('chirchik', res.body[0].service_request_id);
    expect(inquiry.formData).to.deep.equal({ account: '7654321' });
  });

  it('replays the first filing for a retry with the same Idempotency-Key', async () => {
    const fields = { ...pothole(), 'attribute[landmark]': 'idempotent' };
    const headers = { 'Idempotency-Key': 'open311-retry-0001' };
    const first = await post(fx.server, fields, 'json', headers);
    const count = await countInquiries(fx.platform, 'chirchik');
    const second = await post(fx.server, fields, 'json', headers);
    expect([first.status, second.status]).to.deep.equal([201, 200]);
    expect(second.body).to.deep.equal(first.body);
    expect(await countInquiries(fx.platform, 'chirchik')).to.equal(count);
  });

  describe('api_key', () => {
    it('is required: 403 without one, in XML and JSON', async () => {
      const { api_key: _omitted, ...fields } = pothole();
      const errors = await refused(fields, 403, 'xml');
      expect(errors).to.have.length(1);
      expect(errors[0]).to.deep.include({ code: 403 });
      expect(errors[0]!.description).to.match(/^DARCHA_OPEN311_API_KEY_INVALID: /);
      expect((await refused(fields, 403))[0]!.code).to.equal(403);
    });

    it('answers a revoked key, another city’s key and a made-up key exactly alike', async () => {
      const answers: { code: number; description: string }[][] = [];
      for (const key of [fx.keys.revoked, fx.keys.djizak, 'dk_chirchik_not-a-key', 'x'.repeat(1000)]) {
        answers.push(await refused({ ...pothole(), api_key: key }, 403));
      }
      expect(answers.every((a) => JSON.stringify(a) === JSON.stringify(answers[0]))).to.equal(true);
    });

    it('of Djizak files in Djizak', async () => {
      const res = await post(fx.server, { ...pothole(), jurisdiction_id: 'djizak', api_key: fx.keys.djizak });
      expect(res.status, res.text).to.equal(201);
      expect(res.body[0].service_request_id).to.match(/^DJZ-/);
    });
  });

  describe('jurisdiction', () => {
    it('is required (400), from the body or the query string', async () => {
      const { jurisdiction_id: _omitted, ...fields } = pothole();
      const errors = await refused(fields, 400);
      expect(errors[0]!.description).to.match(/^DARCHA_OPEN311_JURISDICTION_REQUIRED: /);
      const res = await request(fx.server.app)
        .post('/open311/v2/requests.json?jurisdiction_id=chirchik')
        .type('form')
        .send(new URLSearchParams(fields).toString());
      expect(res.status, res.text).to.equal(201);
    });

    it('unknown or suspended is a 404, before the key is looked at', async () => {
      for (const id of ['tashkent', 'angren']) {
        const errors = await refused({ ...pothole(), jurisdiction_id: id }, 404);
        expect(errors[0]!.description).to.match(/^DARCHA_OPEN311_JURISDICTION_NOT_FOUND: /);
      }
    });
  });

  describe('invalid parameters', () => {
    it('lists each invalid attribute as its own error and files nothing', async () => {
      const errors = await refused(
        {
          ...pothole(),
          'attribute[size]': 'huge',
          'attribute[depth_cm]': '500',
          'attribute[hazards][]': ['fire'],
          address_string: '',
        },
        400,
      );
      expect(errors.every((e) => e.code === 400)).to.equal(true);
      const fields = errors.map((e) => /^DARCHA_INQUIRY_FORM_INVALID: ([^:]+):/.exec(e.description)?.[1]);
      expect(fields).to.have.members([
        'attribute[size]',
        'attribute[depth_cm]',
        'attribute[hazards]/0',
        'address_string',
      ]);
    });

    it('refuses unknown attributes, standard parameters sent as attributes, and malformed keys', async () => {
      const errors = await refused(
        {
          ...pothole(),
          'attribute[colour]': 'red',
          'attribute[lat]': '41',
          'attribute[a][b]': 'x',
          'attribute[size][]': ['small', 'large'],
        },
        400,
      );
      expect(errors.map((e) => e.description.split(':').slice(0, 2).join(':'))).to.have.members([
        'DARCHA_OPEN311_PARAMETER_INVALID: attribute[colour]',
        'DARCHA_OPEN311_PARAMETER_INVALID: attribute[lat]',
        'DARCHA_OPEN311_PARAMETER_INVALID: attribute[a][b]',
        'DARCHA_OPEN311_PARAMETER_INVALID: attribute[size]',
      ]);
    });

    it('refuses a citizen’s service without the PINFL, names and a valid phone, with a clear reason each', async () => {
      const { first_name: _f, 'attribute[pinfl]': _p, ...fields } = pothole();
      const errors = await refused({ ...fields, phone: '12345', email: 'not-an-email' }, 400);
      const byField = new Map(errors.map((e) => [e.description.split(': ')[1], e.description]));
      expect([...byField.keys()]).to.have.members(['attribute[pinfl]', 'first_name', 'phone', 'email']);
      expect(byField.get('attribute[pinfl]')).to.include('is filed for a citizen, identified by their PINFL');
    });

    it('refuses a missing or unknown service_code, a desk-only service, and a description over 4000 characters', async () => {
      const { service_code: _omitted, ...fields } = pothole();
      expect((await refused(fields, 400))[0]!.description).to.include('service_code: is required');
      for (const code of ['gas.desk-only', 'gas.unknown']) {
        expect((await refused({ ...pothole(), service_code: code }, 400))[0]!.description).to.include(
          'service_code:',
        );
      }
      expect(
        (await refused({ ...pothole(), description: 'x'.repeat(4001) }, 400))[0]!.description,
      ).to.include('description: must be at most 4000 characters');
    });
  });

  describe('bodies', () => {
    // Sent as given: superagent would otherwise serialise a Buffer as a form of its bytes.
    const send = (contentType: string, body: string | Buffer) =>
      request(fx.server.app)
        .post('/open311/v2/requests.json')
        .set('content-type', contentType)
        .serialize((data: unknown) => data as string) // a Buffer passes through as bytes
        .send(body);

    it('answers 415 for JSON, multipart and non-UTF-8 charsets, in the format of the path', async () => {
      for (const type of [
        'application/json',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded; charset=iso-8859-1',
      ]) {
        const res = await send(type, '{"jurisdiction_id":"chirchik"}');
        expect(res.status, type).to.equal(415);
        expect(res.body[0]).to.deep.include({ code: 415 });
        expect(res.body[0].description).to.match(/^DARCHA_OPEN311_CONTENT_TYPE_UNSUPPORTED: /);
      }
    });

    it('answers 400 for bytes or %-escapes that are not UTF-8, and writes nothing', async () => {
      const count = await countInquiries(fx.platform, 'chirchik');
      const body = new URLSearchParams(pothole()).toString();
      for (const bad of [
        `${body}&description=%FF%FE`,
        Buffer.concat([Buffer.from(`${body}&description=`), Buffer.from([0xc3, 0x28])]),
      ]) {
        const res = await send('application/x-www-form-urlencoded', bad);
        expect(res.status).to.equal(400);
        expect(res.body[0].description).to.match(/^DARCHA_OPEN311_ENCODING_INVALID: /);
      }
      expect(await countInquiries(fx.platform, 'chirchik')).to.equal(count);
    });

    it('answers 413 for a body over 100 kB, as an Open311 error', async () => {
      const res = await send('application/x-www-form-urlencoded', `description=${'x'.repeat(110_000)}`);
      expect(res.status).to.equal(413);
      expect(res.body[0]).to.deep.include({ code: 413 });
      expect(res.body[0].description).to.match(/^DARCHA_HTTP_BODY_INVALID: /);
    });
  });

  it('limits POSTs per client with the public write limiter', async () => {
    const app = express()
      .use(requestContext())
      .use('/open311', open311Router(fx.platform, { writeLimiter: publicWriteLimiter({ limit: 2 }) }));
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await request(app).post('/open311/v2/requests.json').type('form').send('jurisdiction_id=chirchik'))
          .status,
      );
    }
    expect(statuses).to.deep.equal([403, 403, 429]);
    const read = await request(app).get('/open311/v2/services.json?jurisdiction_id=chirchik');
    expect(read.status).to.equal(200);
  });
});
