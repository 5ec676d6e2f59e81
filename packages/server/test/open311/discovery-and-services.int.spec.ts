import { expect } from 'chai';
import request from 'supertest';
import { engineName, openOpen311Fixture, parseXml, type Open311Fixture } from './open311-fixture.js';

describe(`Open311 discovery and services (${engineName})`, () => {
  let fx: Open311Fixture;
  before(async () => {
    fx = await openOpen311Fixture();
  });
  after(() => fx?.close());

  const get = (path: string) => request(fx.server.app).get(path);

  describe('discovery', () => {
    it('lists the v2 endpoint in XML under <discovery>, with both formats and a changeset', async () => {
      const res = await get('/open311/discovery.xml').set('host', 'oss.example.uz');
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('text/xml; charset=utf-8');
      const doc = parseXml(res.text) as {
        discovery: { changeset: string; endpoints: { endpoint: Record<string, unknown>[] } };
      };
      expect(doc.discovery.changeset).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const [endpoint] = doc.discovery.endpoints.endpoint;
      expect(endpoint).to.include({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://oss.example.uz/open311/v2',
        type: 'production',
      });
      expect(endpoint!['formats']).to.deep.equal({ format: ['text/xml', 'application/json'] });
    });

    it('answers the same document as a JSON object', async () => {
      const res = await get('/open311/discovery.json').set('host', 'oss.example.uz');
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('application/json; charset=utf-8');
      expect(res.body.endpoints).to.have.length(1);
      expect(res.body.endpoints[0]).to.deep.include({
        url: 'http://oss.example.uz/open311/v2',
        formats: ['text/xml', 'application/json'],
      });
      expect(res.body.endpoints[0].changeset).to.equal(res.body.changeset);
      expect(res.body.key_service).to.be.a('string').and.not.empty;
    });

    it('needs no jurisdiction', async () => {
      expect((await get('/open311/discovery.json')).status).to.equal(200);
    });
  });

  describe('services', () => {
    it('lists the services a city offers on the api channel, in XML, in the city’s language', async () => {
      const res = await get('/open311/v2/services.xml?jurisdiction_id=chirchik');
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('text/xml; charset=utf-8');
      const services = (parseXml(res.text) as { services: { service: Record<string, string>[] } }).services
        .service;
      expect(services.map((s) => s.service_code)).to.deep.equal([
        'gas.no-debt',
        'streets.pothole',
        'water.meter-check',
      ]);
      expect(services[1]).to.deep.equal({
        service_code: 'streets.pothole',
        service_name: 'Pothole (ru)',
        description: 'Яма на дороге',
        metadata: 'true',
        type: 'batch',
        keywords: 'дорога, яма',
        group: 'Streets (ru)',
      });
    });

    it('lists them as a JSON array with typed values, in the locale asked for', async () => {
      const res = await get('/open311/v2/services.json?jurisdiction_id=chirchik&locale=en');
      expect(res.status).to.equal(200);
      expect(res.body).to.be.an('array').with.length(3);
      expect(res.body[1]).to.deep.equal({
        service_code: 'streets.pothole',
        service_name: 'Pothole',
        description: 'A hole in the road surface',
        metadata: true,
        type: 'batch',
        keywords: 'road, hole',
        group: 'Streets',
      });
    });

    it('refuses an unknown locale with a 400 naming the parameter', async () => {
      const res = await get('/open311/v2/services.json?jurisdiction_id=chirchik&locale=fr');
      expect(res.status).to.equal(400);
      expect(res.body[0].description).to.match(/^DARCHA_OPEN311_PARAMETER_INVALID: locale: /);
    });

    it('answers 400 without a jurisdiction and 404 for an unknown or suspended one, in both formats', async () => {
      const missing = await get('/open311/v2/services.xml');
      expect(missing.status).to.equal(400);
      const doc = parseXml(missing.text) as { errors: { error: { code: string; description: string }[] } };
      expect(doc.errors.error[0]!.code).to.equal('400');
      expect(doc.errors.error[0]!.description).to.match(/^DARCHA_OPEN311_JURISDICTION_REQUIRED: /);
      for (const id of ['tashkent', 'angren', 'NOT A CITY']) {
        const res = await get(`/open311/v2/services.json?jurisdiction_id=${encodeURIComponent(id)}`);
        expect(res.status, id).to.equal(404);
        expect(res.body).to.deep.equal([{ code: 404, description: res.body[0].description }]);
        expect(res.body[0].description).to.match(/^DARCHA_OPEN311_JURISDICTION_NOT_FOUND: /);
      }
    });
  });

  describe('service definitions', () => {
    it('generates one attribute per datatype from the form schema, in ui order, after the applicant’s PINFL', async () => {
      const res = await get('/open311/v2/services/streets.pothole.json?jurisdiction_id=chirchik&locale=en');
      expect(res.status).to.equal(200);
      expect(res.body.service_code).to.equal('streets.pothole');
      const attributes = res.body.attributes as Record<string, unknown>[];
      expect(attributes.map((a) => [a['code'], a['datatype'], a['required'], a['order']])).to.deep.equal([
        ['pinfl', 'string', true, 1],
        ['size', 'singlevaluelist', true, 2],
        ['hazards', 'multivaluelist', false, 3],
        ['depth_cm', 'number', false, 4],
        ['noticed_at', 'datetime', false, 5],
        ['details', 'text', false, 6],
        ['landmark', 'string', false, 7],
        ['night', 'singlevaluelist', false, 8],
        ['surface', 'singlevaluelist', false, 9],
      ]);
      const byCode = new Map(attributes.map((a) => [a['code'], a]));
      expect(byCode.get('size')).to.deep.equal({
        variable: true,
        code: 'size',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 2,
        description: 'size',
        values: [
          { key: 'small', name: 'small' },
          { key: 'medium', name: 'medium' },
          { key: 'large', name: 'large' },
        ],
      });
      expect(byCode.get('hazards')!['values']).to.have.length(3);
      expect(byCode.get('hazards')!['datatype_description']).to.equal(
        'at least 1 value; one or more of the values',
      );
      expect(byCode.get('depth_cm')).to.include({
        description: 'Measure at the deepest point',
        datatype_description: 'whole number, from 1 to 100',
      });
      expect(byCode.get('depth_cm')).not.to.have.property('values');
      expect(byCode.get('landmark')).to.include({
        description: 'Landmark',
        datatype_description: 'at most 100 characters; e.g. Next to school 12',
      });
      expect(byCode.get('night')!['values']).to.deep.equal([
        { key: 'true', name: 'Yes' },
        { key: 'false', name: 'No' },
      ]);
      expect(byCode.get('surface')!['values']).to.deep.equal([
        { key: 'asphalt', name: 'Asphalt' },
        { key: 'gravel', name: 'Gravel' },
      ]);
      // Standard parameters (lat, long, address_string, description, media_url) are not attributes;
      // a list of free strings cannot be expressed.
      for (const code of ['lat', 'long', 'address_string', 'description', 'media_url', 'photos']) {
        expect(byCode.has(code), code).to.equal(false);
      }
    });

    it('writes the definition in XML under <service_definition>, with <attributes>, <attribute>, <values>, <value>', async () => {
      const res = await get('/open311/v2/services/streets.pothole.xml?jurisdiction_id=chirchik&locale=ru');
      expect(res.status).to.equal(200);
      const doc = parseXml(res.text) as {
        service_definition: { service_code: string; attributes: { attribute: Record<string, unknown>[] } };
      };
      const attributes = doc.service_definition.attributes.attribute;
      expect(attributes).to.have.length(9);
      const night = attributes.find((a) => a['code'] === 'night')!;
      expect(night).to.deep.include({
        variable: 'true',
        datatype: 'singlevaluelist',
        required: 'false',
        order: '8',
      });
      expect(night['values']).to.deep.equal({
        value: [
          { key: 'true', name: 'Да' },
          { key: 'false', name: 'Нет' },
        ],
      });
      expect(attributes.find((a) => a['code'] === 'depth_cm')!['description']).to.equal(
        'Измерьте в самом глубоком месте',
      );
    });

    it('asks a business-only service for the TIN and the organisation’s name, and one for both kinds for all three', async () => {
      const meter = await get('/open311/v2/services/water.meter-check.json?jurisdiction_id=chirchik');
      expect(
        meter.body.attributes.map((a: { code: string; required: boolean }) => [a.code, a.required]),
      ).to.deep.equal([
        ['tin', true],
        ['organization_name', true],
        ['account', true],
        ['note', false],
      ]);
      const both = await get('/open311/v2/services/gas.no-debt.json?jurisdiction_id=chirchik');
      expect(
        both.body.attributes.map((a: { code: string; required: boolean }) => [a.code, a.required]),
      ).to.deep.equal([
        ['pinfl', false],
        ['tin', false],
        ['organization_name', false],
        ['account', true],
      ]);
    });

    it('answers 404 for a service the city does not offer through Open311', async () => {
      for (const code of ['gas.desk-only', 'gas.unknown', 'x']) {
        const res = await get(`/open311/v2/services/${code}.json?jurisdiction_id=chirchik`);
        expect(res.status, code).to.equal(404);
        expect(res.body[0].description).to.match(/^DARCHA_OPEN311_SERVICE_NOT_FOUND: /);
      }
    });
  });
});
