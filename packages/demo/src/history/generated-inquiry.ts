import type { Applicant, CatalogService, FeeQuote, Locale } from '@darcha/core';
import type { InquirySimulation } from './inquiry-simulation.js';
import type { HistoryActor } from './staff-pool.js';

/** The invoice of a generated inquiry: paid at the cash desk, or left unpaid until it expired. */
export interface GeneratedInvoice {
  id: string;
  quote: FeeQuote;
  issuedAt: Date;
  dueAt: Date;
  payment: { id: string; at: Date; cashier: HistoryActor; method: 'cash' | 'card' } | null;
  /** When the expiry job marked an unpaid invoice expired; null while it is still payable. */
  expiredAt: Date | null;
}

/** A citizen's rating recorded at the desk, with the supervisor's review of a low one. */
export interface GeneratedRating {
  score: number;
  comment: string | null;
  ratedAt: Date;
  ratedBy: string;
  outcome: 'completed' | 'rejected';
  review: {
    id: string;
    openedAt: Date;
    closed: { at: Date; by: string; resolution: string } | null;
  } | null;
}

/** One inquiry of the history, before its tracking and receipt numbers are taken. */
export interface GeneratedInquiry {
  id: string;
  service: CatalogService;
  applicant: Applicant;
  locale: Locale;
  formData: Record<string, unknown>;
  sim: InquirySimulation;
  /** The filing year in the city's time zone: the tracking number's year. */
  year: number;
  invoice: GeneratedInvoice | null;
  rating: GeneratedRating | null;
}
