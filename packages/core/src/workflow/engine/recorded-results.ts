import type { HistoryEntry, Inquiry } from '../inquiry/types.js';
import type { ChangeResult, FilingResult } from './engine-types.js';

/** A result as stored under an idempotency key: JSON, so instants are ISO strings. */
type Stored<T> = {
  [K in keyof T]: T[K] extends Date | null ? string | null : T[K] extends Date ? string : Stored<T[K]>;
};

const INQUIRY_INSTANTS = [
  'filedAt',
  'stateEnteredAt',
  'dueAt',
  'stateDueAt',
  'stateBreachedAt',
  'overallBreachedAt',
  'pausedAt',
  'closedAt',
  'updatedAt',
] as const;

function instant(value: unknown): Date | null {
  return typeof value === 'string' ? new Date(value) : null;
}

function reviveInquiry(stored: Stored<Inquiry>): Inquiry {
  const inquiry = { ...stored } as unknown as Record<string, unknown>;
  for (const key of INQUIRY_INSTANTS) inquiry[key] = instant(inquiry[key]);
  return inquiry as unknown as Inquiry;
}

function reviveEntry(stored: Stored<HistoryEntry>): HistoryEntry {
  return { ...(stored as unknown as HistoryEntry), at: new Date(stored.at as unknown as string) };
}

/** The first result of a filing, as a replay returns it. */
export function reviveFiling(stored: unknown): FilingResult {
  const result = stored as Stored<FilingResult>;
  return {
    inquiry: reviveInquiry(result.inquiry as Stored<Inquiry>),
    children: (result.children as Stored<Inquiry>[]).map(reviveInquiry),
    replayed: true,
  };
}

/** The first result of a transition or an assignment, as a replay returns it. */
export function reviveChange(stored: unknown): ChangeResult {
  const result = stored as Stored<ChangeResult>;
  return {
    inquiry: reviveInquiry(result.inquiry as Stored<Inquiry>),
    entry: reviveEntry(result.entry as Stored<HistoryEntry>),
    replayed: true,
  };
}
