import { TenantCalendarStore } from '../../src/calendar/tenant-calendar-store.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import { PostgresRatingService } from '../../src/ratings/postgres-rating-service.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import type { Actor, FileInquiryInput, Inquiry } from '../../src/workflow/inquiry/types.js';
import { openEngineFixture, type EngineFixture } from '../workflow/engine/engine-fixture.js';

/** The engine fixture, a rating service on its database, and helpers that close inquiries. */
export interface RatingsFixture {
  f: EngineFixture;
  ratings: PostgresRatingService;
  /** Files an inquiry in Chirchik and walks it to `done` (completed) by `officer` (Gorgas's by default). */
  completed(overrides?: Partial<FileInquiryInput>, officer?: Actor): Promise<Inquiry>;
  /** Files an inquiry in Chirchik and rejects it at once. */
  rejected(): Promise<Inquiry>;
  /** Files an inquiry in Chirchik and leaves it submitted. */
  open(): Promise<Inquiry>;
  /** The citizen who owns inquiries filed with the fixture's default applicant. */
  owner: Actor;
  close(): Promise<void>;
}

export const OWNER_PINFL = '31234567890123';

export async function openRatingsFixture(): Promise<RatingsFixture> {
  const f = await openEngineFixture();
  const calendars = new TenantCalendarStore({ db: f.db, tenants: new PostgresTenantRegistry(f.db) });
  const ratings = new PostgresRatingService({
    db: f.db,
    timeZoneOf: async (tenantId) => (await calendars.get(tenantId)).timeZone,
    clock: f.clock.read,
  });
  const open = async (overrides: Partial<FileInquiryInput> = {}): Promise<Inquiry> =>
    (await f.engine.file('chirchik', f.filing(overrides), f.actors.operator)).inquiry;
  return {
    f,
    ratings,
    open: () => open(),
    async completed(overrides = {}, officer = f.actors.officer) {
      const inquiry = await open(overrides);
      await f.engine.transition('chirchik', inquiry.id, { action: 'review', expectedVersion: 1 }, officer);
      await f.engine.claim('chirchik', inquiry.id, 2, officer);
      const { inquiry: done } = await f.engine.transition(
        'chirchik',
        inquiry.id,
        { action: 'finish', expectedVersion: 3 },
        officer,
      );
      return done;
    },
    async rejected() {
      const inquiry = await open();
      const { inquiry: done } = await f.engine.transition(
        'chirchik',
        inquiry.id,
        { action: 'reject', expectedVersion: 1, comment: 'No account' },
        f.actors.officer,
      );
      return done;
    },
    owner: { id: `citizen:${OWNER_PINFL}`, kind: 'citizen', roles: ['citizen'], applicantKey: OWNER_PINFL },
    close: () => f.close(),
  };
}

/** The DarchaError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    if (isDarchaError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
