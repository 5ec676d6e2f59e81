import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow, type WorkStage } from '@darcha/service-kit';

export const CYLINDER_WORKFLOW_KEY = 'agency-gas/cylinder-supply';

/**
 * The three steps and their deadlines from services.md: check 1 day, inspection 3 days, delivery 12
 * working days. The first two are counted in working days too (the engine's SLA units are working
 * days or hours).
 */
export const CYLINDER_STAGES: [WorkStage, WorkStage, WorkStage] = [
  {
    state: 'check',
    workingDays: 1,
    names: { 'uz-Latn': 'Tekshiruv', 'uz-Cyrl': 'Текширув', ru: 'Проверка', en: 'Check' },
    done: { 'uz-Latn': 'Tekshirildi', 'uz-Cyrl': 'Текширилди', ru: 'Проверено', en: 'Checked' },
  },
  {
    state: 'inspection',
    workingDays: 3,
    names: {
      'uz-Latn': 'Ko‘rik va ikki shartnoma',
      'uz-Cyrl': 'Кўрик ва икки шартнома',
      ru: 'Осмотр и два договора',
      en: 'Inspection and the two contracts',
    },
    done: {
      'uz-Latn': 'Ko‘rikdan o‘tdi, shartnomalar imzolandi',
      'uz-Cyrl': 'Кўрикдан ўтди, шартномалар имзоланди',
      ru: 'Осмотр пройден, договоры подписаны',
      en: 'Inspected, contracts signed',
    },
  },
  {
    state: 'delivery',
    workingDays: 12,
    names: { 'uz-Latn': 'Yetkazib berish', 'uz-Cyrl': 'Етказиб бериш', ru: 'Доставка', en: 'Delivery' },
    done: { 'uz-Latn': 'Yetkazib berildi', 'uz-Cyrl': 'Етказиб берилди', ru: 'Доставлено', en: 'Delivered' },
  },
];

/** Household gas cylinder supply: check, inspection with the contracts, delivery. */
export const cylinderSupplyWorkflow: WorkflowDefinition = stagedWorkflow({
  key: CYLINDER_WORKFLOW_KEY,
  names: {
    'uz-Latn': 'Gaz ballonlari bilan ta’minlash',
    'uz-Cyrl': 'Газ баллонлари билан таъминлаш',
    ru: 'Обеспечение газовыми баллонами',
    en: 'Gas cylinder supply',
  },
  stages: CYLINDER_STAGES,
});
