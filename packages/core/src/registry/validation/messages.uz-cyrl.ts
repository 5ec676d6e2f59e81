import { numberParam, shown, shownList, typesOf, type MessageCatalog } from './message-catalog.js';

// Uzbek in Cyrillic script, the same words as messages.uz-latn.ts letter for letter (ў, қ, ғ, ҳ).

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'матн',
  number: 'сон',
  integer: 'бутун сон',
  boolean: 'мантиқий қиймат (true ёки false)',
  object: 'майдонлар гуруҳи',
  array: 'рўйхат',
  null: 'бўш қиймат',
};

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  date: 'сана (YYYY-MM-DD)',
  time: 'вақт (HH:MM:SS)',
  'date-time': 'сана ва вақт (YYYY-MM-DDTHH:MM:SSZ)',
  email: 'электрон почта манзили',
  uri: 'веб-манзил (URI)',
  uuid: 'UUID',
};

/** Uzbek messages, Cyrillic script. */
export const uzCyrl: MessageCatalog = {
  keywords: {
    required: () => 'тўлдирилиши шарт',
    type: (p) =>
      `${typesOf(p)
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' ёки ')} бўлиши керак`,
    format: (p) => {
      const name = FORMAT_NAMES[String(p['format'])];
      return name ? `${name} бўлиши керак` : `"${String(p['format'])}" форматида бўлиши керак`;
    },
    pattern: () => 'нотўғри форматда киритилган',
    minLength: (p) => `камида ${numberParam(p, 'limit')} та белгидан иборат бўлиши керак`,
    maxLength: (p) => `кўпи билан ${numberParam(p, 'limit')} та белгидан иборат бўлиши керак`,
    minimum: (p) => `камида ${numberParam(p, 'limit')} бўлиши керак`,
    maximum: (p) => `кўпи билан ${numberParam(p, 'limit')} бўлиши керак`,
    exclusiveMinimum: (p) => `${numberParam(p, 'limit')} дан катта бўлиши керак`,
    exclusiveMaximum: (p) => `${numberParam(p, 'limit')} дан кичик бўлиши керак`,
    enum: (p) => `қуйидагилардан бири бўлиши керак: ${shownList(p['allowedValues'])}`,
    const: (p) => `айнан ${shown(p['allowedValue'])} бўлиши керак`,
    minItems: (p) => `камида ${numberParam(p, 'limit')} та элементдан иборат бўлиши керак`,
    maxItems: (p) => `кўпи билан ${numberParam(p, 'limit')} та элементдан иборат бўлиши керак`,
    additionalProperties: () => 'бу аризада бундай майдон йўқ; уни олиб ташланг',
    multipleOf: (p) => `${numberParam(p, 'multipleOf')} га каррали бўлиши керак`,
  },
  fallback: () => 'нотўғри тўлдирилган',
  formats: {
    pinfl: '14 хонали ЖШШИР бўлиши керак',
    tin: '9 хонали СТИР бўлиши керак',
    'cadastre-number': '10:01:02:03:04:0005:0006:007 кўринишидаги кадастр рақами бўлиши керак',
    'uz-phone': '+998 ва 9 та рақамдан иборат телефон рақами бўлиши керак, бўш жойсиз',
    'utility-account': '6 тадан 12 тагача рақамдан иборат шахсий ҳисоб рақами бўлиши керак',
    'postal-code': '6 хонали почта индекси бўлиши керак',
  },
};
