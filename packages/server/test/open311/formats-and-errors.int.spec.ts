import { expect } from 'chai';
import request from 'supertest';
import {
  CITIZEN,
  PINFL,
  engineName,
  openOpen311Fixture,
  parseXml,
  post,
  type Open311Fixture,
} from './open311-fixture.js';

describe(`Open311 formats and errors (${engineName})`, () => {
  let fx: Open311Fixture;
  before(async () => {
    fx = await openOpen311Fixture();
  });
  after(() => fx?.close());

  const app = () => request(fx.server.app);
  type ErrorsXml = { errors: { error: { code: string; description: string }[] } };

  it('answers 404 in XML for an unknown resource, and in JSON when the path ends in .json', async () => {
    for (const path of [
      '/open311',
      '/open311/v2',
      '/open311/v3/services.xml',
      '/open311/v2/services/a/b.xml',
      '/open311/v2/services',
    ]) {
      const res = await app().get(path);
      expect(res.status, path).to.equal(404);
      expect(res.headers['content-type'], path).to.equal('text/xml; charset=utf-8');
      const doc = parseXml(res.text) as ErrorsXml;
      expect(doc.errors.error[0]!.code).to.equal('404');
      expect(doc.errors.error[0]!.description).to.match(/^DARCHA_OPEN311_NOT_FOUND: /);
    }
    const json = await app().get('/open311/v2/things.json');
    expect(json.status).to.equal(404);
    expect(json.headers['content-type']).to.equal('application/json; charset=utf-8');
    expect(json.body[0]).to.deep.include({ code: 404 });
  });

  it('answers 404 for a format other than .xml and .json', async () => {
    for (const path of [
      '/open311/v2/services.html?jurisdiction_id=chirchik',
      '/open311/discovery.XML',
      '/open311/v2/requests.csv',
    ]) {
      const res = await app().get(path);
      expect(res.status, path).to.equal(404);
      expect((parseXml(res.text) as ErrorsXml).errors.error[0]!.description).to.match(
        /^DARCHA_OPEN311_FORMAT_UNSUPPORTED: /,
      );
    }
  });

  it('answers 405 with Allow for a method a resource does not take', async () => {
    const cases: [string, string, string][] = [
      ['delete', '/open311/v2/requests.json', 'GET, POST, HEAD'],
      ['put', '/open311/v2/services.xml', 'GET, HEAD'],
      ['post', '/open311/v2/services/gas.no-debt.json', 'GET, HEAD'],
      ['post', '/open311/discovery.json', 'GET, HEAD'],
      ['patch', '/open311/v2/tokens/x.xml', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await app()[method as 'delete'](path);
      expect(res.status, `${method} ${path}`).to.equal(405);
      expect(res.headers['allow']).to.equal(allow);
      const description = path.endsWith('.json')
        ? res.body[0].description
        : (parseXml(res.text) as ErrorsXml).errors.error[0]!.description;
      expect(description).to.match(/^DARCHA_OPEN311_METHOD_NOT_ALLOWED: /);
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await app().head('/open311/v2/services.xml?jurisdiction_id=chirchik');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/xml; charset=utf-8');
    expect(res.text ?? '').to.equal('');
  });

  it('keeps XML well formed whatever the text holds: markup escaped, characters XML cannot hold dropped', async () => {
    const created = await post(fx.server, {
      jurisdiction_id: 'chirchik',
      api_key: fx.keys.chirchik,
      service_code: 'streets.pothole',
      ...CITIZEN,
      'attribute[pinfl]': PINFL,
      'attribute[size]': 'small',
      address_string: 'Navoi <5> & "Bodom" \u0001\u001f street',
      description: ']]></description><x>&amp;',
    });
    expect(created.status, created.text).to.equal(201);
    const id = created.body[0].service_request_id as string;
    const xml = await app().get(`/open311/v2/requests/${id}.xml?jurisdiction_id=chirchik`);
    const [item] = (parseXml(xml.text) as { service_requests: { request: Record<string, string>[] } })
      .service_requests.request;
    expect(xml.text).to.include('<address>Navoi &lt;5&gt; &amp; &quot;Bodom&quot;  street</address>');
    expect(item!['address']).to.equal('Navoi <5> & "Bodom"  street');
    expect(item!['description']).to.equal(']]></description><x>&amp;');
    const json = await app().get(`/open311/v2/requests/${id}.json?jurisdiction_id=chirchik`);
    expect(json.body[0].address).to.equal('Navoi <5> & "Bodom" \u0001\u001f street');
    expect(json.body[0].description).to.equal(']]></description><x>&amp;');
  });

  it('answers an unexpected failure with a 500 Open311 error naming the request id, logs it, and never shows a stack', async () => {
    const catalog = fx.platform.catalog;
    const original = catalog.services.bind(catalog);
    const logged: unknown[] = [];
    const logger = fx.platform.logger;
    const originalError = logger.error.bind(logger);
    catalog.services = () => Promise.reject(new Error('connection reset at /srv/darcha/secret.ts:12'));
    logger.error = ((...args: unknown[]) => void logged.push(args)) as typeof logger.error;
    try {
      const res = await app()
        .get('/open311/v2/services.json?jurisdiction_id=chirchik')
        .set('x-request-id', 'req-open311-500');
      expect(res.status).to.equal(500);
      expect(res.body).to.deep.equal([
        {
          code: 500,
          description:
            'DARCHA_HTTP_INTERNAL: Something went wrong on our side. Quote request id req-open311-500 when reporting it.',
        },
      ]);
      expect(res.text).not.to.include('secret.ts');
      const entries = logged.map((args) => (args as [{ requestId?: string; err?: Error }])[0]);
      const entry = entries.find((e) => e.requestId === 'req-open311-500');
      expect(entry?.err?.message).to.equal('connection reset at /srv/darcha/secret.ts:12');
    } finally {
      catalog.services = original;
      logger.error = originalError;
    }
  });

  it('serves every city from the one endpoint, each with its own services and requests', async () => {
    for (const city of ['chirchik', 'djizak', 'namangan']) {
      const res = await app().get(`/open311/v2/services.json?jurisdiction_id=${city}`);
      expect(res.status, city).to.equal(200);
      expect(res.body.map((s: { service_code: string }) => s.service_code)).to.include('streets.pothole');
    }
    const namangan = await app().get('/open311/v2/requests.json?jurisdiction_id=namangan');
    expect(namangan.body).to.deep.equal([]);
  });
});
