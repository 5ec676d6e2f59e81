import { expect } from 'chai';
import { isDarchaError } from '../../../src/errors/darcha-error.js';
import {
  createDefaultResolverChain,
  headerResolver,
  hostNameResolver,
  jurisdictionResolver,
  pathPrefixResolver,
} from '../../../src/tenancy/resolution/tenant-resolvers.js';
import type { TenantResolutionRequest } from '../../../src/tenancy/resolution/types.js';

async function expectTenantInvalid(work: () => unknown): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (isDarchaError(error, 'DARCHA_TENANT_INVALID')) return;
    throw error;
  }
  throw new Error('expected DARCHA_TENANT_INVALID to be thrown');
}

describe('tenant resolution', () => {
  describe('the default chain', () => {
    const chain = createDefaultResolverChain({ baseDomain: 'darcha.example' });
    const everything: TenantResolutionRequest = {
      userTenantId: 'chirchik',
      host: 'djizak.darcha.example',
      path: '/t/namangan/api/v1/inquiries',
      headers: { 'x-darcha-tenant': 'uz' },
      query: { jurisdiction_id: 'uz.tashkent-region' },
      isPublic: true,
    };

    it("takes the signed-in user's tenant before anything else", async () => {
      expect(await chain.resolve(everything)).to.deep.equal({ tenantId: 'chirchik', source: 'user' });
    });

    it('takes the host name before the path prefix', async () => {
      const request = { ...everything, userTenantId: undefined };
      expect(await chain.resolve(request)).to.deep.equal({ tenantId: 'djizak', source: 'host' });
    });

    it('takes the path prefix before the header', async () => {
      const request = { ...everything, userTenantId: undefined, host: 'localhost:3000' };
      expect(await chain.resolve(request)).to.deep.equal({
        tenantId: 'namangan',
        source: 'path',
        path: '/api/v1/inquiries',
      });
    });

    it('takes the header before jurisdiction_id', async () => {
      const request = { ...everything, userTenantId: undefined, host: undefined, path: '/api/v1/inquiries' };
      expect(await chain.resolve(request)).to.deep.equal({ tenantId: 'uz', source: 'header' });
    });

    it('falls back to jurisdiction_id last', async () => {
      const request = {
        ...everything,
        userTenantId: undefined,
        host: undefined,
        path: '/open311',
        headers: {},
      };
      expect(await chain.resolve(request)).to.deep.equal({
        tenantId: 'uz.tashkent-region',
        source: 'jurisdiction',
      });
    });

    it('answers undefined when nothing names a tenant', async () => {
      expect(await chain.resolve({ host: 'localhost:3000', path: '/api/v1/health' })).to.equal(undefined);
      expect(await chain.resolve({ path: '/', isPublic: true, headers: {}, query: {} })).to.equal(undefined);
    });

    it('consults a custom domain lookup before the base domain', async () => {
      const withDomains = createDefaultResolverChain({
        baseDomain: 'darcha.example',
        findByDomain: async (host) => (host === 'djizak.darcha.example' ? 'chirchik' : undefined),
      });
      expect(await withDomains.resolve({ host: 'djizak.darcha.example', path: '/' })).to.deep.equal({
        tenantId: 'chirchik',
        source: 'host',
      });
    });

    it('stops at a malformed tenant in the path even when a header names a good one', async () => {
      await expectTenantInvalid(() =>
        chain.resolve({ path: '/t/Chirchik/x', headers: { 'x-darcha-tenant': 'uz' }, isPublic: true }),
      );
    });
  });

  describe('by host name', () => {
    it('finds a registered custom domain through findByDomain, given the bare lowercase host', async () => {
      const asked: string[] = [];
      const resolver = hostNameResolver({
        findByDomain: async (host) => {
          asked.push(host);
          return host === 'oss.chirchik.uz' ? 'chirchik' : undefined;
        },
      });
      expect(await resolver.resolve({ host: 'OSS.Chirchik.UZ.:8443', path: '/' })).to.deep.equal({
        tenantId: 'chirchik',
        source: 'host',
      });
      expect(await resolver.resolve({ host: 'oss.unknown.uz', path: '/' })).to.equal(undefined);
      expect(asked).to.deep.equal(['oss.chirchik.uz', 'oss.unknown.uz']);
    });

    it('reads the tenant from a subdomain of the base domain', async () => {
      const resolver = hostNameResolver({ baseDomain: 'darcha.example' });
      for (const host of [
        'chirchik.darcha.example',
        'chirchik.darcha.example:3000',
        'chirchik.darcha.example.',
        'CHIRCHIK.Darcha.Example',
        ' chirchik.darcha.example:443 ',
      ]) {
        expect(await resolver.resolve({ host, path: '/' }), host).to.deep.equal({
          tenantId: 'chirchik',
          source: 'host',
        });
      }
    });

    it('matches a base domain configured in upper case', async () => {
      const resolver = hostNameResolver({ baseDomain: 'Darcha.Example' });
      expect(await resolver.resolve({ host: 'djizak.darcha.example', path: '/' })).to.deep.equal({
        tenantId: 'djizak',
        source: 'host',
      });
    });

    it('reads a dotted tenant id from several subdomain labels', async () => {
      const resolver = hostNameResolver({ baseDomain: 'darcha.example' });
      expect(await resolver.resolve({ host: 'uz.tashkent-region.darcha.example', path: '/' })).to.deep.equal({
        tenantId: 'uz.tashkent-region',
        source: 'host',
      });
    });

    it('ignores the base domain itself, look-alike domains and labels that are not tenant ids', async () => {
      const resolver = hostNameResolver({ baseDomain: 'darcha.example' });
      for (const host of [
        'darcha.example',
        'chirchikdarcha.example',
        'chirchik.darcha.example.evil.test',
        'www_1.darcha.example',
        '1city.darcha.example',
        '',
        '   ',
      ]) {
        expect(await resolver.resolve({ host, path: '/' }), host).to.equal(undefined);
      }
      expect(await resolver.resolve({ path: '/' })).to.equal(undefined);
    });

    it('answers nothing from the host without a base domain or lookup', async () => {
      expect(await hostNameResolver({}).resolve({ host: 'chirchik.darcha.example', path: '/' })).to.equal(
        undefined,
      );
    });
  });

  describe('by path prefix', () => {
    const resolver = pathPrefixResolver();

    it('takes the tenant from /t/<tenant> and hands on the rest of the path', async () => {
      expect(await resolver.resolve({ path: '/t/chirchik/api/v1/x' })).to.deep.equal({
        tenantId: 'chirchik',
        source: 'path',
        path: '/api/v1/x',
      });
    });

    it('hands on / when the path is only the prefix', async () => {
      expect(await resolver.resolve({ path: '/t/chirchik' })).to.deep.equal({
        tenantId: 'chirchik',
        source: 'path',
        path: '/',
      });
      expect(await resolver.resolve({ path: '/t/chirchik/' })).to.deep.include({ path: '/' });
    });

    it('accepts a dotted tenant id', async () => {
      expect(await resolver.resolve({ path: '/t/uz.tashkent-region/portal' })).to.deep.equal({
        tenantId: 'uz.tashkent-region',
        source: 'path',
        path: '/portal',
      });
    });

    it('refuses a malformed tenant with DARCHA_TENANT_INVALID', async () => {
      for (const path of [
        '/t/Chirchik/x',
        '/t/chir%20chik/x',
        '/t/chirchik%2F..%2Fuz/x',
        "/t/x'--/api",
        '/t/%zz/x',
        '/t/%E0%A4%A/x',
      ]) {
        await expectTenantInvalid(() => resolver.resolve({ path }));
      }
    });

    it('ignores paths without the prefix', async () => {
      for (const path of ['/api/v1/x', '/tenants/chirchik', '/t/', '/t//x', '/api/t/chirchik']) {
        expect(await resolver.resolve({ path }), path).to.equal(undefined);
      }
    });
  });

  describe('by header and jurisdiction_id', () => {
    it('reads X-Darcha-Tenant on public endpoints only', async () => {
      const resolver = headerResolver();
      const headers = { 'x-darcha-tenant': 'chirchik' };
      expect(await resolver.resolve({ path: '/', headers, isPublic: true })).to.deep.equal({
        tenantId: 'chirchik',
        source: 'header',
      });
      expect(await resolver.resolve({ path: '/', headers })).to.equal(undefined);
      expect(await resolver.resolve({ path: '/', headers, isPublic: false })).to.equal(undefined);
    });

    it('takes the first of repeated headers and ignores an empty one', async () => {
      const resolver = headerResolver();
      expect(
        await resolver.resolve({
          path: '/',
          headers: { 'x-darcha-tenant': ['djizak', 'chirchik'] },
          isPublic: true,
        }),
      ).to.deep.equal({ tenantId: 'djizak', source: 'header' });
      expect(
        await resolver.resolve({ path: '/', headers: { 'x-darcha-tenant': '' }, isPublic: true }),
      ).to.equal(undefined);
    });

    it('refuses a malformed header on a public endpoint and ignores it elsewhere', async () => {
      const resolver = headerResolver();
      const headers = { 'x-darcha-tenant': "chirchik' OR 1=1" };
      await expectTenantInvalid(() => resolver.resolve({ path: '/', headers, isPublic: true }));
      expect(await resolver.resolve({ path: '/', headers })).to.equal(undefined);
    });

    it('reads jurisdiction_id on public endpoints only', async () => {
      const resolver = jurisdictionResolver();
      const query = { jurisdiction_id: 'chirchik' };
      expect(
        await resolver.resolve({ path: '/open311/v2/requests.json', query, isPublic: true }),
      ).to.deep.equal({
        tenantId: 'chirchik',
        source: 'jurisdiction',
      });
      expect(await resolver.resolve({ path: '/open311/v2/requests.json', query })).to.equal(undefined);
    });

    it('refuses a malformed jurisdiction_id and ignores one that is not a string', async () => {
      const resolver = jurisdictionResolver();
      await expectTenantInvalid(() =>
        resolver.resolve({ path: '/', query: { jurisdiction_id: 'Chirchik City' }, isPublic: true }),
      );
      expect(
        await resolver.resolve({ path: '/', query: { jurisdiction_id: ['chirchik'] }, isPublic: true }),
      ).to.equal(undefined);
    });
  });
});
