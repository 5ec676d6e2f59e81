import type { TenantTransaction } from '../../db/types.js';
import { windowEnd } from './allowed-actions.js';
import type { WorkflowDefinition } from '../definition/types.js';
import type { InquiryRow } from '../inquiry/inquiry-rows.js';
import { SYSTEM_ACTOR, type Actor, type TransitionInput } from '../inquiry/types.js';
import {
  readInquiryRow,
  transitionIn,
  type AppliedChange,
  type EngineRuntime,
  type TransitionOptions,
} from './transition-in.js';

const COMPOSITE_STATES: WorkflowDefinition['states'] = {
  in_progress: {
    type: 'start',
    publicStatus: 'in_progress',
    names: { 'uz-Latn': 'Bajarilmoqda', 'uz-Cyrl': 'Бажарилмоқда', ru: 'В работе', en: 'In progress' },
  },
  completed: {
    type: 'terminal',
    publicStatus: 'completed',
    names: { 'uz-Latn': 'Bajarildi', 'uz-Cyrl': 'Бажарилди', ru: 'Выполнено', en: 'Completed' },
  },
  rejected: {
    type: 'terminal',
    publicStatus: 'rejected',
    names: { 'uz-Latn': 'Rad etildi', 'uz-Cyrl': 'Рад этилди', ru: 'Отказано', en: 'Rejected' },
  },
};

const COMPOSITE_CLOSES: WorkflowDefinition['transitions'] = [
  {
    action: 'complete',
    from: ['in_progress'],
    to: 'completed',
    roles: ['system'],
    public: true,
    names: { 'uz-Latn': 'Barcha xizmatlar bajarildi', ru: 'Все услуги оказаны', en: 'All services done' },
  },
  {
    action: 'reject',
    from: ['in_progress'],
    to: 'rejected',
    roles: ['system'],
    public: true,
    names: { 'uz-Latn': 'Rad etildi', ru: 'Отказано', en: 'Rejected' },
  },
];

const REOPEN_NAMES = {
  'uz-Latn': 'Qayta ochildi',
  'uz-Cyrl': 'Қайта очилди',
  ru: 'Возобновлено',
  en: 'Reopened',
};

/**
 * The workflow of every composite inquiry, published by core: the parent is in progress while its
 * children are worked, and the engine (as `system`) completes or rejects it from their outcomes,
 * and reopens it when a child is reopened (an appeal) within 90 days. Version 1 (without reopen)
 * stays published for parents filed on it.
 */
export const COMPOSITE_WORKFLOW: WorkflowDefinition = {
  key: 'core/composite',
  version: 2,
  names: {
    'uz-Latn': 'Hayotiy vaziyat',
    'uz-Cyrl': 'Ҳаётий вазият',
    ru: 'Жизненная ситуация',
    en: 'Life event',
  },
  states: COMPOSITE_STATES,
  transitions: [
    ...COMPOSITE_CLOSES,
    {
      action: 'reopen',
      from: ['rejected'],
      to: 'in_progress',
      roles: ['system'],
      within: { days: 90, unit: 'calendar_days', of: 'rejection' },
      public: true,
      names: REOPEN_NAMES,
    },
    {
      action: 'reopen',
      from: ['completed'],
      to: 'in_progress',
      roles: ['system'],
      within: { days: 90, unit: 'calendar_days', of: 'completion' },
      public: true,
      names: REOPEN_NAMES,
    },
  ],
};

/** The first version, without reopen; kept published for the parents pinned to it. */
export const COMPOSITE_WORKFLOW_V1: WorkflowDefinition = {
  ...COMPOSITE_WORKFLOW,
  version: 1,
  transitions: COMPOSITE_CLOSES,
};

interface ChildRow {
  id: string;
  tracking_number: string;
  public_status: string;
  closed_at: Date | null;
}

/** Combined progress of a composite inquiry's children. */
export interface CompositeProgress {
  total: number;
  completed: number;
  rejected: number;
  open: number;
}

export function progressOf(
  children: readonly Pick<ChildRow, 'public_status' | 'closed_at'>[],
): CompositeProgress {
  const closed = children.filter((c) => c.closed_at !== null);
  return {
    total: children.length,
    completed: closed.filter((c) => c.public_status === 'completed').length,
    rejected: closed.filter((c) => c.public_status === 'rejected').length,
    open: children.length - closed.length,
  };
}

/**
 * After a child closed (or reopened), moves its parent in the same transaction: `reject` as soon as
 * a child is rejected under the `reject` rule; otherwise, once every child is closed, `complete`
 * when at least one child completed (all did, under `reject`), else `reject`. The parent row is
 * locked first, so two children closing at once decide in turn.
 */
export async function progressParent(
  trx: TenantTransaction,
  rt: EngineRuntime,
  parentId: string,
): Promise<void> {
  const tenantId = rt.tenant.tenantId;
  const parent = await readInquiryRow(trx, tenantId, parentId, true);
  if (!parent) return;
  if (parent.closed_at !== null) {
    await reopenParent(trx, rt, parent);
    return;
  }
  const service = rt.definitions.service(parent.service_code, parent.service_version);
  const rule = service.composite?.onChildRejected ?? 'reject';
  const children: ChildRow[] = await trx('inquiries')
    .where({ tenant_id: tenantId, parent_id: parentId })
    .select('id', 'tracking_number', 'public_status', 'closed_at');
  const progress = progressOf(children);
  let action: 'complete' | 'reject' | undefined;
  if (rule === 'reject' && progress.rejected > 0) action = 'reject';
  else if (progress.open === 0) action = progress.completed > 0 ? 'complete' : 'reject';
  if (!action) return;
  const summary = children
    .map((c) => `${c.tracking_number}: ${c.closed_at ? c.public_status : 'open'}`)
    .join(', ');
  await transitionIn(
    trx,
    rt,
    parent,
    { action, expectedVersion: parent.version, comment: summary, data: { progress: { ...progress } } },
    SYSTEM_ACTOR,
  );
}

/** A child of a closed parent was reopened: the parent reopens too, where its version allows. */
async function reopenParent(trx: TenantTransaction, rt: EngineRuntime, parent: InquiryRow): Promise<void> {
  const open = await trx('inquiries')
    .where({ tenant_id: rt.tenant.tenantId, parent_id: parent.id })
    .whereNull('closed_at')
    .first('id');
  const workflow = rt.definitions.workflow(parent.workflow_key, parent.workflow_version);
  const reopen = workflow.transition(parent.state, 'reopen');
  if (!open || !reopen) return;
  // Past the window the parent stays closed; the child's own appeal goes on regardless.
  if (reopen.within && rt.now > windowEnd(reopen.within, parent.closed_at!, rt.tenant.calendar)) return;
  await transitionIn(
    trx,
    rt,
    parent,
    {
      action: 'reopen',
      expectedVersion: parent.version,
      comment: 'A service of this application was reopened',
    },
    SYSTEM_ACTOR,
  );
}

/**
 * {@link transitionIn}, then the parent's progress when a child inquiry closed or reopened: what
 * every transition of the engine (a user's, a timer's automatic action) goes through.
 */
export async function transitionAndPropagate(
  trx: TenantTransaction,
  rt: EngineRuntime,
  row: InquiryRow,
  input: TransitionInput,
  actor: Actor,
  options: TransitionOptions = {},
): Promise<AppliedChange> {
  const applied = await transitionIn(trx, rt, row, input, actor, options);
  const closedChanged = (row.closed_at === null) !== (applied.row.closed_at === null);
  if (applied.row.parent_id !== null && closedChanged) await progressParent(trx, rt, applied.row.parent_id);
  return applied;
}
