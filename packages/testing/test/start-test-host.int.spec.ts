import { expect } from 'chai';
import {
  createToken,
  definePlugin,
  enableTenantIsolation,
  isDarchaError,
  resolve,
  type DarchaPlugin,
  type ServiceDefinition,
} from '@darcha/core';
import { startTestHost, type TestHost } from '../src/index.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

interface Greeter {
  greet(): string;
}
const greeterToken = createToken<Greeter>('agency-demo/greeter');

const meterVerification: ServiceDefinition = {
  code: 'demo.meter-verification',
  version: 1,
  names: {
    'uz-Latn': 'Suv hisoblagichini qiyoslash',
    'uz-Cyrl': 'Сув ҳисоблагичини қиёслаш',
    ru: 'Поверка счётчика воды',
    en: 'Water meter verification',
  },
  category: 'utilities.demo',
  agencyKind: 'water',
  applicantTypes: ['individual'],
  kind: 'service',
  channels: ['desk'],
  form: {
    type: 'object',
    required: ['pinfl'],
    properties: { pinfl: { type: 'string', format: 'pinfl' } },
    additionalProperties: false,
  },
  documents: [],
  fee: { free: true },
  sla: { unit: 'working_days', value: 14 },
  workflow: 'agency-demo/simple',
};

const demoWorkflow = {
  key: 'agency-demo/simple',
  version: 1,
  names: { en: 'Simple' },
  states: {
    submitted: {
      type: 'start',
      publicStatus: 'submitted',
      names: { en: 'Submitted' },
      candidateRole: 'back_office',
    },
    verified: { type: 'terminal', publicStatus: 'completed', names: { en: 'Verified' } },
  },
  transitions: [
    {
      action: 'verify',
      from: ['submitted'],
      to: 'verified',
      roles: ['back_office'],
      names: { en: 'Verify' },
    },
  ],
};

function demoPlugin(calls: string[] = []): DarchaPlugin {
  return definePlugin<unknown, { greeting: string }>({
    id: 'agency-demo',
    version: '1.0.0',
    kind: 'agency',
    engines: { darcha: '^1.0.0' },
    tenantSettingsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['greeting'],
      properties: { greeting: { type: 'string', minLength: 1 } },
    },
    categories: [{ id: 'utilities.demo', names: { en: 'Demo' } }],
    services: [meterVerification],
    workflows: [demoWorkflow],
    migrations: [
      {
        name: '0001_demo_notes',
        async up(knex) {
          await knex.schema.createTable('demo_notes', (t) => {
            t.text('tenant_id').notNullable().references('id').inTable('tenants');
            t.text('id').notNullable();
            t.primary(['tenant_id', 'id']);
          });
          await enableTenantIsolation(knex, 'demo_notes');
        },
      },
    ],
    tenantModule(ctx) {
      ctx.bind(greeterToken, () => ({ greet: () => `${ctx.settings.greeting}, ${ctx.tenantId}` }));
    },
    onTenantEnable: async (ctx) => void calls.push(`enable:${ctx.tenantId}`),
    destroy: async () => void calls.push('destroy'),
  });
}

const broken = definePlugin({
  id: 'agency-broken',
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  init: async () => {
    throw new Error('tariff service unreachable');
  },
});

describe(`startTestHost (${engine})`, function () {
  this.timeout(60_000);

  describe('with two tenants and settings', () => {
    const calls: string[] = [];
    let host: TestHost;

    before(async () => {
      host = await startTestHost({
        plugins: [demoPlugin(calls)],
        tenants: ['chirchik', 'djizak'],
        settings: {
          chirchik: { 'agency-demo': { greeting: 'Salom' } },
          djizak: { 'agency-demo': { greeting: 'Assalomu alaykum' } },
        },
      });
    });
    after(() => host?.stop());

    it('starts the plugin and reports it active', () => {
      expect(host.report.map((r) => [r.id, r.status, r.source])).to.deep.equal([
        ['agency-demo', 'active', 'inline'],
      ]);
    });

    it('creates plain ids as cities under the country "test", named in all four locales', async () => {
      expect(host.tenants).to.deep.equal(['test', 'chirchik', 'djizak']);
      const chirchik = await host.platform.tenants.get('chirchik');
      expect(chirchik).to.include({ kind: 'city', parentId: 'test' });
      expect(Object.keys(chirchik.names).sort()).to.deep.equal(['en', 'ru', 'uz-Cyrl', 'uz-Latn']);
    });

    it('enables the plugin for every listed tenant, running onTenantEnable, with the given settings', async () => {
      expect(calls).to.deep.equal(['enable:chirchik', 'enable:djizak']);
      const [enablement] = await host.platform.plugins.enablement('djizak');
      expect(enablement).to.deep.include({ pluginId: 'agency-demo', enabled: true, decidedBy: 'djizak' });
      expect(await host.platform.plugins.isEnabled('test', 'agency-demo')).to.equal(false);
    });

    it("resolves the plugin's tenant bindings from each tenant's container", async () => {
      expect(resolve(await host.container('chirchik'), greeterToken).greet()).to.equal('Salom, chirchik');
      expect(resolve(await host.container('djizak'), greeterToken).greet()).to.equal(
        'Assalomu alaykum, djizak',
      );
    });

    it('publishes the services and validates applications against their forms', async () => {
      expect((await host.registry.get('demo.meter-verification')).sla.value).to.equal(14);
      expect(await host.validate('demo.meter-verification', { pinfl: '31507976020031' })).to.deep.equal({
        valid: true,
        errors: [],
      });
      const invalid = await host.validate('demo.meter-verification', { pinfl: '123' }, 'ru');
      expect(invalid.valid).to.equal(false);
      expect(invalid.errors.map((e) => [e.field, e.keyword])).to.deep.equal([['/pinfl', 'format']]);
    });

    it("runs the plugin's migrations and keeps tenants apart in withTenant", async () => {
      await host.withTenant('chirchik', (trx) =>
        trx('demo_notes').insert({ tenant_id: 'chirchik', id: 'n1' }),
      );
      expect(await host.withTenant('chirchik', (trx) => trx('demo_notes').pluck('id'))).to.deep.equal(['n1']);
      expect(await host.withTenant('djizak', (trx) => trx('demo_notes').pluck('id'))).to.deep.equal([]);
    });
  });

  it('starts afresh each time, reporting how long the start took', async () => {
    // Start time is measured by the benchmarks, not asserted here (machines are noisy).
    for (let i = 0; i < 2; i++) {
      const host = await startTestHost({
        plugins: [demoPlugin()],
        tenants: ['chirchik'],
        settings: { chirchik: { 'agency-demo': { greeting: 'Salom' } } },
      });
      expect(host.startupMs).to.be.a('number').and.greaterThan(0);
      const rows = await host.withTenant('chirchik', (trx) =>
        trx('audit_log').where({ action: 'tenant.create' }),
      );
      expect(rows).to.have.length(1); // a fresh database each time, not the previous one's
      await host.stop();
    }
  });

  it('creates regions given as inputs before their cities, under "test" when they name no parent', async () => {
    const host = await startTestHost({
      plugins: [demoPlugin()],
      tenants: [
        {
          id: 'chirchik',
          kind: 'city',
          parentId: 'tashkent-region',
          names: { en: 'Chirchik' },
          defaultLocale: 'en',
        },
        { id: 'tashkent-region', kind: 'region', names: { en: 'Tashkent region' }, defaultLocale: 'en' },
      ],
      settings: { 'tashkent-region': { 'agency-demo': { greeting: 'Hello' } } },
      enable: { 'tashkent-region': ['agency-demo'] },
    });
    try {
      expect(host.tenants).to.deep.equal(['test', 'tashkent-region', 'chirchik']);
      const [enablement] = await host.platform.plugins.enablement('chirchik');
      expect(enablement).to.deep.include({ enabled: true, decidedBy: 'tashkent-region' });
      expect(resolve(await host.container('chirchik'), greeterToken).greet()).to.equal('Hello, chirchik');
    } finally {
      await host.stop();
    }
  });

  it('enables nothing with enable: false, and still stores the settings', async () => {
    const host = await startTestHost({
      plugins: [demoPlugin()],
      tenants: ['chirchik'],
      settings: { chirchik: { 'agency-demo': { greeting: 'Salom' } } },
      enable: false,
    });
    try {
      const [enablement] = await host.platform.plugins.enablement('chirchik');
      expect(enablement).to.deep.include({ enabled: false, settings: { greeting: 'Salom' } });
    } finally {
      await host.stop();
    }
  });

  it('fails loudly with the startup report when a plugin fails to start, and closes what it opened', async () => {
    const error = await startTestHost({ plugins: [demoPlugin(), broken], tenants: ['chirchik'] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDarchaError(error, 'DARCHA_TESTING_PLUGIN_FAILED')).to.equal(true);
    const message = (error as Error).message;
    expect(message).to.include('agency-demo@1.0.0 active');
    expect(message).to.include(
      'agency-broken@0.1.0 failed DARCHA_PLUGIN_HOOK_FAILED: Plugin "agency-broken" failed in init: tariff service unreachable',
    );
  });

  it('returns the host with the failure in its report when allowFailures is set', async () => {
    const host = await startTestHost({
      plugins: [demoPlugin(), broken],
      tenants: ['chirchik'],
      settings: { chirchik: { 'agency-demo': { greeting: 'Salom' } } },
      allowFailures: true,
    });
    try {
      const byId = Object.fromEntries(host.report.map((r) => [r.id, r]));
      expect(byId['agency-broken']).to.deep.include({ status: 'failed' });
      expect(byId['agency-broken']!.error!.code).to.equal('DARCHA_PLUGIN_HOOK_FAILED');
      expect(await host.platform.plugins.isEnabled('chirchik', 'agency-demo')).to.equal(true);
      expect(await host.platform.plugins.isEnabled('chirchik', 'agency-broken')).to.equal(false);
    } finally {
      await host.stop();
    }
  });

  it('refuses invalid options before opening anything', async () => {
    const error = await startTestHost({
      plugins: [{ id: 'x' } as unknown as DarchaPlugin],
      tenants: ['test', 'a', 'a'],
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDarchaError(error, 'DARCHA_TESTING_OPTIONS_INVALID')).to.equal(true);
    expect((error as Error).message)
      .to.include('plugins[0] is not made by definePlugin()')
      .and.include('tenant "test" is the country the test host creates')
      .and.include('tenant "a" is listed twice');
  });

  it('stop() runs destroy, closes the database, and may be called twice', async () => {
    const calls: string[] = [];
    const host = await startTestHost({
      plugins: [demoPlugin(calls)],
      tenants: ['chirchik'],
      settings: { chirchik: { 'agency-demo': { greeting: 'Salom' } } },
    });
    await host.stop();
    await host.stop();
    expect(calls).to.deep.equal(['enable:chirchik', 'destroy']);
    const error = await host
      .withTenant('chirchik', async () => 1)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isDarchaError(error, 'DARCHA_DB_CLOSED')).to.equal(true);
  });
});
