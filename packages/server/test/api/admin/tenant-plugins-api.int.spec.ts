import { expect } from 'chai';
import { definePlugin, loadConfig, openPlatform, type Platform } from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import { createServer } from '../../../src/create-server.js';
import { PASSWORD } from '../api-fixture.js';
import { fieldsOf, platformClient, staffClient, type AdminClient, type Served } from './admin-client.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`administration API: plugins of a city (${engine})`, function () {
  this.timeout(120_000);
  let platform: Platform;
  let fixture: Served;
  let admin: AdminClient;
  let officer: AdminClient;
  const enabledFor: string[] = [];

  before(async () => {
    const sms = definePlugin({
      id: 'feature-sms',
      version: '1.2.0',
      kind: 'feature',
      engines: { darcha: '^1.0.0' },
      tenantSettingsSchema: {
        type: 'object',
        properties: {
          sender: { type: 'string', minLength: 1, maxLength: 11 },
          dailyLimit: { type: 'integer', minimum: 1 },
        },
        required: ['sender'],
      },
      onTenantEnable: async (ctx) => {
        enabledFor.push(ctx.tenantId);
      },
    });
    const broken = definePlugin({
      id: 'feature-broken',
      version: '0.1.0',
      kind: 'feature',
      engines: { darcha: '^1.0.0' },
      init: () => Promise.reject(new Error('cannot reach the provider')),
    });
    const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
    platform = await openPlatform({
      config,
      db: await openTestDatabase(),
      plugins: [
        { plugin: sms, source: 'inline' },
        { plugin: broken, source: 'inline' },
      ],
    });
    await platform.tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    for (const id of ['chirchik', 'djizak']) {
      await platform.tenants.create({ id, kind: 'city', parentId: 'uz', names: { 'uz-Latn': id } });
      for (const role of ['city_admin', 'back_office']) {
        const member = await platform.staff.create(id, { displayName: `${role} of ${id}`, roles: [role] });
        await platform.identity.setStaffCredentials(id, member.id, {
          login: role.replace('_', '.'),
          password: PASSWORD,
        });
      }
    }
    fixture = { platform, server: createServer({ platform }) };
    admin = await staffClient(fixture, 'chirchik', 'city.admin');
    officer = await staffClient(fixture, 'chirchik', 'back.office');
  });
  after(() => platform.close());

  it('lists installed plugins with their status and whether they are on for the city', async () => {
    const res = await admin.get('/tenant-plugins');
    expect(res.status).to.equal(200);
    const byId = Object.fromEntries(res.body.items.map((p: { id: string }) => [p.id, p]));
    expect(byId['feature-sms']).to.include({
      version: '1.2.0',
      status: 'active',
      enabled: false,
      decidedBy: null,
    });
    expect(byId['feature-sms'].settingsSchema.required).to.deep.equal(['sender']);
    expect(byId['feature-broken']).to.include({ status: 'failed', enabled: false });
    expect(byId['feature-broken'].error.code).to.be.a('string');
    expect((await admin.get('/tenant-plugins?enabled=true')).body.items).to.deep.equal([]);
    expect((await admin.get('/tenant-plugins/feature-sms')).body.id).to.equal('feature-sms');
    expect((await admin.get('/tenant-plugins/feature-none')).status).to.equal(404);
    expect((await admin.get('/tenant-plugins/Not_An_Id')).status).to.equal(400);
    expect((await officer.get('/tenant-plugins')).status).to.equal(403);
  });

  it('refuses to enable a plugin whose required settings are missing, and saves nothing', async () => {
    const res = await admin.put('/tenant-plugins/feature-sms/enablement', { enabled: true });
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('DARCHA_PLUGIN_SETTINGS_INVALID');
    expect((await admin.get('/tenant-plugins/feature-sms')).body.enabled).to.equal(false);
    expect(enabledFor).to.deep.equal([]);
  });

  it('validates settings against the plugin’s schema, then enables it (running its hook), audited', async () => {
    const invalid = await admin.patch('/tenant-plugins/feature-sms/settings', {
      settings: { sender: 'A-SENDER-NAME-TOO-LONG', colour: 'red' },
    });
    expect(invalid.status).to.equal(400);
    expect(invalid.body.code).to.equal('DARCHA_PLUGIN_SETTINGS_INVALID');
    const fields = (invalid.body.details.errors as { field: string }[]).map((e) => e.field);
    expect(fields).to.include.members(['/sender', '/colour']);
    const notWrapped = await admin.patch('/tenant-plugins/feature-sms/settings', { sender: 'CHIRCHIK' });
    expect(fieldsOf(notWrapped)).to.include.members(['body/settings', 'body/sender']);
    const saved = await admin.patch('/tenant-plugins/feature-sms/settings', {
      settings: { sender: 'CHIRCHIK' },
    });
    expect(saved.status).to.equal(200);
    expect(saved.body).to.deep.include({ own: { sender: 'CHIRCHIK' } });
    expect(saved.body.schema.required).to.deep.equal(['sender']);
    const enabled = await admin.put('/tenant-plugins/feature-sms/enablement', { enabled: true });
    expect(enabled.status).to.equal(200);
    expect(enabled.body).to.include({ enabled: true, decidedBy: 'chirchik' });
    expect(enabledFor).to.deep.equal(['chirchik']);
    const settings = await admin.get('/tenant-plugins/feature-sms/settings');
    expect(settings.body.effective).to.deep.equal({ sender: 'CHIRCHIK' });
    const audit = await admin.get('/audit?subjectType=plugin&subjectId=feature-sms');
    expect(audit.body.items.map((e: { action: string }) => e.action)).to.deep.equal([
      'plugin.enable',
      'plugin.settings.update',
    ]);
    const adminId = (await platform.staff.list('chirchik', { role: 'city_admin' }))[0]!.id;
    for (const entry of audit.body.items) expect(entry.actor).to.equal(adminId);
  });

  it('follows the country’s decision and settings when the city drops its own (null)', async () => {
    const root = await platformClient(fixture, 'uz');
    expect(
      (
        await root.patch('/tenant-plugins/feature-sms/settings', {
          settings: { sender: 'UZ', dailyLimit: 500 },
        })
      ).status,
    ).to.equal(200);
    expect(
      (await root.put('/tenant-plugins/feature-sms/enablement', { enabled: true })).body.enabled,
    ).to.equal(true);
    const djizak = await staffClient(fixture, 'djizak', 'city.admin');
    const inherited = await djizak.get('/tenant-plugins/feature-sms');
    expect(inherited.body).to.include({ enabled: true, decidedBy: 'uz' });
    const mixed = await admin.get('/tenant-plugins/feature-sms/settings');
    expect(mixed.body.effective).to.deep.equal({ sender: 'CHIRCHIK', dailyLimit: 500 });
    const off = await admin.put('/tenant-plugins/feature-sms/enablement', { enabled: false });
    expect(off.body).to.include({ enabled: false, decidedBy: 'chirchik' });
    const follow = await admin.put('/tenant-plugins/feature-sms/enablement', { enabled: null });
    expect(follow.body).to.include({ enabled: true, decidedBy: 'uz' });
    const removed = await admin.patch('/tenant-plugins/feature-sms/settings', { settings: { sender: null } });
    expect(removed.body.effective).to.deep.equal({ sender: 'UZ', dailyLimit: 500 });
    expect(removed.body.own).to.deep.equal({});
  });

  it('refuses a plugin that failed to start, an unknown plugin and a malformed body', async () => {
    const failed = await admin.put('/tenant-plugins/feature-broken/enablement', { enabled: true });
    expect(failed.body.code).to.equal('DARCHA_PLUGIN_NOT_ACTIVE');
    const unknown = await admin.put('/tenant-plugins/feature-none/enablement', { enabled: true });
    expect(unknown.status).to.equal(404);
    expect(unknown.body.code).to.equal('DARCHA_PLUGIN_NOT_FOUND');
    expect((await admin.patch('/tenant-plugins/feature-none/settings', { settings: {} })).status).to.equal(
      404,
    );
    const malformed = await admin.put('/tenant-plugins/feature-sms/enablement', {
      enabled: 'yes',
      force: true,
    });
    expect(fieldsOf(malformed)).to.include.members(['body/enabled', 'body/force']);
    expect((await officer.put('/tenant-plugins/feature-sms/enablement', { enabled: false })).status).to.equal(
      403,
    );
  });
});
