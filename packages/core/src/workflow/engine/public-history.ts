import type { Locale, LocalizedText } from '../../i18n/locales.js';
import type { PublicStatus } from '../definition/types.js';
import type { HistoryEntry, PublicHistoryEntry } from '../inquiry/types.js';
import type { CompiledWorkflow } from './compiled-workflow.js';

/** What each public status is called, in the four languages of the portal. */
export const PUBLIC_STATUS_NAMES: Record<PublicStatus, Record<Locale, string>> = {
  submitted: { 'uz-Latn': 'Qabul qilindi', 'uz-Cyrl': 'Қабул қилинди', ru: 'Принято', en: 'Submitted' },
  in_progress: {
    'uz-Latn': "Ko'rib chiqilmoqda",
    'uz-Cyrl': 'Кўриб чиқилмоқда',
    ru: 'На рассмотрении',
    en: 'In progress',
  },
  action_required: {
    'uz-Latn': 'Sizdan harakat talab qilinadi',
    'uz-Cyrl': 'Сиздан ҳаракат талаб қилинади',
    ru: 'Требуется ваше действие',
    en: 'Action required',
  },
  ready: { 'uz-Latn': 'Tayyor', 'uz-Cyrl': 'Тайёр', ru: 'Готово к выдаче', en: 'Ready' },
  completed: { 'uz-Latn': 'Bajarildi', 'uz-Cyrl': 'Бажарилди', ru: 'Выполнено', en: 'Completed' },
  rejected: { 'uz-Latn': 'Rad etildi', 'uz-Cyrl': 'Рад этилди', ru: 'Отказано', en: 'Rejected' },
};

const FALLBACK: readonly Locale[] = ['en', 'ru', 'uz-Latn', 'uz-Cyrl'];

/** A text in `locale`, else the first of English, Russian, Uzbek (Latin, Cyrillic) that exists. */
export function pick(text: LocalizedText, locale: Locale): string {
  for (const candidate of [locale, ...FALLBACK]) {
    const value = text[candidate];
    if (value) return value;
  }
  return '';
}

/**
 * The history a citizen sees: public entries only (filing and the transitions marked `public`),
 * each with the public status it led to and the action's name in the citizen's locale, read from
 * the workflow version the entry was made under. Internal comments never appear.
 */
export function publicHistory(
  entries: readonly HistoryEntry[],
  workflows: ReadonlyMap<number, CompiledWorkflow>,
  locale: Locale,
): PublicHistoryEntry[] {
  const visible: PublicHistoryEntry[] = [];
  for (const entry of entries) {
    if (!entry.public) continue;
    const workflow = workflows.get(entry.workflowVersion);
    if (!workflow || !workflow.hasState(entry.toState)) continue;
    const publicStatus = workflow.state(entry.toState).publicStatus;
    const transition =
      entry.action && entry.fromState ? workflow.transition(entry.fromState, entry.action) : undefined;
    visible.push({
      at: entry.at,
      publicStatus,
      status: PUBLIC_STATUS_NAMES[publicStatus][locale],
      title: transition ? pick(transition.names, locale) : PUBLIC_STATUS_NAMES[publicStatus][locale],
      comment: entry.public && entry.kind === 'transition' ? entry.comment : null,
    });
  }
  return visible;
}
