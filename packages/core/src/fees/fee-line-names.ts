import { LOCALES, type LocalizedText } from '../i18n/locales.js';
import type { ApplicantCategory } from '../workflow/inquiry/types.js';
import type { FeeTier } from './fee-types.js';

const CATEGORY_NAMES: Record<ApplicantCategory, Required<LocalizedText>> = {
  'social-register': {
    'uz-Latn': 'ijtimoiy himoya yagona reestri',
    'uz-Cyrl': 'ижтимоий ҳимоя ягона реестри',
    ru: 'единый реестр социальной защиты',
    en: 'social protection register',
  },
  'disability-1': {
    'uz-Latn': 'I guruh nogironligi',
    'uz-Cyrl': 'I гуруҳ ногиронлиги',
    ru: 'инвалидность I группы',
    en: 'disability group I',
  },
  'disability-2': {
    'uz-Latn': 'II guruh nogironligi',
    'uz-Cyrl': 'II гуруҳ ногиронлиги',
    ru: 'инвалидность II группы',
    en: 'disability group II',
  },
};

const DISCOUNT: Required<LocalizedText> = {
  'uz-Latn': 'Chegirma',
  'uz-Cyrl': 'Чегирма',
  ru: 'Скидка',
  en: 'Discount',
};

/**
 * The description of a fee line per locale: the service's name, then the tier's (its id where it has
 * no name in that locale), then the unit: `Register extract — up to 100 m2`, `Room rental — hour`.
 */
export function feeLineNames(
  serviceNames: LocalizedText,
  tier: FeeTier | null,
  unitNames: LocalizedText | undefined,
): LocalizedText {
  const result: LocalizedText = {};
  for (const locale of LOCALES) {
    const service = serviceNames[locale];
    if (service === undefined) continue;
    const parts = [service];
    if (tier) parts.push(tier.names?.[locale] ?? tier.id);
    const unit = unitNames?.[locale];
    if (unit !== undefined) parts.push(unit);
    result[locale] = parts.join(' — ');
  }
  return result;
}

/** The description of a discount line per locale: `Discount 50%: social protection register`. */
export function discountNames(category: ApplicantCategory, percent: number): LocalizedText {
  const result: LocalizedText = {};
  for (const locale of LOCALES) {
    result[locale] = `${DISCOUNT[locale]} ${percent}%: ${CATEGORY_NAMES[category][locale]}`;
  }
  return result;
}
