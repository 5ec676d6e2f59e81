import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Database } from '../../src/db/database.js';
import { enableTenantIsolation } from '../../src/db/tenant-table.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { createRootContainer } from '../../src/di/root-container.js';
import { resolve } from '../../src/di/tenant-containers.js';
import { createToken, TOKENS } from '../../src/di/tokens.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { createLogger } from '../../src/logging/logger.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { createExtensionPoint } from '../../src/plugins/extension-point.js';
import type { LoadedPlugin } from '../../src/plugins/plugin-checks.js';
import { PluginHost } from '../../src/plugins/plugin-host.js';
import { ENABLEMENT_TTL_MS } from '../../src/plugins/tenant-plugin-manager.js';
import type { DarchaPlugin, PluginManifest } from '../../src/plugins/types.js';
import type { ServiceDefinition } from '../../src/registry/types.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import { noDebtCertificateWorkflow } from '../workflow/definition/fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

function manifest(id: string, more: Partial<PluginManifest> = {}): DarchaPlugin {
  return definePlugin({ id, version: '1.0.0', kind: 'agency', engines: { darcha: '^1.0.0' }, ...more });
}
const inline = (...plugins: DarchaPlugin[]): LoadedPlugin[] =>
  plugins.map((plugin) => ({ plugin, source: 'inline' }));

/** Records what the host publishes, standing in for the service registry (not a database). */
class RecordingServices {
  published = new Map<string, readonly ServiceDefinition[]>();
  addCategories(): void {}
  async publish(pluginId: string, services: readonly ServiceDefinition[]): Promise<void> {
    this.published.set(pluginId, services);
  }
  withdrawPlugin(pluginId: string): void {
    this.published.delete(pluginId);
  }
}

describe(`plugin host (${engine})`, function () {
  this.timeout(60_000);
  let db: Database;
  let tenants: PostgresTenantRegistry;
  const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
  const logger = createLogger({ level: 'silent' });

  function newHost(
    policy: 'abort' | 'continue' = 'continue',
    services = new RecordingServices(),
  ): PluginHost {
    const { root, tenantContainers } = createRootContainer({ config, logger, db, tenants });
    return new PluginHost({ config, logger, db, tenants, root, tenantContainers, services, policy });
  }

  before(async () => {
    db = await openTestDatabase();
    tenants = new PostgresTenantRegistry(db);
    await tenants.create({ id: 'uz', kind: 'country', names: { en: 'Uzbekistan' }, defaultLocale: 'en' });
    await tenants.create({
      id: 'uz.tashkent-region',
      kind: 'region',
      parentId: 'uz',
      names: { en: 'Tashkent region' },
      defaultLocale: 'en',
    });
    await tenants.create({
      id: 'chirchik',
      kind: 'city',
      parentId: 'uz.tashkent-region',
      names: { en: 'Chirchik' },
      defaultLocale: 'en',
    });
    await tenants.create({
      id: 'angren',
      kind: 'city',
      parentId: 'uz.tashkent-region',
      names: { en: 'Angren' },
      defaultLocale: 'en',
    });
    await tenants.create({
      id: 'djizak',
      kind: 'city',
      parentId: 'uz',
      names: { en: 'Djizak' },
      defaultLocale: 'en',
    });
  });
  after(() => db.close());

  describe('startup', () => {
    it('starts plugins in dependency order: register, migrations, init; and reports each', async () => {
      const calls: string[] = [];
      const host = newHost();
      const report = await host.start(
        inline(
          manifest('city-chirchik', {
            kind: 'city',
            dependsOn: [{ id: 'agency-gas', range: '^1.0.0' }],
            register: () => void calls.push('city:register'),
            init: async () => void calls.push('city:init'),
          }),
          manifest('agency-gas', {
            register: () => void calls.push('gas:register'),
            migrations: [
              {
                name: '0001_meter_readings',
                up: async (knex) => {
                  calls.push('gas:migrate');
                  await knex.schema.createTable('gas_meter_readings', (t) => {
                    t.text('tenant_id').notNullable().references('id').inTable('tenants');
                    t.text('account').notNullable();
                    t.integer('reading').notNullable();
                    t.primary(['tenant_id', 'account']);
                  });
                  await enableTenantIsolation(knex, 'gas_meter_readings');
                },
              },
            ],
            init: async () => void calls.push('gas:init'),
          }),
        ),
      );
      expect(calls).to.deep.equal(['gas:register', 'gas:migrate', 'gas:init', 'city:register', 'city:init']);
      expect(report.map((r) => [r.id, r.status])).to.deep.equal([
        ['agency-gas', 'active'],
        ['city-chirchik', 'active'],
      ]);
      expect(report[0]).to.include({ version: '1.0.0', kind: 'agency', source: 'inline' });
      const state = await db.migrationState('plugin_agency_gas', [
        { name: '0001_meter_readings', up: async () => {} },
      ]);
      expect(state.applied).to.deep.equal(['0001_meter_readings']);
      await host.stop();
    });

    it('keeps serving the others when a plugin fails, and fails its dependents', async () => {
      const services = new RecordingServices();
      const host = newHost('continue', services);
      const report = await host.start(
        inline(
          manifest('agency-broken', {
            init: async () => {
              throw new Error('billing endpoint unreachable');
            },
          }),
          manifest('agency-water', { services: [] }),
          manifest('city-angren', { kind: 'city', dependsOn: [{ id: 'agency-broken', range: '*' }] }),
        ),
      );
      const byId = Object.fromEntries(report.map((r) => [r.id, r]));
      expect(byId['agency-broken']).to.deep.include({ status: 'failed' });
      expect(byId['agency-broken']!.error).to.deep.include({ code: 'DARCHA_PLUGIN_HOOK_FAILED' });
      expect(byId['agency-broken']!.error!.message).to.include('billing endpoint unreachable');
      expect(byId['city-angren']!.error!.code).to.equal('DARCHA_PLUGIN_DEPENDENCY_FAILED');
      expect(byId['agency-water']!.status).to.equal('active');
      expect(host.active().map((p) => p.id)).to.deep.equal(['agency-water']);
      expect([...services.published.keys()]).to.deep.equal(['agency-water']);
    });

    it('contains a malformed manifest to its own plugin', async () => {
      const host = newHost();
      const report = await host.start(
        inline(
          manifest('agency-odd', { dependsOn: { id: 'x' } as never, routes: [{ method: 'GET' }] as never }),
          manifest('agency-fine'),
        ),
      );
      const byId = Object.fromEntries(report.map((r) => [r.id, r]));
      expect(byId['agency-odd']!.error!.code).to.equal('DARCHA_PLUGIN_INVALID');
      expect(byId['agency-fine']!.status).to.equal('active');
    });

    it('times out a hook that never finishes', async () => {
      const host = newHost();
      const started = Date.now();
      const report = await host.start(
        inline(
          manifest('agency-slow', { hookTimeoutMs: 200, init: () => new Promise<void>(() => {}) }),
          manifest('agency-fast'),
        ),
      );
      expect(Date.now() - started).to.be.below(5_000);
      expect(report.find((r) => r.id === 'agency-slow')!.error!.code).to.equal('DARCHA_PLUGIN_HOOK_TIMEOUT');
      expect(report.find((r) => r.id === 'agency-fast')!.status).to.equal('active');
    });

    it('refuses to start at all under the abort policy, stopping what had started', async () => {
      const destroyed: string[] = [];
      const host = newHost('abort');
      try {
        await host.start(
          inline(
            manifest('agency-ok', { destroy: async () => void destroyed.push('agency-ok') }),
            manifest('agency-zzz', { engines: { darcha: '^9.0.0' } }),
          ),
        );
        expect.fail('start should have been refused');
      } catch (error) {
        expect(isDarchaError(error, 'DARCHA_PLUGIN_STARTUP_FAILED'), String(error)).to.equal(true);
        expect((error as Error).message)
          .to.include('agency-zzz')
          .and.include('^9.0.0');
      }
      expect(destroyed).to.deep.equal(['agency-ok']);
    });

    it('lets a plugin extend a dependency through its extension point, and nobody else', async () => {
      const point = createExtensionPoint<{ add(rule: string): void }>('agency-gas/tariff-rules');
      const rules: string[] = [];
      const host = newHost();
      const report = await host.start(
        inline(
          manifest('agency-gas', {
            register: (ctx) => ctx.provideExtensionPoint(point, { add: (r) => rules.push(r) }),
          }),
          manifest('city-chirchik', {
            dependsOn: [{ id: 'agency-gas', range: '^1.0.0' }],
            register: (ctx) => ctx.getExtensionPoint(point).add('chirchik: winter tariff'),
          }),
          manifest('city-rogue', { register: (ctx) => ctx.getExtensionPoint(point).add('rogue') }),
        ),
      );
      expect(rules).to.deep.equal(['chirchik: winter tariff']);
      expect(report.find((r) => r.id === 'city-rogue')!.error!.code).to.equal(
        'DARCHA_PLUGIN_EXTENSION_POINT',
      );
    });

    it("checks a plugin's workflows against its own and its dependencies' guards, effects and templates", async () => {
      const workflow = noDebtCertificateWorkflow();
      const templates = Object.fromEntries(
        ['agency-gas/no-debt-certificate', 'agency-gas/certificate-ready', 'agency-gas/rejected'].map((k) => [
          k,
          { en: '{{name}}' },
        ]),
      );
      const host = newHost();
      const report = await host.start(
        inline(
          manifest('agency-gas', { workflows: [workflow], guards: { 'no-debt': () => true }, templates }),
          manifest('agency-gas-broken', {
            workflows: [{ ...workflow, key: 'agency-gas-broken/no-debt-certificate' }],
          }),
        ),
      );
      const byId = Object.fromEntries(report.map((r) => [r.id, r]));
      expect(byId['agency-gas']!.status).to.equal('active');
      expect(host.contributions.workflows().map((w) => w.key)).to.deep.equal([
        'agency-gas/no-debt-certificate',
      ]);
      expect(byId['agency-gas-broken']!.error!.code).to.equal('DARCHA_WORKFLOW_DEFINITION_INVALID');
      expect(byId['agency-gas-broken']!.error!.message).to.include('agency-gas/no-debt');
    });

    it("gives a plugin core's public tokens and its dependencies', never host handles", async () => {
      const seen: string[] = [];
      const host = newHost();
      await host.start(
        inline(
          manifest('agency-curious', {
            init: async (ctx) => {
              seen.push(typeof ctx.get(TOKENS.Logger).info);
              for (const token of [
                TOKENS.Database,
                TOKENS.AgencyDirectory,
                TOKENS.TenantCatalog,
                TOKENS.ServiceRegistry,
              ] as symbol[]) {
                try {
                  ctx.get(token);
                } catch (error) {
                  seen.push((error as { code: string }).code);
                }
              }
              try {
                ctx.get(createToken('agency-other/secrets'));
              } catch (error) {
                seen.push((error as { code: string }).code);
              }
            },
          }),
        ),
      );
      // Handles that take a tenant id would let one city's plugin act for another.
      expect(seen).to.deep.equal(['function', ...Array<string>(5).fill('DARCHA_PLUGIN_TOKEN_FORBIDDEN')]);
    });
  });

  describe('per-tenant enablement', () => {
    const events: string[] = [];
    const Tariff = createToken<{ tenant: string; rate: number }>('agency-gas/tariff');
    const Seeds = createToken<{ count(): Promise<number> }>('agency-gas/seeds');
    let host: PluginHost;

    before(async () => {
      host = newHost();
      await host.start(
        inline(
          manifest('agency-gas', {
            tenantSettingsSchema: {
              type: 'object',
              additionalProperties: false,
              required: ['rate'],
              properties: { rate: { type: 'integer', minimum: 1 }, hotline: { type: 'string' } },
            },
            onTenantEnable: async (ctx) => void events.push(`enable:${ctx.tenantId}`),
            onTenantDisable: async (ctx) => void events.push(`disable:${ctx.tenantId}`),
            seed: async (ctx) => {
              events.push(`seed:${ctx.tenantId}`);
              await ctx.withTenant((trx) =>
                trx('audit_log').insert({ tenant_id: ctx.tenantId, actor: 'agency-gas', action: 'gas.seed' }),
              );
            },
            tenantModule: (ctx) => {
              ctx.bind(Tariff, () => ({
                tenant: ctx.tenantId,
                rate: (ctx.settings as { rate: number }).rate,
              }));
              ctx.bind(Seeds, (get) => {
                const tenantDb = get(TOKENS.TenantDatabase);
                return {
                  count: () =>
                    tenantDb.withTenant(
                      async (trx) => (await trx('audit_log').where({ action: 'gas.seed' })).length,
                    ),
                };
              });
            },
          }),
          manifest('agency-tax'),
        ),
      );
    });

    beforeEach(() => {
      events.length = 0;
    });

    it('is off until someone enables it', async () => {
      expect(await host.isEnabled('chirchik', 'agency-gas')).to.equal(false);
      const container = await host.tenantPlugins.container('chirchik');
      expect(container.isBound(Tariff)).to.equal(false);
    });

    it('validates settings, naming each invalid field, and changes nothing when they are wrong', async () => {
      try {
        await host.tenantPlugins.enable('uz.tashkent-region', 'agency-gas', {
          settings: { rate: 0, color: 'red' },
        });
        expect.fail('should be refused');
      } catch (error) {
        expect(isDarchaError(error, 'DARCHA_PLUGIN_SETTINGS_INVALID'), String(error)).to.equal(true);
        expect((error as Error).message)
          .to.include('/rate')
          .and.include('/color')
          .and.include('uz.tashkent-region');
      }
      expect(await host.isEnabled('uz.tashkent-region', 'agency-gas')).to.equal(false);
      expect(events).to.deep.equal([]);
    });

    it("enabling a region enables its cities, runs each one's hooks and seeds once", async () => {
      const state = await host.tenantPlugins.enable('uz.tashkent-region', 'agency-gas', {
        settings: { rate: 1200 },
        actor: 'admin-1',
      });
      expect(state).to.deep.include({
        enabled: true,
        decidedBy: 'uz.tashkent-region',
        settings: { rate: 1200 },
      });
      expect(await host.isEnabled('chirchik', 'agency-gas')).to.equal(true);
      expect(await host.isEnabled('djizak', 'agency-gas')).to.equal(false);
      expect(events.sort()).to.deep.equal(
        [
          'enable:angren',
          'enable:chirchik',
          'enable:uz.tashkent-region',
          'seed:angren',
          'seed:chirchik',
          'seed:uz.tashkent-region',
        ].sort(),
      );
      const container = await host.tenantPlugins.container('chirchik');
      expect(container.get(Tariff)).to.deep.equal({ tenant: 'chirchik', rate: 1200 });
    });

    it('lets a city override one setting of its region and keep the rest', async () => {
      await host.tenantPlugins.updateSettings('uz.tashkent-region', 'agency-gas', {
        hotline: '+998711234567',
      });
      await host.tenantPlugins.updateSettings('chirchik', 'agency-gas', { rate: 1500 });
      const [gas] = (await host.enablement('chirchik')).filter((e) => e.pluginId === 'agency-gas');
      expect(gas).to.deep.equal({
        pluginId: 'agency-gas',
        enabled: true,
        decidedBy: 'uz.tashkent-region',
        settings: { rate: 1500, hotline: '+998711234567' },
      });
      expect(resolve(await host.tenantPlugins.container('chirchik'), Tariff).rate).to.equal(1500);
      expect(resolve(await host.tenantPlugins.container('angren'), Tariff).rate).to.equal(1200);
    });

    it('disable → enable for a city keeps its data and does not seed again', async () => {
      await host.tenantPlugins.disable('chirchik', 'agency-gas', { actor: 'admin-2' });
      expect(await host.isEnabled('chirchik', 'agency-gas')).to.equal(false);
      expect(await host.isEnabled('angren', 'agency-gas')).to.equal(true);
      expect((await host.tenantPlugins.container('chirchik')).isBound(Tariff)).to.equal(false);
      await host.tenantPlugins.enable('chirchik', 'agency-gas');
      expect(events).to.deep.equal(['disable:chirchik', 'enable:chirchik']);
      const seeds = await db.withTenant('chirchik', (trx) => trx('audit_log').where({ action: 'gas.seed' }));
      expect(seeds).to.have.length(1);
      expect(resolve(await host.tenantPlugins.container('chirchik'), Tariff).rate).to.equal(1500);
    });

    it("lets a tenant binding reach that tenant's data, and only that tenant's", async () => {
      const seeds = resolve(await host.tenantPlugins.container('chirchik'), Seeds);
      expect(await seeds.count()).to.equal(1);
    });

    it('inherits again when a city drops its own decision', async () => {
      await host.tenantPlugins.disable('angren', 'agency-gas');
      await host.tenantPlugins.inherit('angren', 'agency-gas');
      expect(await host.isEnabled('angren', 'agency-gas')).to.equal(true);
    });

    it("keeps one tenant's enablement invisible to another", async () => {
      const rows = await db.withTenant('djizak', (trx) => trx('tenant_plugins').select('tenant_id'));
      expect(rows).to.deep.equal([]);
      const chirchikRows = await db.withTenant('chirchik', (trx) =>
        trx('tenant_plugins').select('tenant_id'),
      );
      expect(new Set(chirchikRows.map((r) => r.tenant_id))).to.deep.equal(new Set(['chirchik']));
    });

    it('audits every decision in the tenant log', async () => {
      const entries = await db.withTenant('chirchik', (trx) =>
        listAudit(trx, 'chirchik', { subjectType: 'plugin' }),
      );
      expect(entries.map((e) => e.action)).to.include.members([
        'plugin.disable',
        'plugin.enable',
        'plugin.settings.update',
      ]);
      expect(entries.find((e) => e.action === 'plugin.disable')!.actor).to.equal('admin-2');
    });

    it("sees another process's decision within the enablement TTL, and rebuilds the container", async function () {
      this.timeout(20_000);
      const other = newHost(); // a second process on the same database
      await other.start(inline(manifest('agency-tax')));
      expect(await host.isEnabled('djizak', 'agency-tax')).to.equal(false);
      await other.tenantPlugins.enable('djizak', 'agency-tax');
      await new Promise((r) => setTimeout(r, ENABLEMENT_TTL_MS + 200));
      expect(await host.isEnabled('djizak', 'agency-tax')).to.equal(true);
    });

    it('refuses unknown plugins and unknown tenants with coded errors', async () => {
      for (const [attempt, code] of [
        [() => host.tenantPlugins.enable('chirchik', 'agency-nope'), 'DARCHA_PLUGIN_NOT_FOUND'],
        [() => host.tenantPlugins.enable('nowhere', 'agency-tax'), 'DARCHA_TENANT_NOT_FOUND'],
      ] as const) {
        try {
          await attempt();
          expect.fail(`expected ${code}`);
        } catch (error) {
          expect(isDarchaError(error, code), String(error)).to.equal(true);
        }
      }
    });

    it('rolls the decision back when onTenantEnable refuses', async () => {
      const strict = newHost();
      await strict.start(
        inline(
          manifest('agency-picky', {
            onTenantEnable: async (ctx) => {
              if (ctx.tenantId === 'djizak') throw new Error('no billing contract with djizak');
            },
          }),
        ),
      );
      try {
        await strict.tenantPlugins.enable('djizak', 'agency-picky');
        expect.fail('should be refused');
      } catch (error) {
        expect(isDarchaError(error, 'DARCHA_PLUGIN_HOOK_FAILED'), String(error)).to.equal(true);
      }
      expect(await strict.isEnabled('djizak', 'agency-picky')).to.equal(false);
    });
  });
});
