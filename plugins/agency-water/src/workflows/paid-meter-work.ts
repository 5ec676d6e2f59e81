import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow } from '@darcha/service-kit';

/**
 * Meter verification: paid first, then verified by the laboratory within 14 working days
 * (services.md); the verification certificate is issued and handed over.
 */
export const meterVerificationWorkflow: WorkflowDefinition = stagedWorkflow({
  key: 'agency-water/meter-verification',
  names: {
    'uz-Latn': 'Hisoblagichni qiyoslash',
    'uz-Cyrl': 'Ҳисоблагични қиёслаш',
    ru: 'Поверка счётчика',
    en: 'Meter verification',
  },
  payment: {},
  stages: [
    {
      state: 'verification',
      workingDays: 14,
      names: { 'uz-Latn': 'Qiyoslash', 'uz-Cyrl': 'Қиёслаш', ru: 'Поверка', en: 'Verification' },
      done: { 'uz-Latn': 'Qiyoslandi', 'uz-Cyrl': 'Қиёсланди', ru: 'Поверен', en: 'Verified' },
    },
  ],
  issues: { template: 'agency-water/verification-certificate' },
});

/**
 * Sealing a meter on a well: paid first, sealed within 10 days (services.md; counted as working
 * days), and the sealing act issued and handed over.
 */
export const wellMeterSealingWorkflow: WorkflowDefinition = stagedWorkflow({
  key: 'agency-water/well-meter-sealing',
  names: {
    'uz-Latn': 'Quduqdagi hisoblagichni plombalash',
    'uz-Cyrl': 'Қудуқдаги ҳисоблагични пломбалаш',
    ru: 'Опломбирование счётчика на скважине',
    en: 'Sealing a meter on a well',
  },
  payment: {},
  stages: [
    {
      state: 'sealing',
      workingDays: 10,
      names: { 'uz-Latn': 'Plombalash', 'uz-Cyrl': 'Пломбалаш', ru: 'Опломбирование', en: 'Sealing' },
      done: { 'uz-Latn': 'Plombalandi', 'uz-Cyrl': 'Пломбаланди', ru: 'Опломбирован', en: 'Sealed' },
    },
  ],
  issues: { template: 'agency-water/sealing-act' },
});
