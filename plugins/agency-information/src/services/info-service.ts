import type { FieldUiHint, JsonSchema, ServiceDefinition } from '@darcha/core';
import { PHONE_FIELD, defineService, formUi, serviceForm, type ServiceText } from '@darcha/service-kit';
import { informationDeskWorkflow } from '../workflows/consultation.js';

/** The category of every information desk service. */
export const INFO_CATEGORY = 'information.oss-desk';

/** One service of the information desk: its code, what the catalog shows, and its topics. */
export interface InfoServiceSpec extends ServiceText {
  /** `info.<name>`: `info.education`. */
  code: string;
  /** What a question may be about: the form's `topic` (lowercase slugs, `other` last). */
  topics: readonly string[];
  /** Optional fields besides the topic, the question and the phone (a utility account ...). */
  fields?: Record<string, JsonSchema>;
}

/**
 * A free question to the One-Stop-Shop's own information desk (the 2014 workshop: Djizak and
 * Namangan give "free information and consultation"), recorded as an inquiry of kind `information`
 * and answered at the desk or online: the form asks for the topic, the question, and optionally a
 * phone to call back on. Anyone may ask (individuals and businesses), at the desk or online. The
 * SLA, one working hour, is *assumed*: services.md says such questions are answered "immediately".
 *
 * @example
 * infoService({ code: 'info.insurance', names, descriptions, keywords, topics: ['motor', 'other'] });
 */
export function infoService(spec: InfoServiceSpec): ServiceDefinition {
  const fields = spec.fields ?? {};
  const order = ['topic', 'question', ...Object.keys(fields), 'phone'];
  const hints = formUi(order);
  const ui: Record<string, FieldUiHint> = {
    ...hints,
    topic: { ...hints['topic'], widget: 'select' },
    question: { ...hints['question'], widget: 'textarea' },
  };
  return defineService({
    code: spec.code,
    category: INFO_CATEGORY,
    kind: 'information',
    names: spec.names,
    descriptions: spec.descriptions,
    keywords: spec.keywords,
    form: serviceForm({
      properties: {
        topic: { enum: [...spec.topics] },
        question: { type: 'string', minLength: 5, maxLength: 2000 },
        ...fields,
        phone: PHONE_FIELD,
      },
      required: ['topic', 'question'],
    }),
    ui,
    fee: { free: true },
    sla: { unit: 'working_hours', value: 1 }, // *assumed*: answered at once, within the hour
    workflow: informationDeskWorkflow.key,
  });
}
