import { expect } from 'chai';
import { compileDetached, compileLater, sharedAjv } from '../../src/validation/index.js';

describe('shared ajv instances and validators compiled later', () => {
  it('gives one instance per distinct options', () => {
    expect(sharedAjv()).to.equal(sharedAjv({}));
    expect(sharedAjv({ strict: false })).to.equal(sharedAjv({ strict: false }));
    expect(sharedAjv({ strict: false })).not.to.equal(sharedAjv());
    expect(sharedAjv({ coerceTypes: 'array', useDefaults: true })).not.to.equal(
      sharedAjv({ useDefaults: true }),
    );
  });

  it('compiles a validator on its first call and reports that call’s errors', () => {
    const ajv = sharedAjv();
    const compile = ajv.compile.bind(ajv);
    let compiled = 0;
    ajv.compile = ((schema: object) => {
      compiled++;
      return compile(schema);
    }) as typeof ajv.compile;
    try {
      const validate = compileLater<{ n: number }>({
        type: 'object',
        properties: { n: { type: 'integer' } },
      });
      expect(compiled).to.equal(0);
      expect(validate.errors).to.equal(undefined);
      expect(validate({ n: 'x' })).to.equal(false);
      expect(validate.errors?.[0]?.instancePath).to.equal('/n');
      expect(validate({ n: 1 })).to.equal(true);
      expect(validate.errors).to.equal(null);
      expect(compiled).to.equal(1);
    } finally {
      ajv.compile = compile;
    }
  });

  it('throws ajv’s error on the first call of a schema that is not valid JSON Schema', () => {
    const validate = compileLater({ type: 'no-such-type' });
    expect(() => validate({})).to.throw(/type/);
  });

  it('compiles a schema with an $id again on the same instance when detached', () => {
    const ajv = sharedAjv({ strict: false });
    const schema = { $id: 'https://darcha.example/plugin-config', type: 'object', required: ['a'] };
    const first = compileDetached(ajv, schema);
    const second = compileDetached(ajv, { ...schema });
    expect(first({})).to.equal(false);
    expect(second({ a: 1 })).to.equal(true);
    expect(() => ajv.compile({ ...schema })).not.to.throw();
    ajv.removeSchema(schema.$id);
  });
});
