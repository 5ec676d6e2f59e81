import { expect } from 'chai';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { API_ROUTES } from '../../src/api/route-table.js';
import { openApiFixture, type ApiFixture } from './api-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`the OpenAPI document (${engine})`, function () {
  this.timeout(60_000);
  let fixture: ApiFixture;

  before(async () => {
    fixture = await openApiFixture();
  });
  after(() => fixture.close());

  it('is a valid OpenAPI 3.1 document that lists every route', async () => {
    const res = await request(fixture.server.app).get('/api/v1/openapi.json');
    expect(res.status).to.equal(200);
    const validator = new Validator();
    const result = await validator.validate(res.body as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect(validator.version).to.equal('3.1');
    const paths = res.body.paths as Record<string, Record<string, { operationId: string }>>;
    for (const route of API_ROUTES) {
      const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
      expect(paths[path]?.[route.method]?.operationId, `${route.method} ${path}`).to.equal(route.operationId);
    }
    const ids = API_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('is browsable at /api/docs without inline scripts', async () => {
    const page = await request(fixture.server.app).get('/api/docs');
    expect(page.status).to.equal(200);
    expect(page.text).not.to.match(/<script>(?!<\/script>)/);
    const bundle = await request(fixture.server.app).get('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).to.equal(200);
    const init = await request(fixture.server.app).get('/api/docs/init.js');
    expect(init.text).to.include('/api/v1/openapi.json');
  });
});
