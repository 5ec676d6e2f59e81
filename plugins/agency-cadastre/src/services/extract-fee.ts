import { SCHEDULE_RULE, type FeeSchedule, type ServiceFee } from '@darcha/core';
import { SOCIAL_DISCOUNTS } from '@darcha/service-kit';

/**
 * The register extract's fee (services.md): legal entities 5.0 BHM whatever the property; an
 * individual's non-residential property 3.0; an individual's housing by floor area: 1.25 BHM up to
 * 100 m2, 2.0 from 101 to 300, 3.0 over 300; half for the social register and disability groups I
 * and II. These are the tiers of the worked example in docs/guides/fees-and-payments.md, in its order,
 * with the non-residential tier inserted before the area tiers (first match wins, so an area of
 * 100.5 m2 falls in the 101-300 tier and 300.5 m2 in the over-300 tier).
 */
export const EXTRACT_FEE_SCHEDULE = {
  tiers: [
    {
      id: 'legal-entity',
      names: {
        'uz-Latn': 'yuridik shaxs',
        'uz-Cyrl': 'юридик шахс',
        ru: 'юридическое лицо',
        en: 'legal entity',
      },
      when: [{ field: '$applicantType', equals: 'legal_entity' }],
      amount: { bhm: 5 },
    },
    {
      id: 'non-residential',
      names: {
        'uz-Latn': 'noturar joy',
        'uz-Cyrl': 'нотурар жой',
        ru: 'нежилое помещение',
        en: 'non-residential property',
      },
      when: [{ field: '/propertyType', equals: 'non_residential' }],
      amount: { bhm: 3 },
    },
    {
      id: 'up-to-100',
      names: { 'uz-Latn': '100 m2 gacha', 'uz-Cyrl': '100 м2 гача', ru: 'до 100 м2', en: 'up to 100 m2' },
      when: [{ field: '/area', max: 100 }],
      amount: { bhm: 1.25 },
    },
    {
      id: '101-300',
      names: { 'uz-Latn': '101-300 m2', 'uz-Cyrl': '101-300 м2', ru: '101-300 м2', en: '101-300 m2' },
      when: [{ field: '/area', max: 300 }],
      amount: { bhm: 2 },
    },
    {
      id: 'over-300',
      names: {
        'uz-Latn': '300 m2 dan ortiq',
        'uz-Cyrl': '300 м2 дан ортиқ',
        ru: 'свыше 300 м2',
        en: 'over 300 m2',
      },
      when: [{ field: '/area', min: 300 }],
      amount: { bhm: 3 },
    },
  ],
  discounts: SOCIAL_DISCOUNTS,
} satisfies FeeSchedule;

/** The extract's fee as a service definition holds it. */
export const EXTRACT_FEE: ServiceFee = { free: false, rule: SCHEDULE_RULE, params: EXTRACT_FEE_SCHEDULE };
