import type { LocalizedText } from '../../i18n/locales.js';
import type {
  BREACH_REACTIONS,
  CORE_ROLES,
  PUBLIC_STATUSES,
  SLA_UNITS,
  STATE_TYPES,
  WINDOW_EVENTS,
  WINDOW_UNITS,
} from './workflow-vocabulary.js';

/** A role core knows: `front_office`, `back_office`, `supervisor`, `citizen`, `system`. */
export type CoreRole = (typeof CORE_ROLES)[number];
/** What the citizen sees of a state. */
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];
export type StateType = (typeof STATE_TYPES)[number];
export type SlaUnit = (typeof SLA_UNITS)[number];
export type WindowUnit = (typeof WINDOW_UNITS)[number];
export type WindowEvent = (typeof WINDOW_EVENTS)[number];

/**
 * What happens when an SLA is breached: `escalate` (the inquiry goes to the supervisors' inbox and
 * is flagged), `notify` (the candidate role and supervisors are told), or an automatic action run by
 * the `system` role, e.g. `{ action: 'expire' }`.
 */
export type BreachReaction = (typeof BREACH_REACTIONS)[number] | { action: string };

/** How long the agency has, on the tenant's working calendar, and what happens after. */
export interface WorkflowSla {
  unit: SlaUnit;
  /** A positive integer. */
  value: number;
  onBreach: BreachReaction;
}

/** One state of a workflow; its name is its key in {@link WorkflowDefinition.states}. */
export interface WorkflowState {
  type: StateType;
  publicStatus: PublicStatus;
  /** Shown to staff; citizens see {@link publicStatus}, translated by core. */
  names: LocalizedText;
  /**
   * How long an inquiry may stay in this state. Not on terminal states. On a paused state it is the
   * applicant's deadline (with an automatic action on breach), since the overall clock is stopped.
   */
  sla?: WorkflowSla;
  /**
   * `paused`: the inquiry waits for the applicant, so the overall clock (the workflow's and the
   * service's SLA) stops here and resumes, moving due dates, when the inquiry leaves. Not on
   * terminal states.
   */
  clock?: 'paused';
  /** Whose inbox an inquiry in this state lands in; the role must be able to act here. */
  candidateRole?: string;
}

/** What the actor must give for a transition to happen. */
export interface TransitionRequirements {
  /** A comment (a rejection's reason, an appeal's grounds). */
  comment?: boolean;
  /** Codes of documents that must be attached, each declared in {@link WorkflowDefinition.documents}. */
  documents?: string[];
  /** The inquiry's invoice must be paid. */
  payment?: boolean;
}

/**
 * A window after the inquiry was rejected or completed, within which a transition (an appeal, a
 * reopen) may still leave that terminal state. Only such windowed transitions leave terminal states.
 */
export interface TransitionWindow {
  /** A positive integer. */
  days: number;
  unit: WindowUnit;
  /** `rejection` for states showing `rejected`, `completion` for states showing `completed`. */
  of: WindowEvent;
}

/**
 * An effect to run after the transition commits: a name (`core/create-invoice`,
 * `<plugin-id>/<name>`), or the name with a template to render and parameters for the effect.
 * `core/issue-document` and `core/notify-applicant` need a template.
 */
export type EffectReference = string | { name: string; template?: string; params?: Record<string, unknown> };

/** A move from one of several states to one state, by one of several roles. */
export interface WorkflowTransition {
  /** Unique among the transitions leaving each of its `from` states: `take_in_review`, `reject`. */
  action: string;
  from: string[];
  to: string;
  /** Core roles or roles declared in {@link WorkflowDefinition.roles}. */
  roles: string[];
  /** Named guards that must all let the transition through: `core/is-assignee`, `<plugin-id>/<name>`. */
  guards?: string[];
  requires?: TransitionRequirements;
  effects?: EffectReference[];
  /** Only on transitions leaving terminal states: see {@link TransitionWindow}. */
  within?: TransitionWindow;
  /** Whether the history row is shown to the citizen (default: internal only). */
  public?: boolean;
  names: LocalizedText;
}

/** A document a transition may require, declared once per workflow. */
export interface WorkflowDocument {
  /** A lowercase slug, e.g. `technical-passport`. */
  code: string;
  names: LocalizedText;
}

/**
 * A workflow as a plugin publishes it: states, the transitions between them, who may take them and
 * what they need and do. Plain data, immutable per version; `validateWorkflowDefinition` checks its
 * shape and its semantics before anything uses it. A type (not an interface) so that it is a
 * `WorkflowDefinitionData` and can be listed in a plugin's `workflows`.
 *
 * @example
 * const noDebt: WorkflowDefinition = {
 *   key: 'agency-gas/no-debt-certificate', version: 1,
 *   names: { en: 'No-debt certificate for gas', ru: 'Справка об отсутствии задолженности за газ' },
 *   states: {
 *     submitted: { type: 'start', publicStatus: 'submitted', names: { en: 'Submitted' }, candidateRole: 'back_office' },
 *     in_review: {
 *       type: 'normal', publicStatus: 'in_progress', names: { en: 'In review' }, candidateRole: 'back_office',
 *       sla: { unit: 'working_days', value: 1, onBreach: 'escalate' },
 *     },
 *     completed: { type: 'terminal', publicStatus: 'completed', names: { en: 'Issued' } },
 *     rejected: { type: 'terminal', publicStatus: 'rejected', names: { en: 'Rejected' } },
 *   },
 *   transitions: [
 *     { action: 'take_in_review', from: ['submitted'], to: 'in_review', roles: ['back_office'], names: { en: 'Take into review' } },
 *     {
 *       action: 'issue', from: ['in_review'], to: 'completed', roles: ['back_office'], public: true,
 *       guards: ['agency-gas/no-debt'],
 *       effects: [{ name: 'core/issue-document', template: 'agency-gas/no-debt-certificate' }],
 *       names: { en: 'Issue the certificate' },
 *     },
 *     {
 *       action: 'reject', from: ['submitted', 'in_review'], to: 'rejected', roles: ['back_office'],
 *       requires: { comment: true }, public: true, names: { en: 'Reject' },
 *     },
 *   ],
 * };
 */
export type WorkflowDefinition = {
  /** `<plugin-id>/<name>`, the id being the publishing plugin's; services name it in `workflow`. */
  key: string;
  /** A positive integer; a changed definition is a new version. */
  version: number;
  names: LocalizedText;
  /** Plugin-defined roles used, `<plugin-id>/<role>` (core roles may be listed, need not be). */
  roles?: string[];
  /** Documents that transitions may require. */
  documents?: WorkflowDocument[];
  /** States by name (lowercase, digits, underscores): `submitted`, `waiting_for_documents`. */
  states: Record<string, WorkflowState>;
  transitions: WorkflowTransition[];
  /** The whole inquiry's SLA, from filing to a terminal state; paused states stop its clock. */
  sla?: WorkflowSla;
};

/**
 * Where the validator looks up the names a definition refers to: guards and effects
 * (`<plugin-id>/<name>`), templates, and optionally plugin-defined roles. Built-in `core/` guards
 * and effects and core roles are known without it. `contributionLookup(registry)` adapts the plugin
 * host's ContributionRegistry.
 */
export interface WorkflowReferenceLookup {
  hasGuard(name: string): boolean;
  hasEffect(name: string): boolean;
  hasTemplate(key: string): boolean;
  /** When given, every plugin-defined role a definition declares must be known to it. */
  hasRole?(name: string): boolean;
}

/** What a definition is validated against. */
export interface WorkflowValidationContext {
  /** The plugin that publishes the definition; the key must start with `<pluginId>/`. */
  pluginId: string;
  registry: WorkflowReferenceLookup;
}
