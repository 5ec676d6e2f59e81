import type { Locale } from '../../i18n/locales.js';
import type { ApplicantType, Channel, InquiryKind } from '../../registry/types.js';
import type { PublicStatus } from '../definition/types.js';

/**
 * Groups with a fee discount by law (since 2021, 50% for people in the social protection register
 * and in disability groups I and II). Staff confirm the category from a document at the desk.
 */
export const APPLICANT_CATEGORIES = ['social-register', 'disability-1', 'disability-2'] as const;
export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

/**
 * How the applicant wants to hear about their inquiry: by SMS to `phone`, by email to `email`, or not
 * at all. Without a choice, SMS when there is a phone, else email when there is an address.
 */
export const NOTIFY_CHANNELS = ['sms', 'email', 'none'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** A citizen applying for themselves: identified by their PINFL (14 digits). */
export interface IndividualApplicant {
  type: 'individual';
  pinfl: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  /** `+998XXXXXXXXX`. */
  phone?: string;
  email?: string;
  /** The language the citizen reads their messages and history in. */
  locale: Locale;
  notifyBy?: NotifyChannel;
  /** Discount categories the applicant belongs to (confirmed by staff from a document). */
  categories?: ApplicantCategory[];
}

/** A business applying: identified by its TIN (9 digits), acting through a representative. */
export interface LegalEntityApplicant {
  type: 'legal_entity';
  tin: string;
  name: string;
  representative: {
    pinfl?: string;
    lastName: string;
    firstName: string;
    middleName?: string;
    position?: string;
  };
  phone?: string;
  email?: string;
  locale: Locale;
  notifyBy?: NotifyChannel;
}

export type Applicant = IndividualApplicant | LegalEntityApplicant;

/**
 * Who acts on an inquiry. `roles` are the roles the actor holds in the tenant; a `back_office` role
 * counts only on inquiries of one of the actor's `agencyCodes` (when the actor has any). A citizen
 * acts only on their own inquiries: the one their receipt opened (`inquiryIds`) or those filed with
 * their PINFL or TIN (`applicantKey`).
 */
export interface Actor {
  /** A staff member's id, `system`, `citizen:<pinfl>` or `api-key:<id>`. */
  id: string;
  kind: 'staff' | 'citizen' | 'system' | 'integration';
  roles: readonly string[];
  agencyCodes?: readonly string[];
  applicantKey?: string;
  inquiryIds?: readonly string[];
}

/** The system actor: timers, automatic actions, composite parents. */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: 'system',
  kind: 'system',
  roles: Object.freeze(['system']),
});

/** An inquiry as stored: pinned to one service version and one workflow version. */
export interface Inquiry {
  id: string;
  tenantId: string;
  /** `CHR-2026-000123`: prefix of the city, year of filing, sequence without gaps. */
  trackingNumber: string;
  kind: InquiryKind;
  serviceCode: string;
  serviceVersion: number;
  workflowKey: string;
  workflowVersion: number;
  /** The composite inquiry this one is a part of. */
  parentId: string | null;
  applicant: Applicant;
  /** The applicant's PINFL or TIN. */
  applicantKey: string;
  locale: Locale;
  formData: Record<string, unknown>;
  channel: Channel;
  agencyCode: string | null;
  state: string;
  publicStatus: PublicStatus;
  /** Whose inbox it is in, when no one is assigned (or the assignee's role). */
  candidateRole: string | null;
  assigneeId: string | null;
  escalated: boolean;
  filedAt: Date;
  filedBy: string;
  stateEnteredAt: Date;
  /** When the whole inquiry is due (moves on when the clock is paused). */
  dueAt: Date | null;
  /** When the current state is due. */
  stateDueAt: Date | null;
  stateBreachedAt: Date | null;
  overallBreachedAt: Date | null;
  /** Since when the clock is stopped, in a paused state. */
  pausedAt: Date | null;
  /** When the inquiry reached its terminal state (appeal and reopen windows count from here). */
  closedAt: Date | null;
  /** The optimistic lock: equals the number of history entries. */
  version: number;
  updatedAt: Date;
  /** The overall SLA promised at filing (the city's catalog value); a reopen restarts it. */
  overallSla: { unit: 'working_days' | 'working_hours' | 'minutes'; value: number } | null;
}

/** What changed in one history entry. */
export type HistoryKind = 'filed' | 'transition' | 'assignment' | 'migration' | 'escalation' | 'breach';

/** One append-only history entry; `seq` is the inquiry's version after it. */
export interface HistoryEntry {
  inquiryId: string;
  seq: number;
  at: Date;
  kind: HistoryKind;
  action: string | null;
  fromState: string | null;
  toState: string;
  workflowVersion: number;
  actorId: string;
  actorRole: string;
  /** The officer a delegate acted for. */
  onBehalfOf: string | null;
  comment: string | null;
  /** Attachment ids given with the change. */
  documents: string[];
  /** Shown to the citizen. */
  public: boolean;
  details: Record<string, unknown>;
}

/** What a citizen sees of one history entry: public entries only, in their locale. */
export interface PublicHistoryEntry {
  at: Date;
  publicStatus: PublicStatus;
  /** The public status in the citizen's locale. */
  status: string;
  /** The action's name in the citizen's locale (`Rejected`, `Certificate issued`). */
  title: string;
  comment: string | null;
}

/** What a client sends to file an inquiry. */
export interface FileInquiryInput {
  serviceCode: string;
  applicant: Applicant;
  formData: Record<string, unknown>;
  channel: Channel;
  /** Defaults to the applicant's locale. */
  locale?: Locale;
  /** Composite services: the form of each child service, by service code. */
  childForms?: Record<string, Record<string, unknown>>;
}

/** What a client sends to move an inquiry. */
export interface TransitionInput {
  action: string;
  /** The version the actor saw (`If-Match`); a different current version is refused. */
  expectedVersion: number;
  comment?: string;
  /** Attachment ids (of this inquiry) given with the action. */
  documents?: string[];
  /** Action-specific data handed to guards and effects. */
  data?: Record<string, unknown>;
}

/** An action the actor may take now, for the UI. */
export interface AllowedAction {
  action: string;
  to: string;
  names: Record<string, string>;
  requires: { comment: boolean; documents: string[]; payment: boolean };
  public: boolean;
  /** The window closes at this instant (appeals, reopens). */
  availableUntil?: Date;
}

export type { ApplicantType, Channel, InquiryKind };
