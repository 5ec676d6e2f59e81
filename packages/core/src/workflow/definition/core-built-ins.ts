/**
 * Guards and effects the workflow engine provides itself, named `core/<name>`. A definition may use
 * them without any plugin registering them. Plugin guards and effects are named `<plugin-id>/<name>`.
 *
 * There is no `core/has-payment` guard: write `requires: { payment: true }` on the transition, which
 * the engine checks the same way and which the UI can explain to the officer.
 */

/** Built-in guards, with what each lets through. */
export const CORE_GUARDS = {
  /** The acting officer is the inquiry's assignee (not merely someone with the role). */
  'core/is-assignee': 'the acting officer is the assignee of the inquiry',
  /** Every document the service does not mark optional is attached to the inquiry. */
  'core/documents-complete': 'every required document of the service is attached',
} as const;

/** Built-in effects, and whether each needs a `template` in its reference. */
export const CORE_EFFECTS = {
  /** Creates the invoice from the service's fee rule (when it was not created at filing). */
  'core/create-invoice': { template: false },
  /** Renders `template` into the inquiry's result document, with a verification code. */
  'core/issue-document': { template: true },
  /** Sends the applicant a message rendered from `template`, in their locale, on their channel. */
  'core/notify-applicant': { template: true },
} as const;

/** The prefix of built-in names; no plugin's guards or effects are looked up under it. */
export const CORE_PREFIX = 'core/';

export function isCoreGuard(name: string): boolean {
  return Object.hasOwn(CORE_GUARDS, name);
}

export function isCoreEffect(name: string): boolean {
  return Object.hasOwn(CORE_EFFECTS, name);
}

/** True when `name` is a built-in effect that renders a template and so needs one. */
export function coreEffectNeedsTemplate(name: string): boolean {
  return isCoreEffect(name) && CORE_EFFECTS[name as keyof typeof CORE_EFFECTS].template;
}
