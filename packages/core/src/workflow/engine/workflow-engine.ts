import type { TenantTransaction } from '../../db/types.js';
import type { Locale } from '../../i18n/locales.js';
import { historyFromRow, inquiryFromRow, type HistoryRow, type InquiryRow } from '../inquiry/inquiry-rows.js';
import { filingProblems, transitionProblems } from '../inquiry/inquiry-input.schema.js';
import type {
  Actor,
  AllowedAction,
  FileInquiryInput,
  HistoryEntry,
  Inquiry,
  PublicHistoryEntry,
  TransitionInput,
} from '../inquiry/types.js';
import { allowedActions } from './allowed-actions.js';
import { assignIn, type AssignmentAction } from './assignment.js';
import { progressOf, transitionAndPropagate, type CompositeProgress } from './composite.js';
import { DefinitionsNeeded, PinnedDefinitions } from './definitions-needed.js';
import type { BulkItemResult, ChangeResult, FilingResult, WorkflowEngineOptions } from './engine-types.js';
import { fileIn } from './file-in.js';
import { prepareFiling, type PreparedFiling } from './prepare-filing.js';
import { claimIdempotencyKey, recordIdempotentResult, requestHash } from './idempotency.js';
import { publicHistory } from './public-history.js';
import {
  principalsOf,
  readInquiryRow,
  throwStale,
  type AppliedChange,
  type EngineRuntime,
} from './transition-in.js';
import { StaleAfterCommit } from './stale-after-commit.js';
import { idempotencyMismatch, inquiryInputInvalid, inquiryNotFound } from './workflow.errors.js';
import { reviveChange, reviveFiling } from './recorded-results.js';
import { isDarchaError } from '../../errors/darcha-error.js';

/** Options of a command that may be retried. */
export interface CommandOptions {
  /** The client's `Idempotency-Key`: a retry with the same key and request replays the first result. */
  idempotencyKey?: string;
  /**
   * Whether the caller may see the inquiry (read in the command's own transaction); one they may not
   * see is refused as not found, so an HTTP route needs no read of its own before the command.
   */
  visible?: (inquiry: Inquiry) => boolean;
}

/**
 * The inquiry workflow engine: files inquiries, moves them through their pinned workflow version,
 * assigns them, and answers what an actor may do. Every command is one tenant transaction; every
 * change to an inquiry is one statement guarded by its version (see `applyChange`).
 */
export class WorkflowEngine {
  readonly #options: WorkflowEngineOptions;
  readonly #definitions: PinnedDefinitions;
  readonly #clock: () => Date;

  constructor(options: WorkflowEngineOptions) {
    this.#options = options;
    this.#definitions = new PinnedDefinitions(options.workflows, options.services);
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Pinned definitions, shared with the timer scheduler and workflow migrations. */
  get definitions(): PinnedDefinitions {
    return this.#definitions;
  }

  /**
   * Files an inquiry for a service the tenant offers: the form is validated by the service's
   * schema, the inquiry gets the next tracking number, its first history entry, timers and
   * `inquiry.filed` event in one transaction; a composite service files its children with it.
   */
  async file(
    tenantId: string,
    input: FileInquiryInput,
    actor: Actor,
    options: CommandOptions = {},
  ): Promise<FilingResult> {
    const problems = filingProblems(input);
    if (problems.length > 0)
      throw inquiryInputInvalid(
        tenantId,
        'application',
        problems.map((p) => `${p.field}: ${p.message}`),
      );
    const hash = options.idempotencyKey ? requestHash({ input, actor: actor.id }) : '';
    if (options.idempotencyKey) {
      // A replay returns the first result even if the catalog or the form changed since.
      const first = await this.#recorded(tenantId, 'file', options.idempotencyKey, hash);
      if (first !== undefined) return reviveFiling(first);
    }
    const prepared: PreparedFiling = await prepareFiling(
      this.#options,
      this.#definitions,
      tenantId,
      input,
      actor,
    );
    const result = await this.#inTenant(tenantId, async (trx, rt) => {
      if (options.idempotencyKey) {
        const replay = await claimIdempotencyKey(trx, tenantId, 'file', options.idempotencyKey, hash);
        if (replay) return reviveFiling(replay.result);
      }
      // The last insert is the transaction's last statement unless the result is recorded after it.
      const lastInsert = options.idempotencyKey ? -1 : prepared.children.length;
      const inquiry = await fileIn(trx, rt, input, prepared.main, actor, prepared.role, null, {
        final: lastInsert === 0,
      });
      const children: Inquiry[] = [];
      for (const [i, child] of prepared.children.entries()) {
        children.push(
          await fileIn(trx, rt, input, child, actor, prepared.role, inquiry.id, {
            final: lastInsert === i + 1,
          }),
        );
      }
      const filed: FilingResult = { inquiry, children, replayed: false };
      if (options.idempotencyKey) {
        await recordIdempotentResult(trx, tenantId, 'file', options.idempotencyKey, filed, { final: true });
      }
      return filed;
    });
    if (!result.replayed) this.#options.afterCommit?.();
    return result;
  }

  /** Takes a workflow action on an inquiry (see {@link TransitionInput}). */
  async transition(
    tenantId: string,
    inquiryId: string,
    input: TransitionInput,
    actor: Actor,
    options: CommandOptions = {},
  ): Promise<ChangeResult> {
    const problems = transitionProblems(input);
    if (problems.length > 0)
      throw inquiryInputInvalid(
        tenantId,
        'action',
        problems.map((p) => `${p.field}: ${p.message}`),
      );
    return this.#change(
      tenantId,
      inquiryId,
      `transition:${inquiryId}`,
      { input, actor: actor.id },
      options,
      // Its change statement is the last one unless a parent's progress or the result follows.
      (trx, rt, row, last) =>
        transitionAndPropagate(trx, rt, row, input, actor, { final: last && row.parent_id === null }),
    );
  }

  /** An officer holding the candidate role takes an unassigned inquiry. */
  claim(
    tenantId: string,
    inquiryId: string,
    expectedVersion: number,
    actor: Actor,
    options: Pick<CommandOptions, 'visible'> = {},
  ): Promise<ChangeResult> {
    return this.#assignment(tenantId, inquiryId, { action: 'claim', expectedVersion }, actor, options);
  }

  /** A supervisor gives the inquiry to an officer (assigning an assigned inquiry reassigns it). */
  assign(
    tenantId: string,
    inquiryId: string,
    expectedVersion: number,
    assigneeId: string,
    actor: Actor,
    comment?: string,
    options: Pick<CommandOptions, 'visible'> = {},
  ): Promise<ChangeResult> {
    const input = { action: 'assign' as const, expectedVersion, assigneeId, ...(comment ? { comment } : {}) };
    return this.#assignment(tenantId, inquiryId, input, actor, options);
  }

  /** The assignee or a supervisor puts the inquiry back in its role's inbox. */
  release(
    tenantId: string,
    inquiryId: string,
    expectedVersion: number,
    actor: Actor,
    options: Pick<CommandOptions, 'visible'> = {},
  ): Promise<ChangeResult> {
    return this.#assignment(tenantId, inquiryId, { action: 'release', expectedVersion }, actor, options);
  }

  /**
   * Reassigns many inquiries to one officer; each item is its own transaction and succeeds or fails
   * on its own, with the error's code and message. Without `expectedVersion` the current version is
   * used (the supervisor reassigns whatever state the inquiry is in).
   */
  async bulkReassign(
    tenantId: string,
    items: readonly { inquiryId: string; expectedVersion?: number }[],
    assigneeId: string,
    actor: Actor,
    comment?: string,
  ): Promise<BulkItemResult[]> {
    const results: BulkItemResult[] = [];
    for (const item of items) {
      try {
        const version = item.expectedVersion ?? (await this.get(tenantId, item.inquiryId)).version;
        const { inquiry } = await this.assign(tenantId, item.inquiryId, version, assigneeId, actor, comment);
        results.push({ inquiryId: item.inquiryId, ok: true, version: inquiry.version });
      } catch (error) {
        if (!isDarchaError(error)) throw error;
        results.push({ inquiryId: item.inquiryId, ok: false, code: error.code, message: error.message });
      }
    }
    return results;
  }

  async get(tenantId: string, inquiryId: string): Promise<Inquiry> {
    // The read is the transaction's only statement: its COMMIT goes out with it, one round trip.
    const row = await this.#options.db.withTenant(tenantId, (trx) =>
      readInquiryRow(trx, tenantId, inquiryId, false, true),
    );
    if (!row) throw inquiryNotFound(tenantId, inquiryId);
    return inquiryFromRow(row);
  }

  async getByTrackingNumber(tenantId: string, trackingNumber: string): Promise<Inquiry> {
    const row = await this.#options.db.withTenant(tenantId, (trx) =>
      trx<InquiryRow>('inquiries')
        .where({ tenant_id: tenantId, tracking_number: String(trackingNumber) })
        .first(),
    );
    if (!row) throw inquiryNotFound(tenantId, trackingNumber);
    return inquiryFromRow(row);
  }

  /** Every history entry, oldest first: what staff see. */
  async history(tenantId: string, inquiryId: string): Promise<HistoryEntry[]> {
    const rows = await this.#options.db.withTenant(tenantId, async (trx) => {
      if (!(await readInquiryRow(trx, tenantId, inquiryId))) throw inquiryNotFound(tenantId, inquiryId);
      return trx<HistoryRow>('inquiry_history')
        .where({ tenant_id: tenantId, inquiry_id: inquiryId })
        .orderBy('seq');
    });
    return rows.map(historyFromRow);
  }

  /** What the applicant sees: public entries only, named in their locale. */
  async publicHistory(tenantId: string, inquiryId: string, locale?: Locale): Promise<PublicHistoryEntry[]> {
    const inquiry = await this.get(tenantId, inquiryId);
    const entries = await this.history(tenantId, inquiryId);
    const workflows = new Map<number, Awaited<ReturnType<WorkflowDefinitionStoreFetch>>>();
    for (const version of new Set(entries.map((e) => e.workflowVersion))) {
      workflows.set(version, await this.#options.workflows.fetch(inquiry.workflowKey, version));
    }
    return publicHistory(entries, workflows, locale ?? inquiry.locale);
  }

  /** What the actor may do on the inquiry now. */
  async allowedActions(tenantId: string, inquiry: Inquiry, actor: Actor): Promise<AllowedAction[]> {
    return this.#inTenant(tenantId, async (trx, rt) =>
      allowedActions({
        workflow: rt.definitions.workflow(inquiry.workflowKey, inquiry.workflowVersion),
        inquiry,
        actor,
        calendar: rt.tenant.calendar,
        now: rt.now,
        principals: await principalsOf(trx, rt, actor),
      }),
    );
  }

  /** The children of a composite inquiry and their combined progress. */
  async children(
    tenantId: string,
    parentId: string,
  ): Promise<{ children: Inquiry[]; progress: CompositeProgress }> {
    const rows = await this.#options.db.withTenant(tenantId, async (trx) => {
      if (!(await readInquiryRow(trx, tenantId, parentId))) throw inquiryNotFound(tenantId, parentId);
      return trx<InquiryRow>('inquiries')
        .where({ tenant_id: tenantId, parent_id: parentId })
        .orderBy('tracking_number');
    });
    return { children: rows.map(inquiryFromRow), progress: progressOf(rows) };
  }

  /**
   * Runs `work` in a tenant transaction with the engine's runtime. When a pinned definition is not
   * in memory yet, it is read outside and the work runs again (see {@link DefinitionsNeeded}).
   */
  async inTenant<T>(
    tenantId: string,
    work: (trx: TenantTransaction, rt: EngineRuntime) => Promise<T>,
  ): Promise<T> {
    return this.#inTenant(tenantId, work);
  }

  async #inTenant<T>(
    tenantId: string,
    work: (trx: TenantTransaction, rt: EngineRuntime) => Promise<T>,
  ): Promise<T> {
    const tenant = await this.#options.contexts.get(tenantId);
    for (let attempt = 0; ; attempt++) {
      const rt: EngineRuntime = {
        tenant,
        definitions: this.#definitions,
        staff: this.#options.staff,
        now: this.#clock(),
        ...(this.#options.contributions ? { contributions: this.#options.contributions } : {}),
        ...(this.#options.payments ? { payments: this.#options.payments } : {}),
      };
      try {
        return await this.#options.db.withTenant(tenantId, (trx) => work(trx, rt));
      } catch (error) {
        if (!(error instanceof DefinitionsNeeded) || attempt >= 5) throw error;
        await this.#definitions.fetch(error);
      }
    }
  }

  async #change(
    tenantId: string,
    inquiryId: string,
    scope: string,
    request: unknown,
    options: CommandOptions,
    /** `last`: nothing is recorded after the change, so it may be the transaction's FINAL statement. */
    apply: (
      trx: TenantTransaction,
      rt: EngineRuntime,
      row: InquiryRow,
      last: boolean,
    ) => Promise<AppliedChange>,
  ): Promise<ChangeResult> {
    const hash = options.idempotencyKey ? requestHash(request) : '';
    const result = await this.#inTenant(tenantId, async (trx, rt) => {
      const row = await readInquiryRow(trx, tenantId, inquiryId);
      if (!row || (options.visible && !options.visible(inquiryFromRow(row)))) {
        throw inquiryNotFound(tenantId, inquiryId);
      }
      if (options.idempotencyKey) {
        const replay = await claimIdempotencyKey(trx, tenantId, scope, options.idempotencyKey, hash);
        if (replay) return reviveChange(replay.result);
      }
      const applied = await apply(trx, rt, row, !options.idempotencyKey);
      const changed: ChangeResult = {
        inquiry: inquiryFromRow(applied.row),
        entry: applied.entry,
        replayed: false,
      };
      if (options.idempotencyKey) {
        await recordIdempotentResult(trx, tenantId, scope, options.idempotencyKey, changed, {
          final: true,
        });
      }
      return changed;
    }).catch((error: unknown) => {
      if (!(error instanceof StaleAfterCommit)) throw error;
      // The FINAL change found the version stale and wrote nothing: explain in a fresh transaction.
      return this.#inTenant(tenantId, (trx, rt) =>
        throwStale(trx, rt, error.inquiryId, error.expectedVersion, error.actor),
      );
    });
    if (!result.replayed) this.#options.afterCommit?.();
    return result;
  }

  /** The recorded first result under a key, checked against the request; undefined when there is none. */
  async #recorded(tenantId: string, scope: string, key: string, hash: string): Promise<unknown> {
    const row: { request_hash: string; result: unknown } | undefined = await this.#options.db.withTenant(
      tenantId,
      (trx) =>
        trx('idempotency_keys')
          .where({ tenant_id: tenantId, scope, key: String(key) })
          .first('request_hash', 'result'),
    );
    if (!row || row.result === null) return undefined;
    if (row.request_hash !== hash) throw idempotencyMismatch(tenantId, scope, key);
    return row.result;
  }

  #assignment(
    tenantId: string,
    inquiryId: string,
    input: { action: AssignmentAction; expectedVersion: number; assigneeId?: string; comment?: string },
    actor: Actor,
    options: Pick<CommandOptions, 'visible'>,
  ): Promise<ChangeResult> {
    if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
      return Promise.reject(
        inquiryInputInvalid(tenantId, 'assignment', ['/expectedVersion: must be a positive integer']),
      );
    }
    return this.#change(tenantId, inquiryId, '', undefined, options, (trx, rt, row) =>
      assignIn(trx, rt, row, input, actor),
    );
  }
}

type WorkflowDefinitionStoreFetch = WorkflowEngineOptions['workflows']['fetch'];
