import type { FieldUiHint, JsonSchema } from '@darcha/core';
import { PHONE_FIELD, formUi, serviceForm } from '@darcha/service-kit';

/**
 * The form of the centre's consultations: what it is about (one of the service's `topics`), the
 * question in the citizen's words, and a phone to call back on (optional: most are answered at the
 * desk).
 */
export function consultationForm(topics: readonly string[]): JsonSchema {
  return serviceForm({
    properties: {
      topic: { enum: [...topics] },
      question: { type: 'string', minLength: 5, maxLength: 2000 },
      phone: PHONE_FIELD,
    },
    required: ['topic', 'question'],
  });
}

/** The consultation form's display hints: the topic as a list, the question as a text area. */
export const CONSULTATION_UI: Record<string, FieldUiHint> = {
  ...formUi(['topic', 'question', 'phone']),
  topic: { order: 1, widget: 'select' },
  question: { order: 2, widget: 'textarea' },
};
