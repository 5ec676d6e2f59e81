import type { Database } from '../../src/db/database.js';
import type { TenantTransaction } from '../../src/db/types.js';
import { ScryptPasswordHasher } from '../../src/identity/password-hasher.js';
import {
  PostgresIdentityService,
  type IdentityServiceOptions,
} from '../../src/identity/postgres-identity-service.js';
import { PostgresStaffDirectory } from '../../src/staff/staff-directory.js';
import type { StaffMember } from '../../src/staff/staff-types.js';
import { openStaffDatabase } from '../staff/staff-fixtures.js';

export { engine, expectCode, fieldsOf } from '../staff/staff-fixtures.js';

/** The HMAC key the tests run with (what `auth.secret` would hold). */
export const TEST_SECRET = 'test-secret-of-at-least-32-characters-long';

/** A clock the test moves by hand: `clock.advance(15)` is fifteen minutes later. */
export class TestClock {
  #now: Date;

  constructor(start = new Date('2026-07-06T09:00:00+05:00')) {
    this.#now = start;
  }

  get now(): Date {
    return new Date(this.#now);
  }

  advance(minutes: number): void {
    this.#now = new Date(this.#now.getTime() + minutes * 60_000);
  }

  readonly fn = (): Date => this.now;
}

/**
 * scrypt at a low cost (N = 2^10), and counting its calls: the algorithm and the code paths are the
 * real ones, only cheaper, so that lockout tests with many sign-ins stay quick.
 */
export class CountingHasher extends ScryptPasswordHasher {
  verifies = 0;
  dummies = 0;

  constructor() {
    super({ N: 2 ** 10, r: 8, p: 1 });
  }

  override async verify(password: string, encoded: string): Promise<boolean> {
    this.verifies++;
    return super.verify(password, encoded);
  }

  override async verifyDummy(password: string): Promise<void> {
    this.dummies++;
    return super.verifyDummy(password);
  }
}

/** What an identity test works with. */
export interface IdentityWorld {
  db: Database;
  clock: TestClock;
  hasher: CountingHasher;
  identity: PostgresIdentityService;
  staff: PostgresStaffDirectory;
  /** Staff of `chirchik`: `dilnoza` (back office, gorgas), `aziz` (front office); of `djizak`: `olim`. */
  members: Record<'dilnoza' | 'aziz' | 'olim', StaffMember>;
  /** Outbox events woken so far. */
  wakes: { count: number };
}

/**
 * The staff test database (`uz` with `chirchik` and `djizak`, their agencies) plus three staff
 * members, and an identity service on a hand-moved clock.
 */
export async function openIdentityWorld(
  options: Partial<IdentityServiceOptions> = {},
): Promise<IdentityWorld> {
  const db = await openStaffDatabase();
  const clock = new TestClock();
  const hasher = new CountingHasher();
  const wakes = { count: 0 };
  const identity = new PostgresIdentityService({
    db,
    clock: clock.fn,
    hasher,
    secret: TEST_SECRET,
    afterOutboxWrite: () => void wakes.count++,
    ...options,
  });
  const staff = new PostgresStaffDirectory({ db, afterChange: () => identity.forgetSessions() }); // as openPlatform wires them
  const members = {
    dilnoza: await staff.create('chirchik', {
      displayName: 'Dilnoza Karimova',
      roles: ['back_office'],
      agencyCodes: ['gorgas'],
    }),
    aziz: await staff.create('chirchik', { displayName: 'Aziz Rahimov', roles: ['front_office'] }),
    olim: await staff.create('djizak', { displayName: 'Olim Tursunov', roles: ['front_office'] }),
  };
  return { db, clock, hasher, identity, staff, members, wakes };
}

let inquiryCount = 0;

/** Inserts an inquiry with only the columns the table requires; returns its id. */
export async function insertInquiry(
  trx: TenantTransaction,
  tenantId: string,
  trackingNumber = `CHR-2026-${String(++inquiryCount).padStart(6, '0')}`,
): Promise<string> {
  const at = new Date('2026-07-01T10:00:00+05:00');
  const [row]: { id: string }[] = await trx('inquiries')
    .insert({
      tenant_id: tenantId,
      tracking_number: trackingNumber,
      kind: 'service',
      service_code: 'gas.no-debt-certificate',
      service_version: 1,
      workflow_key: 'gas.certificate',
      workflow_version: 1,
      applicant_type: 'individual',
      applicant: JSON.stringify({ type: 'individual', pinfl: '12345678901234' }),
      applicant_key: '12345678901234',
      locale: 'uz-Latn',
      form_data: JSON.stringify({}),
      channel: 'desk',
      state: 'review',
      public_status: 'in_progress',
      filed_at: at,
      filed_by: 'front-1',
      state_entered_at: at,
      updated_at: at,
    })
    .returning('id');
  return row!.id;
}

/** A strong-enough password for tests. */
export const PASSWORD = 'correct horse battery staple';
