import { expect } from 'chai';
import request from 'supertest';
import {
  CITIZEN,
  PINFL,
  backdate,
  engineName,
  openOpen311Fixture,
  parseXml,
  post,
  type Open311Fixture,
} from './open311-fixture.js';

const DAY = 86_400_000;
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const OFFSET_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+05:00$/;

describe(`Open311 GET requests and tokens (${engineName})`, () => {
  let fx: Open311Fixture;
  /** Tracking numbers: A pothole today (open), B certificate 10 days ago (completed), C certificate
   * 100 days ago (open), D pothole 30 days ago (rejected with a comment), E meter check 60 days ago
   * (in progress), and one of Djizak. */
  const ids = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'djizak', string>;

  before(async () => {
    fx = await openOpen311Fixture();
    const file = async (fields: Record<string, string>, tenant = 'chirchik', key = fx.keys.chirchik) => {
      const res = await post(fx.server, { jurisdiction_id: tenant, api_key: key, ...CITIZEN, ...fields });
      if (res.status !== 201) throw new Error(res.text);
      return (res.body as { service_request_id: string }[])[0]!.service_request_id;
    };
    const pothole = {
      service_code: 'streets.pothole',
      'attribute[pinfl]': PINFL,
      'attribute[size]': 'small',
      address_string: 'Amir Temur 12',
      lat: '41.4689',
      long: '69.5822',
      description: 'Hole at the bus stop',
    };
    const certificate = {
      service_code: 'gas.no-debt',
      'attribute[pinfl]': PINFL,
      'attribute[account]': '1234567',
    };
    ids.c = await file(certificate);
    ids.e = await file({
      service_code: 'water.meter-check',
      'attribute[tin]': '301234567',
      'attribute[organization_name]': 'Non LLC',
      'attribute[account]': '7654321',
    });
    ids.d = await file(pothole);
    ids.b = await file(certificate);
    ids.a = await file(pothole);
    ids.djizak = await file(certificate, 'djizak', fx.keys.djizak);
    const move = async (id: string, action: string, comment?: string) => {
      const inquiry = await fx.platform.engine.getByTrackingNumber('chirchik', id);
      await fx.platform.engine.transition(
        'chirchik',
        inquiry.id,
        { action, expectedVersion: inquiry.version, ...(comment ? { comment } : {}) },
        fx.officer,
      );
    };
    await move(ids.b, 'review');
    await move(ids.b, 'finish');
    await move(ids.d, 'review');
    await move(ids.d, 'reject', 'A duplicate: the hole is already reported');
    await move(ids.e, 'review');
    const now = Date.now();
    await backdate(fx.platform, 'chirchik', ids.b, new Date(now - 10 * DAY));
    await backdate(fx.platform, 'chirchik', ids.c, new Date(now - 100 * DAY));
    await backdate(fx.platform, 'chirchik', ids.d, new Date(now - 30 * DAY));
    await backdate(fx.platform, 'chirchik', ids.e, new Date(now - 60 * DAY));
  });
  after(() => fx?.close());

  const get = (query: string, format: 'json' | 'xml' = 'json', path = 'requests') =>
    request(fx.server.app).get(`/open311/v2/${path}.${format}?jurisdiction_id=chirchik&${query}`);
  const idsOf = (body: { service_request_id: string }[]) => body.map((r) => r.service_request_id);
  const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();

  it('lists the last 90 days, newest first, as a JSON array of the spec’s fields with string ids and offset dates', async () => {
    const res = await get('');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).to.equal('*');
    expect(idsOf(res.body)).to.deep.equal([ids.a, ids.b, ids.d, ids.e]);
    const [a, b, d, e] = res.body as Record<string, unknown>[];
    expect(Object.keys(a!)).to.deep.equal(REQUEST_FIELDS);
    expect(a).to.deep.include({
      status: 'open',
      status_notes: null,
      service_name: 'Pothole (ru)',
      service_code: 'streets.pothole',
      description: 'Hole at the bus stop',
      agency_responsible: 'City roads (ru)',
      address: 'Amir Temur 12',
      lat: 41.4689,
      long: 69.5822,
      address_id: null,
      media_url: null,
    });
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime']) {
      expect(a![field], field).to.match(OFFSET_DATE_TIME);
    }
    expect(b).to.deep.include({ status: 'closed', service_code: 'gas.no-debt', address: null, lat: null });
    expect(d).to.deep.include({
      status: 'closed',
      status_notes: 'A duplicate: the hole is already reported',
    });
    expect(e).to.deep.include({ status: 'open', agency_responsible: 'Vodokanal (ru)' });
  });

  it('never shows the applicant: no names, PINFL, TIN, phone, e-mail or other form fields', async () => {
    for (const format of ['json', 'xml'] as const) {
      const text = (await get('extensions=true', format)).text;
      for (const secret of [
        'Karimova',
        'Dilnoza',
        PINFL,
        '301234567',
        'Non LLC',
        '901234567',
        'd@example.uz',
        '1234567',
        'small',
      ]) {
        expect(text, `${format}: ${secret}`).not.to.include(secret);
      }
    }
  });

  it('writes XML under <service_requests> with one <request> each, in the same field order', async () => {
    const res = await get('', 'xml');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/xml; charset=utf-8');
    const requests = (parseXml(res.text) as { service_requests: { request: Record<string, string>[] } })
      .service_requests.request;
    expect(requests.map((r) => r['service_request_id'])).to.deep.equal([ids.a, ids.b, ids.d, ids.e]);
    expect(Object.keys(requests[0]!)).to.deep.equal(REQUEST_FIELDS);
    expect(requests[0]).to.deep.include({ lat: '41.4689', status: 'open', address_id: '' });
  });

  it('answers an empty <service_requests/> list when nothing matches', async () => {
    const res = await get('service_code=tax.none', 'xml');
    expect(res.status).to.equal(200);
    expect(parseXml(res.text)).to.deep.equal({ service_requests: '' });
    expect((await get('service_code=tax.none')).body).to.deep.equal([]);
  });

  it('filters by service_code (one or a comma list) and by status open, closed or both', async () => {
    expect(idsOf((await get('service_code=streets.pothole')).body)).to.deep.equal([ids.a, ids.d]);
    expect(idsOf((await get('service_code=streets.pothole,water.meter-check')).body)).to.deep.equal([
      ids.a,
      ids.d,
      ids.e,
    ]);
    expect(idsOf((await get('status=open')).body)).to.deep.equal([ids.a, ids.e]);
    expect(idsOf((await get('status=closed')).body)).to.deep.equal([ids.b, ids.d]);
    expect(idsOf((await get('status=open,closed')).body)).to.deep.equal([ids.a, ids.b, ids.d, ids.e]);
    expect(idsOf((await get('status=closed&service_code=gas.no-debt')).body)).to.deep.equal([ids.b]);
  });

  it('takes service_request_id as a comma list that overrides every other filter, even the window', async () => {
    const res = await get(
      `service_request_id=${ids.c},${ids.a},CHR-1999-000001,${ids.djizak},%3Cx%3E&status=closed`,
    );
    expect(res.status).to.equal(200);
    expect(idsOf(res.body)).to.deep.equal([ids.a, ids.c]);
  });

  it('filters by a start_date..end_date window, both ends included, with or without offsets', async () => {
    expect(idsOf((await get(`start_date=${isoDay(35)}&end_date=${isoDay(5)}`)).body)).to.deep.equal([
      ids.b,
      ids.d,
    ]);
    // One end alone spans 90 days from (or up to) it.
    expect(idsOf((await get(`start_date=${isoDay(105)}`)).body)).to.deep.equal([ids.d, ids.e, ids.c]);
    expect(idsOf((await get(`end_date=${isoDay(50)}`)).body)).to.deep.equal([ids.e, ids.c]);
    const local = new Date(Date.now() + 5 * 3_600_000 - 20 * DAY).toISOString().slice(0, 10);
    expect(idsOf((await get(`start_date=${local}`)).body)).to.deep.equal([ids.a, ids.b]);
  });

  it('refuses a window over 90 days, an inverted one, bad dates and bad statuses, each named', async () => {
    const wide = await get(`start_date=${isoDay(95)}&end_date=${isoDay(1)}`);
    expect(wide.status).to.equal(400);
    expect(wide.body[0].description).to.match(
      /^DARCHA_OPEN311_PARAMETER_INVALID: start_date: and end_date span more than 90 days/,
    );
    expect((await get(`start_date=${isoDay(1)}&end_date=${isoDay(2)}`)).body[0].description).to.include(
      'end_date: must not be before start_date',
    );
    const bad = await get('start_date=yesterday&status=pending&page_size=1001&extensions=maybe', 'xml');
    expect(bad.status).to.equal(400);
    const errors = (parseXml(bad.text) as { errors: { error: { code: string; description: string }[] } })
      .errors.error;
    expect(errors.map((e) => e.code)).to.deep.equal(['400', '400', '400', '400']);
    expect(errors.map((e) => e.description.split(': ')[1])).to.have.members([
      'start_date',
      'status',
      'page_size',
      'extensions',
    ]);
  });

  it('pages with page and page_size, linking to the next page', async () => {
    const first = await get('page_size=3');
    expect(idsOf(first.body)).to.deep.equal([ids.a, ids.b, ids.d]);
    expect(first.headers['link']).to.match(
      /^<\/open311\/v2\/requests\.json\?jurisdiction_id=chirchik&page_size=3&page=2>; rel="next"$/,
    );
    const second = await get('page_size=3&page=2');
    expect(idsOf(second.body)).to.deep.equal([ids.e]);
    expect(second.headers['link']).to.equal(undefined);
    expect((await get('page=0')).status).to.equal(400);
  });

  it('adds the detailed status and the public history as notes with extensions=true', async () => {
    const res = await get(`service_request_id=${ids.d}&extensions=true&locale=en`);
    expect(res.status).to.equal(200);
    const [d] = res.body as Record<string, unknown>[];
    expect(Object.keys(d!)).to.deep.equal([...REQUEST_FIELDS, 'detailed_status', 'notes']);
    expect(d!['detailed_status']).to.equal('rejected');
    const notes = d!['notes'] as { datetime: string; summary: string; description: string | null }[];
    expect(notes.map((n) => [n.summary, n.description])).to.deep.equal([
      ['Submitted', null],
      ['Taken into review', null],
      ['Rejected', 'A duplicate: the hole is already reported'],
    ]);
    expect(notes.every((n) => OFFSET_DATE_TIME.test(n.datetime))).to.equal(true);
    const xml = await get(`service_request_id=${ids.d}&extensions=true`, 'xml');
    const request0 = (parseXml(xml.text) as { service_requests: { request: Record<string, unknown>[] } })
      .service_requests.request[0]!;
    expect((request0['notes'] as { note: unknown[] }).note).to.have.length(3);
    expect(request0['detailed_status']).to.equal('rejected');
    expect((await get('extensions=true&page_size=101')).status).to.equal(400);
    expect(Object.keys((await get('extensions=false')).body[0])).to.deep.equal(REQUEST_FIELDS);
  });

  describe('one request', () => {
    it('is a list of one, in JSON and XML', async () => {
      const res = await request(fx.server.app).get(
        `/open311/v2/requests/${ids.d}.json?jurisdiction_id=chirchik`,
      );
      expect(res.status).to.equal(200);
      expect(res.body).to.have.length(1);
      expect(res.body[0]).to.deep.include({
        service_request_id: ids.d,
        status: 'closed',
        status_notes: 'A duplicate: the hole is already reported',
      });
      const xml = await request(fx.server.app).get(
        `/open311/v2/requests/${ids.c}.xml?jurisdiction_id=chirchik&extensions=true`,
      );
      const requests = (parseXml(xml.text) as { service_requests: { request: Record<string, unknown>[] } })
        .service_requests.request;
      expect(requests).to.have.length(1);
      expect(requests[0]).to.deep.include({
        service_request_id: ids.c,
        status: 'open',
        detailed_status: 'submitted',
      });
    });

    it('is a 404 when unknown, or of another city', async () => {
      for (const id of ['CHR-1999-000001', ids.djizak, 'x'.repeat(200)]) {
        const res = await request(fx.server.app).get(
          `/open311/v2/requests/${id}.json?jurisdiction_id=chirchik`,
        );
        expect(res.status, id).to.equal(404);
        expect(res.body[0].description).to.match(/^DARCHA_INQUIRY_NOT_FOUND: /);
      }
    });
  });

  describe('inquiries filed at the desk or on the portal', () => {
    it('are not GeoReport requests: neither listed, nor found by id, nor by token', async () => {
      const operator = await fx.platform.staff.create('chirchik', {
        displayName: 'Desk',
        roles: ['front_office'],
      });
      const { inquiry } = await fx.platform.engine.file(
        'chirchik',
        {
          serviceCode: 'gas.no-debt',
          applicant: {
            type: 'individual',
            pinfl: PINFL,
            lastName: 'Karimov',
            firstName: 'Aziz',
            locale: 'uz-Latn',
          },
          formData: { account: '1234567890' },
          channel: 'desk',
        },
        { id: operator.id, kind: 'staff', roles: ['front_office'] },
      );
      const list = await request(fx.server.app).get('/open311/v2/requests.json?jurisdiction_id=chirchik');
      expect(list.status).to.equal(200);
      expect((list.body as { service_request_id: string }[]).map((r) => r.service_request_id)).not.to.include(
        inquiry.trackingNumber,
      );
      for (const path of ['requests', 'tokens']) {
        const res = await request(fx.server.app).get(
          `/open311/v2/${path}/${inquiry.trackingNumber}.json?jurisdiction_id=chirchik`,
        );
        expect(res.status, path).to.equal(404);
      }
    });
  });

  describe('tokens', () => {
    it('answer the service_request_id of a token, which is the tracking number itself', async () => {
      const res = await request(fx.server.app).get(
        `/open311/v2/tokens/${ids.a}.json?jurisdiction_id=chirchik`,
      );
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal([{ service_request_id: ids.a, token: ids.a }]);
      const xml = await request(fx.server.app).get(
        `/open311/v2/tokens/${ids.a}.xml?jurisdiction_id=chirchik`,
      );
      expect(parseXml(xml.text)).to.deep.equal({
        service_requests: { request: [{ service_request_id: ids.a, token: ids.a }] },
      });
    });

    it('are a 404 when unknown', async () => {
      const res = await request(fx.server.app).get('/open311/v2/tokens/nope.xml?jurisdiction_id=chirchik');
      expect(res.status).to.equal(404);
      expect(parseXml(res.text)).to.have.property('errors');
    });
  });
});
