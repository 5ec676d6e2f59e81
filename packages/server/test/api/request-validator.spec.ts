import { expect } from 'chai';
import { isDarchaError } from '@darcha/core';
import { RequestValidator, objectSchema } from '../../src/api/request-validator.js';
import type { AnyRoute } from '../../src/api/route-definition.js';
import { API_ROUTES } from '../../src/api/route-table.js';

function route(schemas: Partial<AnyRoute['schemas']>): AnyRoute {
  return {
    method: 'post',
    path: '/probe/:n',
    operationId: 'probe',
    summary: 'probe',
    tag: 'probe',
    scope: 'tenant',
    access: { anyone: true },
    schemas: { responses: {}, ...schemas },
    handler: () => ({}),
  };
}

describe('RequestValidator', () => {
  it('compiles the schemas of every route in the table', () => {
    for (const r of API_ROUTES) {
      expect(() => new RequestValidator(r).compile(), `${r.method} ${r.path}`).not.to.throw();
    }
  });

  it('compiles a route’s schemas on its first request, not when it is made', () => {
    const broken = route({ body: { type: 'object', properties: { n: { type: 'no-such-type' } } } });
    const validator = new RequestValidator(broken);
    expect(() => validator.check({ params: {}, query: {}, body: {} })).to.throw(/no-such-type|type/);
    expect(() => validator.compile()).to.throw();
  });

  it('coerces params and query from text, but not the JSON body, and lists every invalid field', () => {
    const n = { type: 'integer', minimum: 1 };
    const validator = new RequestValidator(
      route({
        params: objectSchema({ n }, ['n']),
        query: objectSchema({ n }),
        body: objectSchema({ n }, ['n']),
      }),
    );
    const parts = { params: { n: '7' }, query: { n: '2' }, body: { n: 3 } };
    validator.check(parts);
    expect(parts.params.n).to.equal(7);
    expect(parts.query.n).to.equal(2);
    try {
      validator.check({ params: { n: '0' }, query: {}, body: { n: '3' } });
      expect.fail('should have thrown');
    } catch (error) {
      expect(isDarchaError(error) && error.code).to.equal('DARCHA_HTTP_VALIDATION');
      const fields = (error as { details: { fields: { field: string }[] } }).details.fields;
      expect(fields.map((f) => f.field)).to.deep.equal(['params/n', 'body/n']);
    }
  });
});
