import { expect } from 'chai';
import { loadConfig } from '../../src/config/load-config.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { openPlatform, type Platform } from '../../src/platform/open-platform.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import type { ServiceDefinition } from '../../src/registry/types.js';
import type { Actor } from '../../src/workflow/inquiry/types.js';
import { simpleWorkflow } from '../workflow/engine/engine-fixture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

const service: ServiceDefinition = {
  code: 'gas.simple',
  version: 1,
  names: { 'uz-Latn': "Gaz ma'lumotnomasi", 'uz-Cyrl': 'Газ', ru: 'Справка по газу', en: 'Gas certificate' },
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
  result: { document: 'certificate', template: 'agency-gas/certificate' },
};

describe(`core/issue-document in a running platform (${engine})`, function () {
  this.timeout(60_000);
  let platform: Platform;

  before(async () => {
    const workflow = simpleWorkflow();
    const finish = workflow.transitions.find((t) => t.action === 'finish')!;
    finish.effects = [
      { name: 'core/issue-document', template: 'agency-gas/certificate', params: { validDays: 30 } },
    ];
    const plugin = definePlugin({
      id: 'agency-gas',
      version: '1.0.0',
      kind: 'agency',
      engines: { darcha: '^1.0.0' },
      categories: [{ id: 'utilities.gas', names: { en: 'Gas' } }],
      services: [service],
      workflows: [workflow],
      templates: {
        'agency-gas/certificate': {
          ru: '<h1>{{service.name}}</h1><p>{{holder.name}}</p><p>{{plural data.validDays one="# день" few="# дня" many="# дней"}}</p>',
        },
      },
    });
    const config = loadConfig({
      env: { DARCHA_PUBLIC_URL: 'https://darcha.example.uz' },
      overrides: { logLevel: 'silent' },
    });
    platform = await openPlatform({
      config,
      db: await openTestDatabase(),
      plugins: [{ plugin, source: 'inline' }],
    });
    await platform.tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    await platform.tenants.create({
      id: 'chirchik',
      kind: 'city',
      parentId: 'uz',
      names: { 'uz-Latn': 'Chirchiq', ru: 'Чирчик' },
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

  it('issues the document from the outbox after the transition, once, with the configured public URL', async () => {
    const officer = await platform.staff.create('chirchik', {
      displayName: 'Officer',
      roles: ['back_office'],
      agencyCodes: ['gorgas'],
    });
    const actor: Actor = { id: officer.id, kind: 'staff', roles: ['back_office'], agencyCodes: ['gorgas'] };
    const { inquiry } = await platform.engine.file(
      'chirchik',
      {
        serviceCode: 'gas.simple',
        applicant: {
          type: 'individual',
          pinfl: '31234567890123',
          lastName: 'Karimov',
          firstName: 'Aziz',
          locale: 'ru',
        },
        formData: {},
        channel: 'desk',
      },
      { id: 'desk-1', kind: 'staff', roles: ['front_office'] },
    );
    await platform.engine.transition('chirchik', inquiry.id, { action: 'review', expectedVersion: 1 }, actor);
    await platform.engine.claim('chirchik', inquiry.id, 2, actor);
    await platform.engine.transition('chirchik', inquiry.id, { action: 'finish', expectedVersion: 3 }, actor);
    expect((await platform.outbox.runOnce()).dead).to.equal(0);
    await platform.outbox.runOnce();
    const documents = await platform.documents.listForInquiry('chirchik', inquiry.id);
    expect(documents).to.have.length(1);
    expect(documents[0]).to.deep.include({
      kind: 'certificate',
      locale: 'ru',
      templateKey: 'agency-gas/certificate',
    });
    const html = await platform.documents.html('chirchik', documents[0]!.id);
    expect(html).to.include('<h1>Справка по газу</h1>');
    expect(html).to.include('30 дней');
    expect(html).to.include('<div>Чирчик</div>');
    expect(html).to.match(/https:\/\/darcha\.example\.uz\/verify\/chirchik\/[0-9A-Z-]{31}/);
  });
});
