import type { FieldUiHint } from '@darcha/core';

/** The display hints with the given fields' widgets set (a date picker, a number, a text area). */
export function withWidgets(
  ui: Record<string, FieldUiHint>,
  widgets: Record<string, NonNullable<FieldUiHint['widget']>>,
): Record<string, FieldUiHint> {
  const result = { ...ui };
  for (const [field, widget] of Object.entries(widgets)) result[field] = { ...result[field], widget };
  return result;
}
