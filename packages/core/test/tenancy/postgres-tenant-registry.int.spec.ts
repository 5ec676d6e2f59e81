import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import { runWithContext } from '../../src/context/request-context.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`tenant registry (${engine})`, () => {
  let db: Database;
  let tenants: PostgresTenantRegistry;

  before(async () => {
    db = await openTestDatabase();
    tenants = new PostgresTenantRegistry(db);
    await tenants.create({
      id: 'uz',
      kind: 'country',
      names: { 'uz-Latn': "O'zbekiston", en: 'Uzbekistan' },
    });
    await tenants.create({
      id: 'uz.tashkent-region',
      kind: 'region',
      parentId: 'uz',
      names: { 'uz-Latn': 'Toshkent viloyati' },
    });
    await tenants.create({
      id: 'chirchik',
      kind: 'city',
      parentId: 'uz.tashkent-region',
      names: { 'uz-Latn': 'Chirchiq', 'uz-Cyrl': 'Чирчиқ', ru: 'Чирчик', en: 'Chirchik' },
    });
  });
  after(() => db.close());

  describe('creating', () => {
    it('stores a tenant with defaults for locale and time zone', async () => {
      const chirchik = await tenants.get('chirchik');
      expect(chirchik).to.include({
        id: 'chirchik',
        kind: 'city',
        parentId: 'uz.tashkent-region',
        status: 'active',
        statusReason: null,
        defaultLocale: 'uz-Latn',
        timeZone: 'Asia/Tashkent',
      });
      expect(chirchik.names.ru).to.equal('Чирчик');
      expect(chirchik.createdAt).to.be.instanceOf(Date);
    });

    it('refuses a duplicate id with DARCHA_TENANT_EXISTS, also when two creates race', async () => {
      await expectCode(
        tenants.create({ id: 'chirchik', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'x' } }),
        'DARCHA_TENANT_EXISTS',
      );
      const racing = await Promise.allSettled(
        [1, 2, 3].map(() =>
          tenants.create({
            id: 'angren',
            kind: 'city',
            parentId: 'uz.tashkent-region',
            names: { 'uz-Latn': 'Angren' },
          }),
        ),
      );
      expect(racing.filter((r) => r.status === 'fulfilled')).to.have.length(1);
      for (const r of racing.filter((r) => r.status === 'rejected')) {
        expect(isDarchaError((r as PromiseRejectedResult).reason, 'DARCHA_TENANT_EXISTS')).to.equal(true);
      }
    });

    it('lists every invalid field at once', async () => {
      const error = await expectCode(
        tenants.create({
          id: 'djizak',
          kind: 'city',
          parentId: 'uz',
          names: { 'uz-Latn': '' },
          defaultLocale: 'fr' as never,
          colour: 'blue',
        } as never),
        'DARCHA_TENANT_INPUT_INVALID',
      );
      const fields = (error.details['errors'] as { field: string }[]).map((e) => e.field);
      expect(fields).to.include.members(['/names/uz-Latn', '/defaultLocale', '/colour']);
    });

    it('requires the name in the default locale and a real time zone', async () => {
      const error = await expectCode(
        tenants.create({
          id: 'djizak',
          kind: 'city',
          parentId: 'uz',
          names: { ru: 'Джизак' },
          timeZone: 'Asia/Atlantis',
        }),
        'DARCHA_TENANT_INPUT_INVALID',
      );
      expect(error.message).to.include('/names/uz-Latn').and.include('Asia/Atlantis');
      expect(await tenants.find('djizak')).to.equal(undefined);
    });

    it('keeps the hierarchy country > region > city', async () => {
      await expectCode(
        tenants.create({ id: 'orphan', kind: 'city', names: { 'uz-Latn': 'x' } }),
        'DARCHA_TENANT_PARENT_INVALID',
      );
      await expectCode(
        tenants.create({ id: 'kz', kind: 'country', parentId: 'uz', names: { 'uz-Latn': 'x' } }),
        'DARCHA_TENANT_PARENT_INVALID',
      );
      await expectCode(
        tenants.create({ id: 'subcity', kind: 'city', parentId: 'chirchik', names: { 'uz-Latn': 'x' } }),
        'DARCHA_TENANT_PARENT_INVALID',
      );
      await expectCode(
        tenants.create({ id: 'lost', kind: 'region', parentId: 'nowhere', names: { 'uz-Latn': 'x' } }),
        'DARCHA_TENANT_PARENT_INVALID',
      );
    });

    it('refuses a malformed id with DARCHA_TENANT_INVALID', async () => {
      await expectCode(
        tenants.create({ id: 'Chirchik', kind: 'city', parentId: 'uz', names: { en: 'x' } }),
        'DARCHA_TENANT_INVALID',
      );
      await expectCode(tenants.get('../etc'), 'DARCHA_TENANT_INVALID');
    });
  });

  describe('hierarchy and listing', () => {
    it('walks ancestors (root first) and descendants', async () => {
      expect((await tenants.ancestors('chirchik')).map((t) => t.id)).to.deep.equal([
        'uz',
        'uz.tashkent-region',
      ]);
      expect((await tenants.descendants('uz')).map((t) => t.id)).to.include.ordered.members([
        'uz.tashkent-region',
      ]);
      expect((await tenants.descendants('uz')).map((t) => t.id)).to.include('chirchik');
      expect(await tenants.ancestors('uz')).to.deep.equal([]);
      await expectCode(tenants.ancestors('nowhere'), 'DARCHA_TENANT_NOT_FOUND');
    });

    it('filters the list by kind, parent and status', async () => {
      expect((await tenants.list({ kind: 'region' })).map((t) => t.id)).to.deep.equal(['uz.tashkent-region']);
      expect((await tenants.list({ parentId: 'uz.tashkent-region' })).map((t) => t.id)).to.include(
        'chirchik',
      );
    });

    it('updates names, locale and time zone, and moves a city under another region', async () => {
      await tenants.create({
        id: 'uz.jizzakh-region',
        kind: 'region',
        parentId: 'uz',
        names: { 'uz-Latn': 'Jizzax viloyati' },
      });
      await tenants.create({
        id: 'gulistan',
        kind: 'city',
        parentId: 'uz.tashkent-region',
        names: { 'uz-Latn': 'Guliston' },
      });
      const moved = await tenants.update('gulistan', {
        parentId: 'uz.jizzakh-region',
        names: { 'uz-Latn': 'Guliston', ru: 'Гулистан' },
        defaultLocale: 'ru',
      });
      expect(moved).to.include({ parentId: 'uz.jizzakh-region', defaultLocale: 'ru' });
      await expectCode(tenants.update('gulistan', { defaultLocale: 'en' }), 'DARCHA_TENANT_INPUT_INVALID');
      await expectCode(tenants.update('gulistan', { parentId: 'chirchik' }), 'DARCHA_TENANT_PARENT_INVALID');
    });
  });

  describe('status', () => {
    it('suspends a tenant: its data stays, requireActive refuses it, resume serves it again', async () => {
      await db.withTenant('chirchik', (trx) =>
        trx('audit_log').insert({ tenant_id: 'chirchik', actor: 'officer', action: 'inquiry.file' }),
      );
      await tenants.suspend('chirchik', 'contract renewal', { actor: 'platform-admin' });
      const error = await expectCode(tenants.requireActive('chirchik'), 'DARCHA_TENANT_SUSPENDED');
      expect(error.message).to.include('contract renewal');
      const kept = await db.withTenant('chirchik', (trx) =>
        trx('audit_log').where({ action: 'inquiry.file' }),
      );
      expect(kept).to.have.length(1);
      await tenants.resume('chirchik');
      expect((await tenants.requireActive('chirchik')).status).to.equal('active');
    });

    it('needs a reason to suspend or archive', async () => {
      await expectCode(tenants.suspend('chirchik', '  '), 'DARCHA_TENANT_INPUT_INVALID');
    });

    it('archives only a tenant with no active children, and for good', async () => {
      const error = await expectCode(
        tenants.archive('uz.tashkent-region', 'merged'),
        'DARCHA_TENANT_HAS_CHILDREN',
      );
      expect(error.details['children']).to.include('chirchik');
      await tenants.create({
        id: 'yangiyul',
        kind: 'city',
        parentId: 'uz.tashkent-region',
        names: { 'uz-Latn': 'Yangiyo‘l' },
      });
      await tenants.archive('yangiyul', 'pilot ended');
      await expectCode(tenants.requireActive('yangiyul'), 'DARCHA_TENANT_ARCHIVED');
      await expectCode(tenants.resume('yangiyul'), 'DARCHA_TENANT_ARCHIVED');
      // Archived tenants are read-only history.
      await expectCode(tenants.update('yangiyul', { names: { 'uz-Latn': 'X' } }), 'DARCHA_TENANT_ARCHIVED');
      await expectCode(tenants.updateSettings('yangiyul', { a: 1 }), 'DARCHA_TENANT_ARCHIVED');
      await expectCode(tenants.addDomain('yangiyul', 'oss.yangiyul.uz'), 'DARCHA_TENANT_ARCHIVED');
      await expectCode(tenants.archive('yangiyul', 'again'), 'DARCHA_TENANT_ARCHIVED');
      await expectCode(tenants.requireActive('nowhere'), 'DARCHA_TENANT_NOT_FOUND');
    });
  });

  describe('settings', () => {
    it('lets a city override one key of its region without copying the rest', async () => {
      await tenants.updateSettings('uz', { currency: 'UZS', branding: { logo: 'uz.svg', color: '#1eb53a' } });
      await tenants.updateSettings('uz.tashkent-region', {
        branding: { logo: 'tashkent.svg' },
        saturdayOpen: false,
      });
      await tenants.updateSettings('chirchik', { branding: { color: '#0099b5' }, saturdayOpen: true });
      expect(await tenants.effectiveSettings('chirchik')).to.deep.equal({
        currency: 'UZS',
        branding: { logo: 'tashkent.svg', color: '#0099b5' },
        saturdayOpen: true,
      });
      expect(await tenants.ownSettings('chirchik')).to.deep.equal({
        branding: { color: '#0099b5' },
        saturdayOpen: true,
      });
    });

    it('inherits again when a city removes its own key with null', async () => {
      await tenants.updateSettings('chirchik', { saturdayOpen: null, branding: { color: null } });
      const effective = await tenants.effectiveSettings('chirchik');
      expect(effective['saturdayOpen']).to.equal(false);
      expect(effective['branding']).to.deep.equal({ logo: 'tashkent.svg', color: '#1eb53a' });
    });

    it('refuses settings nested too deep, and keeps the tenant usable', async () => {
      let deep: Record<string, unknown> = { leaf: true };
      for (let i = 0; i < 4000; i++) deep = { n: deep };
      await expectCode(tenants.updateSettings('chirchik', deep as never), 'DARCHA_TENANT_INPUT_INVALID');
      expect(await tenants.effectiveSettings('chirchik')).to.have.property('currency');
    });

    it('refuses settings that are not an object', async () => {
      await expectCode(tenants.updateSettings('chirchik', [] as never), 'DARCHA_TENANT_INPUT_INVALID');
    });
  });

  describe('domains', () => {
    it('resolves a registered host name to its tenant, case and trailing dot aside', async () => {
      await tenants.addDomain('chirchik', 'OSS.Chirchik.uz');
      expect(await tenants.findByDomain('oss.chirchik.uz.')).to.equal('chirchik');
      expect(await tenants.domainsOf('chirchik')).to.deep.equal(['oss.chirchik.uz']);
      await tenants.addDomain('chirchik', 'oss.chirchik.uz'); // idempotent
      await expectCode(tenants.addDomain('uz', 'oss.chirchik.uz'), 'DARCHA_TENANT_DOMAIN_TAKEN');
      await expectCode(tenants.addDomain('uz', 'https://x.uz/path'), 'DARCHA_TENANT_DOMAIN_INVALID');
      await tenants.removeDomain('oss.chirchik.uz');
      expect(await tenants.findByDomain('oss.chirchik.uz')).to.equal(undefined);
    });
  });

  describe('audit', () => {
    it("records every change in the tenant's own audit log, with actor and request id", async () => {
      await runWithContext({ requestId: 'req-42', userId: 'admin-7' }, () =>
        tenants.updateSettings('chirchik', { queue: { tickets: true } }),
      );
      const entries = await db.withTenant('chirchik', (trx) => listAudit(trx, 'chirchik', { limit: 500 }));
      const actions = entries.map((e) => e.action);
      expect(actions).to.include.members([
        'tenant.create',
        'tenant.suspend',
        'tenant.resume',
        'tenant.settings.update',
        'tenant.domain.add',
        'tenant.domain.remove',
      ]);
      expect(entries[0]).to.include({
        action: 'tenant.settings.update',
        actor: 'admin-7',
        requestId: 'req-42',
      });
      const suspension = entries.find((e) => e.action === 'tenant.suspend')!;
      expect(suspension).to.include({ actor: 'platform-admin', subjectId: 'chirchik' });
      expect(suspension.details).to.include({ from: 'active', to: 'suspended', reason: 'contract renewal' });
      const regionEntries = await db.withTenant('uz.tashkent-region', (trx) =>
        listAudit(trx, 'uz.tashkent-region'),
      );
      expect(regionEntries.every((e) => e.subjectId !== 'chirchik')).to.equal(true);
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
