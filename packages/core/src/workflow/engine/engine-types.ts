import type { Database } from '../../db/database.js';
import type { TenantTransaction } from '../../db/types.js';
import type { Logger } from '../../logging/logger.js';
import type { ContributionRegistry } from '../../plugins/contribution-registry.js';
import type { ServiceRegistry, TenantCatalog } from '../../registry/contracts.js';
import type { RoutingCandidate } from '../../staff/staff-types.js';
import type { HistoryEntry, Inquiry } from '../inquiry/types.js';
import type { TenantWorkflowContexts } from './tenant-workflow-context.js';
import type { WorkflowDefinitionStore } from './workflow-definition-store.js';

/** The staff queries the engine runs inside its transactions (the staff directory provides them). */
export interface StaffQueries {
  /** The officers `delegateId` acts for at `at` (their absences name the delegate). */
  principalsFor(trx: TenantTransaction, tenantId: string, delegateId: string, at: Date): Promise<string[]>;
  /** Active, present staff holding `role` (and belonging to `agencyCode` when given). */
  routingCandidates(
    trx: TenantTransaction,
    tenantId: string,
    query: { role: string; agencyCode: string | null; at: Date },
  ): Promise<RoutingCandidate[]>;
  markAssigned(trx: TenantTransaction, tenantId: string, staffId: string, at: Date): Promise<void>;
  /** Of `staffIds`, those this transaction could lock without waiting (`FOR UPDATE SKIP LOCKED`). */
  lockAvailable(trx: TenantTransaction, tenantId: string, staffIds: readonly string[]): Promise<string[]>;
}

/** Whether an inquiry's invoice is paid; the payments module provides it. */
export interface PaymentCheck {
  isPaid(trx: TenantTransaction, tenantId: string, inquiryId: string): Promise<boolean>;
}

export interface WorkflowEngineOptions {
  db: Database;
  logger: Logger;
  workflows: WorkflowDefinitionStore;
  services: ServiceRegistry;
  catalog: TenantCatalog;
  contexts: TenantWorkflowContexts;
  staff: StaffQueries;
  /** Plugin guards; absent in tests that use core guards only. */
  contributions?: ContributionRegistry;
  payments?: PaymentCheck;
  /** The engine's clock (tests control it). */
  clock?: () => Date;
  /** Called after a transaction that wrote outbox events commits (the dispatcher's `wake`). */
  afterCommit?: () => void;
}

/** What a transition or an assignment returns: the inquiry after it, and the entry it appended. */
export interface ChangeResult {
  inquiry: Inquiry;
  entry: HistoryEntry;
  /** True when this is the recorded result of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** What filing returns. */
export interface FilingResult {
  inquiry: Inquiry;
  /** The child inquiries of a composite service, in the order the service lists them. */
  children: Inquiry[];
  replayed: boolean;
}

/** The outcome of one item of a bulk command. */
export type BulkItemResult =
  | { inquiryId: string; ok: true; version: number }
  | { inquiryId: string; ok: false; code: string; message: string };
