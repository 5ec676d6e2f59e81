import { expect } from 'chai';
import { loadConfig } from '../../src/config/load-config.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { openPlatform, type Platform } from '../../src/platform/open-platform.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import type { ServiceDefinition } from '../../src/registry/types.js';
import type { Actor, Inquiry } from '../../src/workflow/inquiry/types.js';
import { simpleWorkflow } from '../workflow/engine/engine-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

const service: ServiceDefinition = {
  code: 'gas.simple',
  version: 1,
  names: { 'uz-Latn': 'Gaz', 'uz-Cyrl': 'Газ', ru: 'Газ', en: 'Gas' },
  category: 'utilities.gas',
  agencyKind: 'gas',
  applicantTypes: ['individual'],
  kind: 'service',
  channels: ['desk'],
  form: { type: 'object' },
  documents: [],
  fee: { free: true },
  sla: { unit: 'working_days', value: 3 },
  workflow: 'agency-gas/simple',
};

describe(`the workflow engine in a running platform (${engine})`, () => {
  let platform: Platform;
  const received: { type: string; tenantId: string }[] = [];
  const effects: string[] = [];

  before(async () => {
    const workflow = simpleWorkflow();
    // The plugin's `finish` issues its own effect, run from the outbox after the transition commits.
    const finish = workflow.transitions.find((t) => t.action === 'finish')!;
    finish.effects = ['agency-gas/stamp'];
    const plugin = definePlugin({
      id: 'agency-gas',
      version: '1.0.0',
      kind: 'agency',
      engines: { darcha: '^1.0.0' },
      categories: [{ id: 'utilities.gas', names: { en: 'Gas' } }],
      services: [service],
      workflows: [workflow],
      effects: {
        stamp: ({ inquiry }) => {
          effects.push((inquiry as Inquiry).trackingNumber);
        },
      },
      eventHandlers: {
        'inquiry.filed': (event) => {
          received.push({ type: event.type, tenantId: event.tenantId });
          return Promise.resolve();
        },
      },
    });
    const broken = definePlugin({
      id: 'agency-broken',
      version: '1.0.0',
      kind: 'agency',
      engines: { darcha: '^1.0.0' },
      categories: [{ id: 'utilities.broken', names: { en: 'Broken' } }],
      services: [
        { ...service, code: 'broken.service', category: 'utilities.broken', workflow: 'agency-broken/none' },
      ],
    });
    const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
    platform = await openPlatform({
      config,
      db: await openTestDatabase(),
      plugins: [
        { plugin, source: 'inline' },
        { plugin: broken, source: 'inline' },
      ],
    });
    await platform.tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    await platform.tenants.create({
      id: 'chirchik',
      kind: 'city',
      parentId: 'uz',
      names: { 'uz-Latn': 'Chirchiq' },
      settings: { inquiries: { trackingPrefix: 'CHR' } },
    });
    await platform.plugins.tenantPlugins.enable('chirchik', 'agency-gas');
    await platform.agencies.upsertAgency('chirchik', {
      code: 'gorgas',
      kind: 'gas',
      names: { en: 'Gorgas' },
      contacts: {},
      workingHours: {},
      active: true,
    });
    await platform.catalog.setEntry('chirchik', {
      serviceCode: 'gas.simple',
      offered: true,
      agencyCode: 'gorgas',
    });
  });
  after(() => platform.close());

  it('refuses a plugin whose services name a workflow nobody publishes', () => {
    const entry = platform.pluginReport.find((r) => r.id === 'agency-broken');
    expect(entry).to.deep.include({ status: 'failed' });
    expect(entry?.error?.code).to.equal('DARCHA_REGISTRY_WORKFLOW_UNKNOWN');
  });

  it('files, moves and delivers: plugin handlers get events and effects run after commit', async () => {
    const officer = await platform.staff.create('chirchik', {
      displayName: 'Officer',
      roles: ['back_office'],
      agencyCodes: ['gorgas'],
    });
    const actor: Actor = { id: officer.id, kind: 'staff', roles: ['back_office'], agencyCodes: ['gorgas'] };
    const operator: Actor = { id: 'desk-1', kind: 'staff', roles: ['front_office'] };
    const { inquiry } = await platform.engine.file(
      'chirchik',
      {
        serviceCode: 'gas.simple',
        applicant: {
          type: 'individual',
          pinfl: '31234567890123',
          lastName: 'K',
          firstName: 'A',
          locale: 'ru',
        },
        formData: {},
        channel: 'desk',
      },
      operator,
    );
    expect(inquiry.trackingNumber).to.equal(`CHR-${new Date().getFullYear()}-000001`);
    await platform.engine.transition('chirchik', inquiry.id, { action: 'review', expectedVersion: 1 }, actor);
    await platform.engine.claim('chirchik', inquiry.id, 2, actor);
    await platform.engine.transition('chirchik', inquiry.id, { action: 'finish', expectedVersion: 3 }, actor);
    const delivered = await platform.outbox.runOnce();
    expect(delivered.dead).to.equal(0);
    expect(received).to.deep.equal([{ type: 'inquiry.filed', tenantId: 'chirchik' }]);
    expect(effects).to.deep.equal([inquiry.trackingNumber]);
    const inbox = await platform.inbox.counts(
      'chirchik',
      { id: officer.id, roles: ['back_office'], agencyCodes: ['gorgas'], actingFor: [] },
      { dueBefore: new Date(Date.now() + 86_400_000) },
    );
    expect(inbox).to.be.an('object');
  });

  it("reads a filed inquiry once for all of core's subscribers of its event", async () => {
    const { inquiry } = await platform.engine.file(
      'chirchik',
      {
        serviceCode: 'gas.simple',
        applicant: {
          type: 'individual',
          pinfl: '31234567890124',
          lastName: 'K',
          firstName: 'B',
          phone: '+998901234567',
          locale: 'uz-Latn',
        },
        formData: {},
        channel: 'desk',
      },
      { id: 'desk-1', kind: 'staff', roles: ['front_office'] },
    );
    const engine = platform.engine;
    const read = engine.get.bind(engine);
    const reads: string[] = [];
    engine.get = (tenantId, inquiryId) => {
      reads.push(inquiryId);
      return read(tenantId, inquiryId);
    };
    try {
      const delivered = await platform.outbox.runOnce();
      expect(delivered).to.deep.include({ failed: 0, dead: 0 });
    } finally {
      delete (engine as { get?: unknown }).get;
    }
    // Notifications (the applicant's SMS) and invoicing (a free service) both needed it.
    expect(reads).to.deep.equal([inquiry.id]);
    const messages = await platform.notifications.list('chirchik', { inquiryId: inquiry.id });
    expect(messages.items.map((m) => m.template)).to.deep.equal(['inquiry.filed']);
  });
});
