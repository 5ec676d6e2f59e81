import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow } from '@darcha/service-kit';

export const DISPUTE_WORKFLOW_KEY = 'agency-gas/meter-reading-dispute';

// *assumed*: services.md gives no deadline for a meter-reading dispute. The law on appeals allows 15
// days; here 3 working days to inspect the meter and 12 to decide, 15 working days in all.
const INSPECTION_DAYS = 3;
const DECISION_DAYS = 12;
export const DISPUTE_WORKING_DAYS = INSPECTION_DAYS + DECISION_DAYS;

/**
 * A meter-reading dispute (an appeal): the meter is inspected, then the bill is recalculated
 * (completed) or the appeal dismissed with the reason; a dismissed applicant may appeal again
 * within 15 days.
 */
export const meterReadingDisputeWorkflow: WorkflowDefinition = stagedWorkflow({
  key: DISPUTE_WORKFLOW_KEY,
  names: {
    'uz-Latn': 'Hisoblagich ko‘rsatkichi bo‘yicha shikoyat',
    'uz-Cyrl': 'Ҳисоблагич кўрсаткичи бўйича шикоят',
    ru: 'Жалоба на показания счётчика',
    en: 'Meter reading dispute',
  },
  stages: [
    {
      state: 'meter_inspection',
      workingDays: INSPECTION_DAYS,
      names: {
        'uz-Latn': 'Hisoblagichni ko‘rish',
        'uz-Cyrl': 'Ҳисоблагични кўриш',
        ru: 'Осмотр счётчика',
        en: 'Meter inspection',
      },
      done: { 'uz-Latn': 'Ko‘rildi', 'uz-Cyrl': 'Кўрилди', ru: 'Счётчик осмотрен', en: 'Meter inspected' },
    },
    {
      state: 'decision',
      workingDays: DECISION_DAYS,
      names: { 'uz-Latn': 'Qaror', 'uz-Cyrl': 'Қарор', ru: 'Решение', en: 'Decision' },
      done: {
        'uz-Latn': 'Qayta hisoblandi',
        'uz-Cyrl': 'Қайта ҳисобланди',
        ru: 'Сделан перерасчёт',
        en: 'Bill recalculated',
      },
    },
  ],
  rejectNames: {
    'uz-Latn': 'Shikoyatni rad etish',
    'uz-Cyrl': 'Шикоятни рад этиш',
    ru: 'Отклонить жалобу',
    en: 'Dismiss the appeal',
  },
});
