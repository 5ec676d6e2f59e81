import type { SkippedService } from './service-profiles.js';

/** The history of one city: a period and how many inquiries it had. */
export interface CityHistorySpec {
  tenantId: string;
  /**
   * Local dates, both included: `2013-01-01`, `2013-12-31`. The period lies well in the past: every
   * inquiry is played to its end (some weeks after filing at most) and closed.
   */
  from: string;
  to: string;
  /** Inquiries filed in the period (information requests and appeals included). */
  inquiries: number;
  /** Soums the period's payments should come to, roughly; the mix leans toward paid services to approach it. */
  revenueTarget?: number;
  /** Shares of the inquiries by agency kind; see `SECONDED_STAFF_KINDS`. */
  kinds: Readonly<Record<string, number>>;
}

/** How far the seeding of one city has come. */
export interface HistoryProgress {
  tenantId: string;
  /** `plan`: generating inquiries; `write`: inserting rows; `done`; `skipped`: the history was there. */
  phase: 'plan' | 'write' | 'done' | 'skipped';
  done: number;
  total: number;
  /** A line to show, for the phases that have one. */
  message?: string;
}

/** What seeding the history does. */
export interface SeedHistoryOptions {
  /** Multiplies every city's volume and revenue target (tests use 0.01); default 1. */
  scale?: number;
  /** The seed of the generator; the same seed gives the same history. Default `darcha-demo`. */
  seed?: string;
  onProgress?: (progress: HistoryProgress) => void;
  /** Now: invoices due after it are still open. Default the current time. */
  now?: Date;
}

/** The figures of one city's seeded history. */
export interface CityHistoryResult {
  tenantId: string;
  from: string;
  to: string;
  /** False when the city already had this history (nothing was written). */
  seeded: boolean;
  inquiries: number;
  historyEntries: number;
  payments: number;
  /** The sum of the payments, in soums. */
  revenue: number;
  ratings: number;
  /** How far the mix leaned toward paid services (1: not at all). */
  tilt: number;
  skipped: SkippedService[];
  /** Milliseconds it took. */
  ms: number;
}
