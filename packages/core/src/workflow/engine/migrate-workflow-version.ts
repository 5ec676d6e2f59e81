import { DarchaError } from '../../errors/darcha-error.js';
import type { InquiryRow } from '../inquiry/inquiry-rows.js';
import type { Actor } from '../inquiry/types.js';
import { applyChange } from './apply-change.js';
import type { CompiledWorkflow } from './compiled-workflow.js';
import { plannedTimers, addSla } from './schedule.js';
import { clockOf, type EngineRuntime } from './transition-in.js';
import type { WorkflowEngine } from './workflow-engine.js';

/** An explicit move of a tenant's in-flight inquiries from one workflow version to another. */
export interface WorkflowMigrationInput {
  workflowKey: string;
  from: number;
  to: number;
  /** Old state → new state. A state not listed keeps its name, which must exist in `to`. */
  stateMap?: Record<string, string>;
  /** Inquiries moved per transaction (default 200). */
  batchSize?: number;
}

/** What a migration run did. */
export interface WorkflowMigrationReport {
  runId: string;
  moved: number;
  failed: number;
  failures: { inquiryId: string; reason: string }[];
}

function migrationInvalid(tenantId: string, input: WorkflowMigrationInput, problems: string[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_MIGRATION_INVALID',
    kind: 'invalid',
    message: `Moving "${input.workflowKey}" from version ${input.from} to ${input.to} in tenant "${tenantId}" is refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    hint: 'Map every non-terminal state of the old version to a non-terminal state of the new one (states with the same name map themselves).',
    details: { tenantId, workflowKey: input.workflowKey, from: input.from, to: input.to, problems },
  });
}

/** Every problem of a state map between two versions; open inquiries only move between open states. */
export function stateMapProblems(
  from: CompiledWorkflow,
  to: CompiledWorkflow,
  map: Record<string, string>,
): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(map))
    if (!from.hasState(name)) problems.push(`"${name}" is not a state of version ${from.version}`);
  for (const [name, state] of Object.entries(from.definition.states)) {
    if (state.type === 'terminal') continue;
    const target = map[name] ?? name;
    if (!to.hasState(target))
      problems.push(`state "${name}" maps to "${target}", which version ${to.version} does not have`);
    else if (to.state(target).type === 'terminal')
      problems.push(
        `state "${name}" maps to the terminal state "${target}"; a migration does not close inquiries`,
      );
  }
  return problems;
}

/**
 * Moves a tenant's open inquiries pinned to `from` onto `to`, in batches (each batch one
 * transaction, rows locked with `SKIP LOCKED` so officers keep working), each move a versioned
 * change with a `migration` history entry. An inquiry moved to another state starts that state's
 * SLA at the move; one that keeps its state keeps its state due date. Moving into or out of a paused
 * state stops or resumes the overall clock. Inquiries being changed at that moment are skipped: the
 * run then ends `failed` with the number left, and running it again moves them. The run is recorded
 * in `workflow_migration_runs`. Closed inquiries stay on their version. Callers authorise it (a city
 * administrator's action).
 */
export async function migrateWorkflowVersion(
  engine: WorkflowEngine,
  tenantId: string,
  input: WorkflowMigrationInput,
  actor: Actor,
): Promise<WorkflowMigrationReport> {
  const [from, to] = [
    await engine.definitions.workflowVersion(input.workflowKey, input.from),
    await engine.definitions.workflowVersion(input.workflowKey, input.to),
  ];
  const map = input.stateMap ?? {};
  const problems =
    input.to <= input.from ? [`the new version (${input.to}) must be above the old one (${input.from})`] : [];
  problems.push(...stateMapProblems(from, to, map));
  if (problems.length > 0) throw migrationInvalid(tenantId, input, problems);
  const batchSize = input.batchSize ?? 200;
  const runId = await engine.inTenant(tenantId, async (trx) => {
    const [run] = await trx('workflow_migration_runs')
      .insert({
        tenant_id: tenantId,
        workflow_key: input.workflowKey,
        from_version: input.from,
        to_version: input.to,
        state_map: JSON.stringify(map),
        started_by: actor.id,
      })
      .returning('id');
    return (run as { id: string }).id;
  });
  const report: WorkflowMigrationReport = { runId, moved: 0, failed: 0, failures: [] };
  const finish = (status: 'finished' | 'failed') =>
    engine.inTenant(tenantId, (trx) =>
      trx('workflow_migration_runs')
        .where({ tenant_id: tenantId, id: runId })
        .update({
          status,
          moved: report.moved,
          failed: report.failed,
          failures: JSON.stringify(report.failures),
          finished_at: new Date(),
        }),
    );
  const open = (trx: Parameters<Parameters<WorkflowEngine['inTenant']>[1]>[0]) =>
    trx<InquiryRow>('inquiries')
      .where({ tenant_id: tenantId, workflow_key: input.workflowKey, workflow_version: input.from })
      .whereNull('closed_at');
  try {
    for (;;) {
      const moved = await engine.inTenant(tenantId, async (trx, rt) => {
        // Rows someone is changing right now are skipped, not waited for; a later batch or run takes them.
        const rows: InquiryRow[] = await open(trx).orderBy('id').limit(batchSize).forUpdate().skipLocked();
        for (const row of rows)
          await moveOne(trx, rt, row, from, to, map[row.state] ?? row.state, actor, runId);
        return rows.length;
      });
      report.moved += moved;
      if (moved === 0) break;
    }
    const left = await engine.inTenant(tenantId, async (trx) =>
      Number((await open(trx).count<{ n: string }[]>('* as n'))[0]?.n ?? 0),
    );
    if (left > 0) {
      report.failed = left;
      report.failures.push({
        inquiryId: '*',
        reason: `${left} inquiries were being changed and stay on version ${input.from}; run the migration again`,
      });
    }
  } catch (error) {
    report.failures.push({ inquiryId: '*', reason: (error as Error).message });
    await finish('failed');
    throw error;
  }
  await finish(report.failed > 0 ? 'failed' : 'finished');
  return report;
}

async function moveOne(
  trx: Parameters<Parameters<WorkflowEngine['inTenant']>[1]>[0],
  rt: EngineRuntime,
  row: InquiryRow,
  from: CompiledWorkflow,
  to: CompiledWorkflow,
  state: string,
  actor: Actor,
  runId: string,
): Promise<void> {
  const target = to.state(state);
  // The overall clock stops or resumes as the inquiry moves into or out of a paused state.
  const wasPaused =
    from.hasState(row.state) && from.state(row.state).clock === 'paused' && row.paused_at !== null;
  const pauses = target.clock === 'paused';
  let dueAt = row.due_at;
  let pausedAt = row.paused_at;
  if (wasPaused && !pauses) {
    if (dueAt) dueAt = rt.tenant.calendar.dueAfterPause(dueAt, row.paused_at!, rt.now);
    pausedAt = null;
  } else if (!wasPaused && pauses) {
    pausedAt = rt.now;
  }
  const clock = {
    ...clockOf(row),
    dueAt,
    pausedAt,
    state,
    ...(state !== row.state
      ? {
          stateEnteredAt: rt.now,
          stateBreachedAt: null,
          stateDueAt: target.sla ? addSla(rt.tenant.calendar, rt.now, target.sla) : null,
        }
      : {
          stateDueAt: target.sla
            ? (row.state_due_at ?? addSla(rt.tenant.calendar, rt.now, target.sla))
            : null,
        }),
  };
  const candidateRole = target.candidateRole ?? null;
  await applyChange(trx, {
    tenantId: rt.tenant.tenantId,
    inquiryId: row.id,
    expectedVersion: row.version,
    at: rt.now,
    changes: {
      workflow_version: to.version,
      state,
      public_status: target.publicStatus,
      candidate_role: candidateRole,
      assignee_id: candidateRole === row.candidate_role ? row.assignee_id : null,
      state_entered_at: clock.stateEnteredAt,
      state_due_at: clock.stateDueAt,
      state_breached_at: clock.stateBreachedAt,
      due_at: dueAt,
      paused_at: pausedAt,
    },
    history: {
      kind: 'migration',
      action: null,
      fromState: row.state,
      toState: state,
      workflowVersion: to.version,
      actorId: actor.id,
      actorRole: actor.roles[0] ?? 'system',
      onBehalfOf: null,
      comment: null,
      documents: [],
      public: false,
      details: { runId, fromVersion: row.workflow_version, toVersion: to.version },
    },
    timers: plannedTimers(to, clock, rt.now),
    events: [],
  });
}
