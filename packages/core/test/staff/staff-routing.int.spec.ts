import { expect } from 'chai';
import type { Database } from '../../src/db/database.js';
import type { TenantTransaction } from '../../src/db/types.js';
import { PostgresStaffDirectory } from '../../src/staff/staff-directory.js';
import { markAssigned, routingCandidates } from '../../src/staff/staff-routing.js';
import type { CreateStaffInput, RoutingQuery, StaffMember } from '../../src/staff/staff-types.js';
import { engine, expectCode, openStaffDatabase, tashkent } from './staff-fixtures.js';

let inquiryCount = 0;

/** Inserts an inquiry assigned to `assigneeId` with only the columns the table requires. */
async function insertInquiry(
  trx: TenantTransaction,
  tenantId: string,
  assigneeId: string,
  closed: boolean,
): Promise<void> {
  const at = tashkent('2026-07-01T10:00');
  await trx('inquiries').insert({
    tenant_id: tenantId,
    tracking_number: `T-2026-${String(++inquiryCount).padStart(6, '0')}`,
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
    state: closed ? 'issued' : 'review',
    public_status: closed ? 'completed' : 'in_progress',
    assignee_id: assigneeId,
    filed_at: at,
    filed_by: 'front-1',
    state_entered_at: at,
    closed_at: closed ? at : null,
    updated_at: at,
  });
}

describe(`staff routing (${engine})`, () => {
  let db: Database;
  let staff: PostgresStaffDirectory;
  const at = tashkent('2026-07-13T10:00');
  const members: Record<string, StaffMember> = {};

  const candidates = (query: Omit<RoutingQuery, 'at'>, when: Date = at, tenantId = 'chirchik') =>
    db.withTenant(tenantId, (trx) => routingCandidates(trx, tenantId, { ...query, at: when }));
  const names = async (query: Omit<RoutingQuery, 'at'>, when?: Date) =>
    (await candidates(query, when)).map((c) => c.displayName);

  before(async () => {
    db = await openStaffDatabase();
    staff = new PostgresStaffDirectory({ db });
    const add = async (displayName: string, input: Partial<CreateStaffInput>) => {
      members[displayName] = await staff.create('chirchik', {
        displayName,
        roles: ['back_office'],
        ...input,
      });
    };
    await add('gas-1', { agencyCodes: ['gorgas'] });
    await add('gas-2', { agencyCodes: ['gorgas', 'tax'] });
    await add('tax-1', { agencyCodes: ['tax'] });
    await add('any-1', {}); // serves every agency
    await add('gas-inactive', { agencyCodes: ['gorgas'], active: false });
    await add('gas-away', { agencyCodes: ['gorgas'] });
    await add('front-gas', { roles: ['front_office'], agencyCodes: ['gorgas'] });
    await staff.addAbsence('chirchik', {
      staffId: members['gas-away']!.id,
      delegateId: members['gas-1']!.id,
      startsAt: tashkent('2026-07-06T09:00'),
      endsAt: tashkent('2026-07-20T09:00'),
    });
    // Djizak has an officer of the same role and an agency of the same code.
    await staff.create('djizak', {
      displayName: 'djizak-gas',
      roles: ['back_office'],
      agencyCodes: ['gorgas'],
    });
    await db.withTenant('chirchik', async (trx) => {
      await insertInquiry(trx, 'chirchik', members['gas-1']!.id, false);
      await insertInquiry(trx, 'chirchik', members['gas-1']!.id, false);
      await insertInquiry(trx, 'chirchik', members['gas-1']!.id, true);
      await insertInquiry(trx, 'chirchik', members['any-1']!.id, false);
      await insertInquiry(trx, 'chirchik', members['gas-inactive']!.id, false);
    });
  });
  after(() => db.close());

  it('offers active, present officers of the role and agency, with their open inquiries', async () => {
    const found = await candidates({ role: 'back_office', agencyCode: 'gorgas' });
    const expected = ['gas-1', 'gas-2', 'any-1']
      .map((n) => members[n]!)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(found).to.deep.equal(
      expected.map((m) => ({
        staffId: m.id,
        displayName: m.displayName,
        lastAssignedAt: null,
        openAssigned: { 'gas-1': 2, 'gas-2': 0, 'any-1': 1 }[m.displayName],
      })),
    );
    expect(await names({ role: 'back_office', agencyCode: 'tax' })).to.have.members([
      'gas-2',
      'tax-1',
      'any-1',
    ]);
    expect(await names({ role: 'back_office' })).to.have.members(['gas-1', 'gas-2', 'tax-1', 'any-1']);
    expect(await names({ role: 'front_office', agencyCode: 'gorgas' })).to.deep.equal(['front-gas']);
    expect(await names({ role: 'cashier' })).to.deep.equal([]);
  });

  it('offers an absent officer again once the absence is over', async () => {
    expect(
      await names({ role: 'back_office', agencyCode: 'gorgas' }, tashkent('2026-07-20T09:00')),
    ).to.include('gas-away');
    expect(
      await names({ role: 'back_office', agencyCode: 'gorgas' }, tashkent('2026-07-20T08:59')),
    ).not.to.include('gas-away');
  });

  it('puts the officer assigned most recently last, and never moves an assignment backwards', async () => {
    const query = { role: 'back_office', agencyCode: 'tax' };
    await db.withTenant('chirchik', async (trx) => {
      await markAssigned(trx, 'chirchik', members['tax-1']!.id, tashkent('2026-07-13T09:00'));
      await markAssigned(trx, 'chirchik', members['gas-2']!.id, tashkent('2026-07-13T09:30'));
    });
    const [first] = await candidates(query);
    expect(first!.displayName).to.equal('any-1'); // never assigned: first
    expect(await names(query)).to.deep.equal(['any-1', 'tax-1', 'gas-2']);
    await db.withTenant('chirchik', async (trx) => {
      await markAssigned(trx, 'chirchik', members['any-1']!.id, tashkent('2026-07-13T09:45'));
      await markAssigned(trx, 'chirchik', members['gas-2']!.id, tashkent('2026-07-12T09:00')); // older: ignored
    });
    const after = await candidates(query);
    expect(after.map((c) => c.displayName)).to.deep.equal(['tax-1', 'gas-2', 'any-1']);
    expect(after[1]!.lastAssignedAt).to.deep.equal(tashkent('2026-07-13T09:30'));
    expect((await staff.get('chirchik', members['gas-2']!.id)).lastAssignedAt).to.deep.equal(
      tashkent('2026-07-13T09:30'),
    );
  });

  it("never offers or marks another city's officers", async () => {
    const djizak = await candidates({ role: 'back_office', agencyCode: 'gorgas' }, at, 'djizak');
    expect(djizak.map((c) => c.displayName)).to.deep.equal(['djizak-gas']);
    await expectCode(
      db.withTenant('djizak', (trx) => markAssigned(trx, 'djizak', members['gas-1']!.id, at)),
      'DARCHA_STAFF_NOT_FOUND',
    );
    await expectCode(
      db.withTenant('chirchik', (trx) => markAssigned(trx, 'chirchik', 'system', at)),
      'DARCHA_STAFF_NOT_FOUND',
    );
  });

  it('refuses a routing instant that is not a date', async () => {
    await expectCode(candidates({ role: 'back_office' }, new Date('never')), 'DARCHA_STAFF_INPUT_INVALID');
  });
});
