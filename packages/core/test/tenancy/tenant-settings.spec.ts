import { expect } from 'chai';
import { applySettingsPatch, mergeSettingsLayers } from '../../src/tenancy/tenant-settings.js';
import type { TenantSettings } from '../../src/tenancy/types.js';

describe('tenant settings', () => {
  describe('mergeSettingsLayers', () => {
    const country: TenantSettings = {
      currency: 'UZS',
      branding: { color: '#1a5', logo: 'uz.svg' },
      channels: ['sms', 'email'],
    };
    const region: TenantSettings = {
      branding: { logo: 'tashkent.svg', footer: { phone: '+998 71 000 00 00', email: 'oss@tashkent.uz' } },
      workingHours: { start: '09:00', end: '18:00' },
    };
    const city: TenantSettings = {
      branding: { footer: { phone: '+998 70 123 45 67' } },
      channels: ['telegram'],
    };

    it('lets a city override one nested key of its region and inherit the rest', () => {
      const merged = mergeSettingsLayers([region, city]);
      expect(merged).to.deep.equal({
        branding: { logo: 'tashkent.svg', footer: { phone: '+998 70 123 45 67', email: 'oss@tashkent.uz' } },
        workingHours: { start: '09:00', end: '18:00' },
        channels: ['telegram'],
      });
    });

    it('lets later layers win, root ancestor first', () => {
      const merged = mergeSettingsLayers([country, region, city]);
      expect(merged).to.deep.equal({
        currency: 'UZS',
        branding: {
          color: '#1a5',
          logo: 'tashkent.svg',
          footer: { phone: '+998 70 123 45 67', email: 'oss@tashkent.uz' },
        },
        channels: ['telegram'],
        workingHours: { start: '09:00', end: '18:00' },
      });
      expect(
        mergeSettingsLayers([{ currency: 'UZS' }, { currency: 'USD' }, { currency: 'EUR' }]),
      ).to.deep.equal({
        currency: 'EUR',
      });
    });

    it('replaces arrays instead of concatenating them', () => {
      expect(mergeSettingsLayers([country, city])['channels']).to.deep.equal(['telegram']);
      expect(mergeSettingsLayers([country, { channels: [] }])['channels']).to.deep.equal([]);
    });

    it('returns arrays that do not share storage with the layers', () => {
      const merged = mergeSettingsLayers([country, city]);
      (merged['channels'] as string[]).push('fax');
      expect(city['channels']).to.deep.equal(['telegram']);
    });

    it('replaces an object by a scalar and a scalar by an object', () => {
      expect(mergeSettingsLayers([{ limit: { daily: 5 } }, { limit: 10 }])).to.deep.equal({ limit: 10 });
      expect(mergeSettingsLayers([{ limit: 10 }, { limit: { daily: 5 } }])).to.deep.equal({
        limit: { daily: 5 },
      });
    });

    it('leaves its inputs untouched, also when the result is changed', () => {
      const before = structuredClone([country, region, city]);
      const merged = mergeSettingsLayers([country, region, city]);
      expect([country, region, city]).to.deep.equal(before);
      (merged['branding'] as { [key: string]: string }).logo = 'changed.svg';
      expect(region['branding']).to.deep.equal(before[1]!['branding']);
      expect(country['branding']).to.deep.equal(before[0]!['branding']);
    });

    it('gives an empty object for no layers', () => {
      expect(mergeSettingsLayers([])).to.deep.equal({});
    });
  });

  describe('applySettingsPatch', () => {
    it('removes an own key patched to null, so that it is inherited again', () => {
      const result = applySettingsPatch({ currency: 'USD', timeoutDays: 15 }, { currency: null });
      expect(result).to.deep.equal({ timeoutDays: 15 });
      expect(Object.keys(result)).to.not.include('currency');
      const inherited = mergeSettingsLayers([{ currency: 'UZS' }, result]);
      expect(inherited['currency']).to.equal('UZS');
    });

    it('merges nested objects key by key and removes nested keys patched to null', () => {
      const own: TenantSettings = {
        branding: { color: '#1a5', logo: 'a.svg', footer: { phone: '1', email: 'e' } },
      };
      const result = applySettingsPatch(own, { branding: { color: '#0a7', footer: { email: null } } });
      expect(result).to.deep.equal({ branding: { color: '#0a7', logo: 'a.svg', footer: { phone: '1' } } });
    });

    it('replaces scalars and arrays, and adds new keys', () => {
      const result = applySettingsPatch(
        { channels: ['sms', 'email'], timeoutDays: 15, branding: { color: '#1a5' } },
        { channels: ['telegram'], timeoutDays: 10, branding: 'plain', locale: 'ru' },
      );
      expect(result).to.deep.equal({
        channels: ['telegram'],
        timeoutDays: 10,
        branding: 'plain',
        locale: 'ru',
      });
    });

    it('ignores null for a key that is not set', () => {
      expect(applySettingsPatch({ a: 1 }, { b: null })).to.deep.equal({ a: 1 });
    });

    it('returns a new object and leaves the own settings and the patch untouched', () => {
      const own: TenantSettings = { currency: 'USD', branding: { color: '#1a5', logo: 'a.svg' } };
      const patch: TenantSettings = { currency: null, branding: { color: '#0a7' } };
      const ownBefore = structuredClone(own);
      const patchBefore = structuredClone(patch);
      const result = applySettingsPatch(own, patch);
      expect(result).to.not.equal(own);
      expect(result['branding']).to.not.equal(own['branding']);
      expect(own).to.deep.equal(ownBefore);
      expect(patch).to.deep.equal(patchBefore);
    });
  });
});
