import type { TemplateSources } from '../../plugins/contributions.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';

/** The key of the payment receipt template. */
export const RECEIPT_TEMPLATE = 'core/receipt';

type ReceiptLabel =
  | 'title'
  | 'number'
  | 'date'
  | 'payer'
  | 'service'
  | 'tracking'
  | 'description'
  | 'quantity'
  | 'unit'
  | 'amount'
  | 'total'
  | 'method'
  | 'cashier';

const LABELS: Record<Locale, Record<ReceiptLabel, string>> = {
  'uz-Latn': {
    title: 'Kvitansiya',
    number: 'Kvitansiya raqami',
    date: "To'lov sanasi",
    payer: "To'lovchi",
    service: 'Xizmat',
    tracking: 'Murojaat raqami',
    description: 'Nomi',
    quantity: 'Miqdori',
    unit: 'Narxi',
    amount: 'Summa',
    total: 'Jami',
    method: "To'lov usuli",
    cashier: 'Kassir',
  },
  'uz-Cyrl': {
    title: 'Квитанция',
    number: 'Квитанция рақами',
    date: 'Тўлов санаси',
    payer: 'Тўловчи',
    service: 'Хизмат',
    tracking: 'Мурожаат рақами',
    description: 'Номи',
    quantity: 'Миқдори',
    unit: 'Нархи',
    amount: 'Сумма',
    total: 'Жами',
    method: 'Тўлов усули',
    cashier: 'Кассир',
  },
  ru: {
    title: 'Квитанция',
    number: 'Номер квитанции',
    date: 'Дата оплаты',
    payer: 'Плательщик',
    service: 'Услуга',
    tracking: 'Номер обращения',
    description: 'Наименование',
    quantity: 'Кол-во',
    unit: 'Цена',
    amount: 'Сумма',
    total: 'Итого',
    method: 'Способ оплаты',
    cashier: 'Кассир',
  },
  en: {
    title: 'Receipt',
    number: 'Receipt number',
    date: 'Paid at',
    payer: 'Payer',
    service: 'Service',
    tracking: 'Inquiry number',
    description: 'Description',
    quantity: 'Qty',
    unit: 'Unit price',
    amount: 'Amount',
    total: 'Total',
    method: 'Payment method',
    cashier: 'Cashier',
  },
};

/** Names of the usual payment methods; any other (a provider's id) is printed as it is. */
export const PAYMENT_METHOD_NAMES: Record<Locale, Record<string, string>> = {
  'uz-Latn': { cash: 'Naqd pul', card: 'Bank kartasi', online: 'Onlayn' },
  'uz-Cyrl': { cash: 'Нақд пул', card: 'Банк картаси', online: 'Онлайн' },
  ru: { cash: 'Наличные', card: 'Банковская карта', online: 'Онлайн' },
  en: { cash: 'Cash', card: 'Bank card', online: 'Online' },
};

function source(locale: Locale): string {
  const l = LABELS[locale];
  return `<h1>${l.title} № {{receiptNumber}}</h1>
<dl>
  <dt>${l.date}</dt><dd>{{datetime paidAt}}</dd>
  <dt>${l.payer}</dt><dd>{{payerName}}</dd>
  <dt>${l.service}</dt><dd>{{service.name}}</dd>
  {{#if trackingNumber}}<dt>${l.tracking}</dt><dd>{{trackingNumber}}</dd>{{/if}}
</dl>
<table>
  <thead><tr><th>${l.description}</th><th class="num">${l.quantity}</th><th class="num">${l.unit}</th><th class="num">${l.amount}</th></tr></thead>
  <tbody>
  {{#each lines}}<tr class="line {{kind}}"><td>{{description}}</td><td class="num">{{quantity}}</td><td class="num">{{money unitAmount}}</td><td class="num">{{money amount}}</td></tr>
  {{/each}}
  </tbody>
  <tfoot><tr><th colspan="3">${l.total}</th><th class="num">{{money total}}</th></tr></tfoot>
</table>
<dl>
  <dt>${l.method}</dt><dd>{{method}}</dd>
  {{#if cashierName}}<dt>${l.cashier}</dt><dd>{{cashierName}}</dd>{{/if}}
</dl>
`;
}

/** `core/receipt` in every locale. */
export const RECEIPT_SOURCES: TemplateSources = {
  [RECEIPT_TEMPLATE]: Object.fromEntries(LOCALES.map((locale) => [locale, source(locale)])),
};

/** The title of a receipt in a locale. */
export function receiptTitle(locale: Locale): string {
  return LABELS[locale].title;
}
