import type { CreateTenantInput, TenantRegistry } from '@darcha/core';

/**
 * The demo hierarchy of the quick start: Uzbekistan, three regions, and the three cities of the
 * 2014 One-Stop-Shop workshop. The city packs (agencies, services, staff) build on these tenants.
 */
export const DEMO_TENANTS: readonly CreateTenantInput[] = [
  {
    id: 'uz',
    kind: 'country',
    names: { 'uz-Latn': "O'zbekiston", 'uz-Cyrl': 'Ўзбекистон', ru: 'Узбекистан', en: 'Uzbekistan' },
  },
  {
    id: 'uz.tashkent-region',
    kind: 'region',
    parentId: 'uz',
    names: {
      'uz-Latn': 'Toshkent viloyati',
      'uz-Cyrl': 'Тошкент вилояти',
      ru: 'Ташкентская область',
      en: 'Tashkent region',
    },
  },
  {
    id: 'uz.jizzakh-region',
    kind: 'region',
    parentId: 'uz',
    names: {
      'uz-Latn': 'Jizzax viloyati',
      'uz-Cyrl': 'Жиззах вилояти',
      ru: 'Джизакская область',
      en: 'Jizzakh region',
    },
  },
  {
    id: 'uz.namangan-region',
    kind: 'region',
    parentId: 'uz',
    names: {
      'uz-Latn': 'Namangan viloyati',
      'uz-Cyrl': 'Наманган вилояти',
      ru: 'Наманганская область',
      en: 'Namangan region',
    },
  },
  {
    id: 'chirchik',
    kind: 'city',
    settings: { inquiries: { trackingPrefix: 'CHR' } },
    parentId: 'uz.tashkent-region',
    names: { 'uz-Latn': 'Chirchiq', 'uz-Cyrl': 'Чирчиқ', ru: 'Чирчик', en: 'Chirchik' },
  },
  {
    id: 'djizak',
    kind: 'city',
    settings: { inquiries: { trackingPrefix: 'DJZ' } },
    parentId: 'uz.jizzakh-region',
    names: { 'uz-Latn': 'Jizzax', 'uz-Cyrl': 'Жиззах', ru: 'Джизак', en: 'Djizak' },
  },
  {
    id: 'namangan',
    kind: 'city',
    settings: { inquiries: { trackingPrefix: 'NMG' } },
    parentId: 'uz.namangan-region',
    names: { 'uz-Latn': 'Namangan', 'uz-Cyrl': 'Наманган', ru: 'Наманган', en: 'Namangan' },
  },
];

/** Creates whichever demo tenants are missing; existing ones (and their changes) are left alone. */
export async function seedDemoTenants(tenants: TenantRegistry): Promise<string[]> {
  const created: string[] = [];
  for (const tenant of DEMO_TENANTS) {
    if (await tenants.find(tenant.id)) continue;
    await tenants.create(tenant, { actor: 'demo-seed' });
    created.push(tenant.id);
  }
  return created;
}
