import { expect } from 'chai';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import { PostgresServiceRegistry } from '../../src/registry/postgres-service-registry.js';
import { ApplicationValidator } from '../../src/registry/validation/application-validator.js';
import type { ApplicationValidationResult, ServiceDefinition } from '../../src/registry/types.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

function gasCertificate(changes: Partial<ServiceDefinition> = {}): ServiceDefinition {
  return {
    code: 'gas.no-debt-certificate',
    version: 1,
    names: {
      'uz-Latn': "Gaz ta'minotidan qarzdorlik yo'qligi haqida ma'lumotnoma",
      'uz-Cyrl': 'Газ таъминотидан қарздорлик йўқлиги ҳақида маълумотнома',
      ru: 'Справка об отсутствии задолженности за газ',
      en: 'Certificate of no gas debt',
    },
    category: 'utilities.gas',
    agencyKind: 'gas',
    applicantTypes: ['individual', 'legal_entity'],
    kind: 'service',
    channels: ['desk', 'online'],
    form: { type: 'object', required: ['account'], properties: { account: { type: 'string' } } },
    documents: [],
    result: { document: 'certificate', template: 'agency-gas/no-debt-certificate' },
    fee: { free: true },
    sla: { unit: 'working_days', value: 1, min: 1, max: 3 },
    workflow: 'agency-gas/simple-certificate',
    ...changes,
  };
}

describe(`service registry (${engine})`, () => {
  let db: Database;
  let registry: PostgresServiceRegistry;

  // A fresh database per test: the table of published versions outlives registries, as it should.
  beforeEach(async () => {
    db = await openTestDatabase();
    registry = new PostgresServiceRegistry(db);
    registry.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas', ru: 'Газ' } }]);
  });
  afterEach(() => db.close());

  describe('publishing', () => {
    it('stores each version once; a rerun with the same definitions is a no-op', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const [first] = await registry.versions('gas.no-debt-certificate');
      expect(first).to.include({ pluginId: 'agency-gas' });
      expect(first!.definition).to.deep.equal(gasCertificate());
      // Key order and undefined properties do not make a definition different.
      const reordered = Object.fromEntries(Object.entries(gasCertificate({ flags: undefined })).reverse());
      await registry.publish('agency-gas', [reordered as unknown as ServiceDefinition]);
      const again = await registry.versions('gas.no-debt-certificate');
      expect(again).to.have.length(1);
      expect(again[0]!.publishedAt.getTime()).to.equal(first!.publishedAt.getTime());
      expect(await registry.get('gas.no-debt-certificate')).to.deep.equal(gasCertificate());
    });

    it('refuses a changed definition under a published version, naming code, version and the next version', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const changed = gasCertificate({ sla: { unit: 'working_days', value: 2, min: 1, max: 3 } });
      const fresh = new PostgresServiceRegistry(db); // a later process: only the table remembers
      fresh.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      const error = await expectCode(
        fresh.publish('agency-gas', [changed]),
        'DARCHA_REGISTRY_VERSION_IMMUTABLE',
      );
      expect(error.message)
        .to.include('"gas.no-debt-certificate" version 1')
        .and.include('plugin "agency-gas"');
      expect(error.hint).to.include('version 2');
      expect(await registry.get('gas.no-debt-certificate', 1)).to.deep.equal(gasCertificate());

      const other = new PostgresServiceRegistry(db);
      other.addCategories('agency-gas-v2', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      // Another plugin may not touch the code at all: it belongs to the plugin that stored it first.
      const renamed = await expectCode(
        other.publish('agency-gas-v2', [changed]),
        'DARCHA_REGISTRY_SERVICE_CONFLICT',
      );
      expect(renamed.message).to.include('"agency-gas-v2"').and.include('"agency-gas"');
    });

    it('writes nothing when one definition of a call breaks immutability', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const fresh = new PostgresServiceRegistry(db);
      fresh.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      const v2 = gasCertificate({ version: 2 });
      await expectCode(
        fresh.publish('agency-gas', [v2, gasCertificate({ kind: 'information' })]),
        'DARCHA_REGISTRY_VERSION_IMMUTABLE',
      );
      expect(await registry.versions('gas.no-debt-certificate')).to.have.length(1);
      await expectCode(fresh.get('gas.no-debt-certificate'), 'DARCHA_REGISTRY_SERVICE_NOT_FOUND');
    });

    it('serves a new version as current and keeps the old one readable, even after the plugin drops it', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const v2 = gasCertificate({ version: 2, channels: ['desk', 'online', 'api'] });
      await registry.publish('agency-gas', [v2]);
      expect((await registry.get('gas.no-debt-certificate')).version).to.equal(2);
      expect(
        (await registry.versions('gas.no-debt-certificate')).map((v) => v.definition.version),
      ).to.deep.equal([1, 2]);

      const restarted = new PostgresServiceRegistry(db); // the plugin now publishes version 2 only
      restarted.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      await restarted.publish('agency-gas', [v2]);
      expect(await restarted.get('gas.no-debt-certificate', 1)).to.deep.equal(gasCertificate());
      expect(restarted.list().map((d) => `${d.code}@${d.version}`)).to.deep.equal([
        'gas.no-debt-certificate@2',
      ]);
      await expectCode(restarted.get('gas.no-debt-certificate', 3), 'DARCHA_REGISTRY_SERVICE_NOT_FOUND');
    });

    it('hands out frozen definitions', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const definition = await registry.get('gas.no-debt-certificate');
      expect(Object.isFrozen(definition)).to.equal(true);
      expect(Object.isFrozen(definition.sla)).to.equal(true);
      expect(Object.isFrozen(await registry.get('gas.no-debt-certificate', 1))).to.equal(true);
    });

    it('lists every problem of every invalid service, with its code and the plugin', async () => {
      const error = await expectCode(
        registry.publish('agency-gas', [
          gasCertificate({ version: 0, names: { en: 'Gas' } }),
          gasCertificate({
            code: 'gas.cylinders',
            sla: { unit: 'working_days', value: 12, min: 1, max: 10 },
          }),
          gasCertificate({ code: 'gas.meter-check' }),
        ]),
        'DARCHA_REGISTRY_SERVICE_INVALID',
      );
      expect(error.message).to.include('Plugin "agency-gas" publishes 2 invalid services');
      expect(error.message).to.include('"gas.no-debt-certificate"').and.include('/version: must be >= 1');
      expect(error.message).to.include('/names/uz-Latn: is required').and.include('/names/ru: is required');
      expect(error.message).to.include('"gas.cylinders" version 1').and.include('/sla/value: 12 is outside');
      expect(error.message).not.to.include('gas.meter-check');
      expect(registry.list()).to.deep.equal([]); // all or nothing
    });

    it('reports a form the validator cannot compile', async () => {
      const compiled: string[] = [];
      const strict = new PostgresServiceRegistry(db, {
        compileForm: (definition) => {
          compiled.push(definition.code);
          if (definition.form['properties'] === undefined) throw new Error('form has no fields');
        },
      });
      strict.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      const error = await expectCode(
        strict.publish('agency-gas', [gasCertificate({ form: { type: 'object' } })]),
        'DARCHA_REGISTRY_SERVICE_INVALID',
      );
      expect(error.message).to.include('/form: form has no fields');
      await strict.publish('agency-gas', [gasCertificate()]);
      expect(compiled).to.deep.equal(['gas.no-debt-certificate', 'gas.no-debt-certificate']);
    });

    it('refuses the same code from two plugins', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const error = await expectCode(
        registry.publish('city-chirchik', [gasCertificate({ version: 2 })]),
        'DARCHA_REGISTRY_SERVICE_CONFLICT',
      );
      expect(error.message).to.include('"city-chirchik"').and.include('"agency-gas"');
      expect(await registry.versions('gas.no-debt-certificate')).to.have.length(1);
    });

    it('keeps a code with the plugin that first stored it, across restarts', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const restarted = new PostgresServiceRegistry(db); // agency-gas not loaded this time
      restarted.addCategories('agency-squat', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      await expectCode(
        restarted.publish('agency-squat', [gasCertificate({ version: 2 })]),
        'DARCHA_REGISTRY_SERVICE_CONFLICT',
      );
      expect((await restarted.versions('gas.no-debt-certificate')).map((v) => v.pluginId)).to.deep.equal([
        'agency-gas',
      ]);
    });

    it('refuses the same version twice in one call', async () => {
      const error = await expectCode(
        registry.publish('agency-gas', [gasCertificate(), gasCertificate()]),
        'DARCHA_REGISTRY_SERVICE_INVALID',
      );
      expect(error.message).to.include('listed twice');
    });
  });

  describe('categories', () => {
    it('puts services in leaf categories only, of the tree as it stands', async () => {
      const unknown = await expectCode(
        registry.publish('agency-gas', [gasCertificate({ category: 'utilities.heating' })]),
        'DARCHA_REGISTRY_CATEGORY_INVALID',
      );
      expect(unknown.message).to.include('"utilities.heating": no such category');
      const inner = await expectCode(
        registry.publish('agency-gas', [gasCertificate({ category: 'utilities' })]),
        'DARCHA_REGISTRY_CATEGORY_INVALID',
      );
      expect(inner.message).to.include('leaf categories only');
      await registry.publish('city-djizak', [
        gasCertificate({ code: 'oss.room-rental', category: 'oss-services' }),
      ]);
      const blocked = () =>
        registry.addCategories('city-djizak', [{ id: 'oss-services.rooms', names: { en: 'Rooms' } }]);
      expect(blocked).to.throw('already holds services');
      expect(registry.categories().map((c) => c.id))
        .to.include('utilities.gas')
        .and.not.include('oss-services.rooms');
    });
  });

  describe('withdrawing a plugin', () => {
    it('forgets its services and categories in this process; stored versions stay readable', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      registry.withdrawPlugin('agency-gas');
      expect(registry.list()).to.deep.equal([]);
      expect(registry.categories().map((c) => c.id)).not.to.include('utilities.gas');
      await expectCode(registry.get('gas.no-debt-certificate'), 'DARCHA_REGISTRY_SERVICE_NOT_FOUND');
      expect((await registry.get('gas.no-debt-certificate', 1)).version).to.equal(1);
      await expectCode(registry.versions('water.meter-check'), 'DARCHA_REGISTRY_SERVICE_NOT_FOUND');
    });
  });

  describe('validating applications', () => {
    it('delegates to the validator it was given, with the pinned version', async () => {
      const calls: string[] = [];
      const validating = new PostgresServiceRegistry(db, {
        validate: (definition, data, locale): ApplicationValidationResult => {
          calls.push(`${definition.code}@${definition.version}:${locale}`);
          const valid = typeof (data as { account?: unknown }).account === 'string';
          return {
            valid,
            errors: valid ? [] : [{ field: '/account', keyword: 'required', message: 'kerak' }],
          };
        },
      });
      validating.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      await validating.publish('agency-gas', [gasCertificate(), gasCertificate({ version: 2 })]);
      expect(
        await validating.validateApplication('gas.no-debt-certificate', { account: '12345' }, 'ru'),
      ).to.deep.equal({
        valid: true,
        errors: [],
      });
      const result = await validating.validateApplication('gas.no-debt-certificate', {}, 'uz-Latn', 1);
      expect(result.valid).to.equal(false);
      expect(calls).to.deep.equal(['gas.no-debt-certificate@2:ru', 'gas.no-debt-certificate@1:uz-Latn']);
    });

    it("works with core's ApplicationValidator, which never sees a refused form", async () => {
      const validator = new ApplicationValidator();
      const options = {
        compileForm: (definition: ServiceDefinition) => validator.compileForm(definition),
        validate: validator.validate.bind(validator),
      };
      const first = new PostgresServiceRegistry(db, options);
      first.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      const typo = gasCertificate({
        form: { type: 'object', properties: { account: { format: 'utility-acount' } } },
      });
      const error = await expectCode(first.publish('agency-gas', [typo]), 'DARCHA_REGISTRY_SERVICE_INVALID');
      expect(error.message).to.include('/form: ').and.include('utility-acount');
      await first.publish('agency-gas', [gasCertificate()]);
      // Same version, another form: refused before the validator compiles (and caches) it.
      const changed = gasCertificate({ form: { type: 'object', required: ['meter'] } });
      const second = new PostgresServiceRegistry(db, options);
      second.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
      await expectCode(second.publish('agency-gas', [changed]), 'DARCHA_REGISTRY_VERSION_IMMUTABLE');
      const result = await second.validateApplication('gas.no-debt-certificate', {}, 'en', 1);
      expect(result.errors.map((e) => e.field)).to.deep.equal(['/account']);
    });

    it('fails loudly when made without a validator', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const error = await expectCode(
        registry.validateApplication('gas.no-debt-certificate', {}, 'en'),
        'DARCHA_REGISTRY_VALIDATOR_MISSING',
      );
      expect(error.kind).to.equal('internal');
      await expectCode(
        registry.validateApplication('gas.unknown', {}, 'en'),
        'DARCHA_REGISTRY_SERVICE_NOT_FOUND',
      );
    });
  });

  describe('the service_definitions table', () => {
    it('is a host table: the app role cannot read it, the host role cannot change a row', async () => {
      await registry.publish('agency-gas', [gasCertificate()]);
      const appRead = db.withTenant('chirchik', (trx) => trx('service_definitions').select('code'));
      await expectRejection(appRead, /permission denied/);
      const hostUpdate = db.withHost((trx) => trx('service_definitions').update({ plugin_id: 'evil' }));
      await expectRejection(hostUpdate, /permission denied/);
      const hostDelete = db.withHost((trx) => trx('service_definitions').delete());
      await expectRejection(hostDelete, /permission denied/);
    });
  });
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    expect(isDarchaError(error, code), `expected ${code}, got ${String(error)}`).to.equal(true);
    return error as DarchaError;
  }
  return expect.fail(`expected ${code}`);
}

async function expectRejection(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(String(error)).to.match(pattern);
    return;
  }
  expect.fail(`expected a rejection matching ${pattern}`);
}
