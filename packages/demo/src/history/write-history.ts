import { appendAudit, type Platform, type TenantTransaction } from '@darcha/core';
import { bulkInsert } from './bulk-insert.js';
import type { GeneratedInquiry } from './generated-inquiry.js';
import { HISTORY_SUBJECT, markerIn } from './history-marker.js';
import {
  AUDIT_COLUMNS,
  HISTORY_COLUMNS,
  INQUIRY_COLUMNS,
  INVOICE_COLUMNS,
  PAYMENT_COLUMNS,
  RATING_COLUMNS,
  REVIEW_COLUMNS,
  auditRows,
  historyRows,
  inquiryRow,
  invoiceRow,
  paymentRow,
  ratingRow,
  reviewRow,
} from './history-rows.js';
import type { SeededRandom } from './seeded-random.js';

/** What the writer needs besides the inquiries. */
export interface WriteInput {
  tenantId: string;
  trackingPrefix: string;
  /** The subject of the marker (the period). */
  subject: string;
  /** The receipt year of an instant, in the city's time zone. */
  yearOf: (at: Date) => number;
  /** The latest instant routing gave each staff member an inquiry (`staff_members.last_assigned_at`). */
  assignments: ReadonlyMap<string, number>;
  random: SeededRandom;
  /** Written in the marker's details. */
  summary: Record<string, unknown>;
  onRows?: (done: number, total: number) => void;
}

/**
 * Writes a city's generated history in ONE transaction, so that it is all there or not at all:
 * takes a lock for the city's history and checks the marker again (a concurrent seed finds it and
 * writes nothing), reserves blocks of tracking numbers (per prefix and filing year) and receipt
 * numbers (per year of payment) by advancing the counters the platform numbers from, numbers the
 * inquiries in filing order and the receipts in payment order, inserts every row in bulk, moves
 * the routed officers' `last_assigned_at` as routing would have, and writes the marker. Resolves to false when the marker was found.
 */
export async function writeHistory(
  platform: Platform,
  inquiries: readonly GeneratedInquiry[],
  input: WriteInput,
): Promise<boolean> {
  const { tenantId } = input;
  return platform.db.withTenant(tenantId, async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`darcha-demo-history:${tenantId}`]);
    if (await markerIn(trx, tenantId, input.subject)) return false;
    const tracking = await trackingNumbers(trx, inquiries, input);
    const receipts = await receiptNumbers(trx, inquiries, input);
    const rows = {
      inquiries: inquiries.map((g, i) => inquiryRow(g, tracking[i]!)),
      history: inquiries.flatMap(historyRows),
      invoices: inquiries.map(invoiceRow).filter((r) => r !== null),
      payments: inquiries.flatMap((g) => {
        const receipt = receipts.get(g.id);
        return receipt ? [paymentRow(g, receipt.number, receipt.year)] : [];
      }),
      ratings: inquiries.map(ratingRow).filter((r) => r !== null),
      reviews: inquiries.map(reviewRow).filter((r) => r !== null),
      audit: inquiries.flatMap((g) =>
        auditRows(g, receipts.get(g.id)?.number ?? null, () => input.random.uuid()),
      ),
    };
    const total = Object.values(rows).reduce((n, list) => n + list.length, 0);
    let done = 0;
    const progress = (n: number) => input.onRows?.((done += n), total);
    await bulkInsert(trx, tenantId, 'inquiries', INQUIRY_COLUMNS, rows.inquiries, progress);
    await bulkInsert(trx, tenantId, 'inquiry_history', HISTORY_COLUMNS, rows.history, progress);
    await bulkInsert(trx, tenantId, 'invoices', INVOICE_COLUMNS, rows.invoices, progress);
    await bulkInsert(trx, tenantId, 'payments', PAYMENT_COLUMNS, rows.payments, progress);
    await bulkInsert(trx, tenantId, 'ratings', RATING_COLUMNS, rows.ratings, progress);
    await bulkInsert(trx, tenantId, 'rating_reviews', REVIEW_COLUMNS, rows.reviews, progress);
    await bulkInsert(trx, tenantId, 'audit_log', AUDIT_COLUMNS, rows.audit, progress);
    for (const [staffId, at] of input.assignments) {
      await trx('staff_members')
        .where({ tenant_id: tenantId, id: staffId })
        .update({ last_assigned_at: trx.raw('greatest(last_assigned_at, ?::timestamptz)', [new Date(at)]) });
    }
    await appendAudit(trx, tenantId, {
      actor: 'demo-seed',
      action: 'demo.history.seed',
      subjectType: HISTORY_SUBJECT,
      subjectId: input.subject,
      details: input.summary,
    });
    return true;
  });
}

/**
 * Tracking numbers `CHR-2013-000123`, in filing order, from a block taken off the city's counter
 * for each prefix and year (`tracking_counters`), as `insertInquiry` takes them one by one.
 */
async function trackingNumbers(
  trx: TenantTransaction,
  inquiries: readonly GeneratedInquiry[],
  input: WriteInput,
): Promise<string[]> {
  const perYear = countBy(inquiries.map((g) => g.year));
  const next = new Map<number, number>();
  for (const [year, count] of perYear) {
    const result = await trx.raw<{ rows: { last_value: number }[] }>(
      `insert into tracking_counters (tenant_id, prefix, year, last_value) values (?, ?, ?, ?)
       on conflict (tenant_id, prefix, year)
       do update set last_value = tracking_counters.last_value + excluded.last_value
       returning last_value`,
      [input.tenantId, input.trackingPrefix, year, count],
    );
    next.set(year, result.rows[0]!.last_value - count + 1);
  }
  return inquiries.map((g) => {
    const n = next.get(g.year)!;
    next.set(g.year, n + 1);
    return `${input.trackingPrefix}-${g.year}-${String(n).padStart(6, '0')}`;
  });
}

/**
 * Receipt numbers `CHR-2013-R000045` of the confirmed payments, in payment order within each year
 * of payment, from a block taken off the city's `receipt_counters`: gap-free as the payment
 * service's own, and the next desk payment continues after them.
 */
async function receiptNumbers(
  trx: TenantTransaction,
  inquiries: readonly GeneratedInquiry[],
  input: WriteInput,
): Promise<Map<string, { number: string; year: number }>> {
  const paid = inquiries
    .filter((g) => g.invoice?.payment)
    .map((g) => ({ id: g.id, at: g.invoice!.payment!.at, year: input.yearOf(g.invoice!.payment!.at) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  const next = new Map<number, number>();
  for (const [year, count] of countBy(paid.map((p) => p.year))) {
    const result = await trx.raw<{ rows: { last: number }[] }>(
      `insert into receipt_counters (tenant_id, year, last) values (?, ?, ?)
       on conflict (tenant_id, year) do update set last = receipt_counters.last + excluded.last
       returning last`,
      [input.tenantId, year, count],
    );
    next.set(year, result.rows[0]!.last - count + 1);
  }
  const numbers = new Map<string, { number: string; year: number }>();
  for (const p of paid) {
    const n = next.get(p.year)!;
    next.set(p.year, n + 1);
    numbers.set(p.id, {
      number: `${input.trackingPrefix}-${p.year}-R${String(n).padStart(6, '0')}`,
      year: p.year,
    });
  }
  return numbers;
}

function countBy(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
