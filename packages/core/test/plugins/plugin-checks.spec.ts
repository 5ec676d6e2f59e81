import { expect } from 'chai';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { PLUGIN_API_VERSION } from '../../src/plugins/plugin-api-version.js';
import { checkPlugins, type LoadedPlugin } from '../../src/plugins/plugin-checks.js';
import type { PluginManifest } from '../../src/plugins/types.js';

function plugin(id: string, more: Partial<PluginManifest> = {}): LoadedPlugin {
  return {
    plugin: definePlugin({ id, version: '1.0.0', kind: 'agency', engines: { darcha: '^1.0.0' }, ...more }),
    source: `@darcha/plugin-${id}`,
  };
}

function codes(result: ReturnType<typeof checkPlugins>): Record<string, string[]> {
  return Object.fromEntries(result.map((c) => [c.loaded.plugin.id, c.errors.map((e) => e.code)]));
}

describe('plugin load-time checks', () => {
  it('orders plugins after their dependencies, whatever order they were given in', () => {
    const result = checkPlugins([
      plugin('city-chirchik', {
        kind: 'city',
        dependsOn: [
          { id: 'agency-gas', range: '^1.0.0' },
          { id: 'agency-water', range: '1.x' },
        ],
      }),
      plugin('agency-water', { dependsOn: [{ id: 'agency-common', range: '>=1.0.0' }] }),
      plugin('agency-gas', { dependsOn: [{ id: 'agency-common', range: '^1.0.0' }] }),
      plugin('agency-common'),
    ]);
    expect(result.map((c) => c.loaded.plugin.id)).to.deep.equal([
      'agency-common',
      'agency-gas',
      'agency-water',
      'city-chirchik',
    ]);
    expect(result.every((c) => c.errors.length === 0)).to.equal(true);
  });

  it('refuses a missing dependency, but not a missing optional one', () => {
    const result = checkPlugins([
      plugin('city-djizak', {
        dependsOn: [
          { id: 'agency-tax', range: '^1.0.0' },
          { id: 'feature-sms', range: '^1.0.0', optional: true },
        ],
      }),
    ]);
    expect(codes(result)).to.deep.equal({ 'city-djizak': ['DARCHA_PLUGIN_DEPENDENCY_MISSING'] });
    expect(result[0]!.errors[0]!.message).to.include('"agency-tax"');
  });

  it('refuses a dependency out of range, optional or not, naming both versions', () => {
    const result = checkPlugins([
      plugin('agency-gas'),
      plugin('feature-sms', { version: '0.3.0' } as Partial<PluginManifest>),
      plugin('city-namangan', {
        dependsOn: [
          { id: 'agency-gas', range: '^2.0.0' },
          { id: 'feature-sms', range: '^1.0.0', optional: true },
        ],
      }),
    ]);
    const errors = result.find((c) => c.loaded.plugin.id === 'city-namangan')!.errors;
    expect(errors.map((e) => e.code)).to.deep.equal([
      'DARCHA_PLUGIN_DEPENDENCY_MISMATCH',
      'DARCHA_PLUGIN_DEPENDENCY_MISMATCH',
    ]);
    expect(errors[0]!.message).to.include('^2.0.0').and.include('1.0.0');
  });

  it('prints a dependency cycle', () => {
    const result = checkPlugins([
      plugin('a', { dependsOn: [{ id: 'b', range: '*' }] }),
      plugin('b', { dependsOn: [{ id: 'c', range: '*' }] }),
      plugin('c', { dependsOn: [{ id: 'a', range: '*' }] }),
      plugin('d'),
    ]);
    expect(codes(result)).to.deep.include({
      a: ['DARCHA_PLUGIN_CYCLE'],
      b: ['DARCHA_PLUGIN_CYCLE'],
      c: ['DARCHA_PLUGIN_CYCLE'],
      d: [],
    });
    expect(result.find((c) => c.loaded.plugin.id === 'a')!.errors[0]!.message).to.include('a -> b -> c -> a');
  });

  it('refuses two plugins with one id, naming both sources', () => {
    const twin = { ...plugin('agency-gas'), source: './plugins/gas-fork' };
    const result = checkPlugins([plugin('agency-gas'), twin]);
    expect(result.map((c) => c.errors.map((e) => e.code))).to.deep.equal([
      ['DARCHA_PLUGIN_DUPLICATE_ID'],
      ['DARCHA_PLUGIN_DUPLICATE_ID'],
    ]);
    expect(result[0]!.errors[0]!.message)
      .to.include('@darcha/plugin-agency-gas')
      .and.include('./plugins/gas-fork');
  });

  it('refuses a plugin made for another plugin API', () => {
    const result = checkPlugins([plugin('old', { engines: { darcha: '^0.9.0' } })]);
    expect(codes(result)).to.deep.equal({ old: ['DARCHA_PLUGIN_CORE_MISMATCH'] });
    expect(result[0]!.errors[0]!.message).to.include('^0.9.0').and.include(PLUGIN_API_VERSION);
  });

  it('lists every identity problem at once', () => {
    const bad = definePlugin({
      id: 'Gas Pack',
      version: 'one',
      kind: 'utility' as never,
      engines: { darcha: 'latest!' },
    });
    const [result] = checkPlugins([{ plugin: bad, source: 'inline' }]);
    expect(result!.errors.map((e) => e.code)).to.deep.equal(['DARCHA_PLUGIN_INVALID']);
    const problems = result!.errors[0]!.details['problems'] as string[];
    expect(problems).to.have.length(4);
    expect(problems.join('\n'))
      .to.include('"id"')
      .and.include('"version"')
      .and.include('"kind"')
      .and.include('"engines.darcha"');
  });

  it('reserves the ids whose namespace holds the built-ins', () => {
    const [result] = checkPlugins([plugin('core')]);
    expect(result!.errors[0]!.message).to.include('"core" is reserved');
  });

  it("refuses a version that differs from the package's", () => {
    const [result] = checkPlugins([{ ...plugin('agency-gas'), packageVersion: '1.1.0' }]);
    expect(result!.errors[0]!.message).to.include('package.json says 1.1.0');
  });

  it('validates config against configSchema, listing every invalid field', () => {
    const gas = plugin('agency-gas', {
      configSchema: {
        type: 'object',
        required: ['billingUrl'],
        properties: {
          billingUrl: { type: 'string', format: 'uri' },
          retries: { type: 'integer', minimum: 0 },
        },
      },
    });
    const [result] = checkPlugins([gas], () => ({ retries: -1, colour: 'blue' }));
    expect(result!.errors.map((e) => e.code)).to.deep.equal(['DARCHA_PLUGIN_CONFIG_INVALID']);
    const fields = (result!.errors[0]!.details['errors'] as { field: string }[]).map((e) => e.field).sort();
    expect(fields).to.deep.equal(['/billingUrl', '/colour', '/retries']);
    expect(checkPlugins([gas], () => ({ billingUrl: 'https://billing.gas.uz' }))[0]!.errors).to.deep.equal(
      [],
    );
  });

  it('refuses config for a plugin that takes none', () => {
    const [result] = checkPlugins([plugin('agency-tax')], () => ({ anything: 1 }));
    expect(result!.errors.map((e) => e.code)).to.deep.equal(['DARCHA_PLUGIN_CONFIG_INVALID']);
  });

  it('refuses bad migration names and contributions outside the plugin namespace', () => {
    const up = (): Promise<void> => Promise.resolve();
    const [result] = checkPlugins([
      plugin('agency-gas', {
        migrations: [
          { name: '0002_tariffs', up },
          { name: '0001_meters', up },
          { name: 'readings', up },
        ],
        templates: { certificate: { en: 'x' }, 'agency-gas/receipt': { en: 'y' } },
        helpers: { 'agency-water/m3': () => '' },
        tenantSettingsSchema: { type: 'object', properties: { x: { type: 'nonsense' } } },
      }),
    ]);
    const problems = result!.errors[0]!.details['problems'] as string[];
    expect(problems.join('\n'))
      .to.include('"0001_meters" comes after "0002_tariffs"')
      .and.include('"readings" is not of the form')
      .and.include('template "certificate" must be named "agency-gas/..."')
      .and.include('helper "agency-water/m3"')
      .and.include('tenantSettingsSchema is not a valid JSON Schema');
  });
});
