import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import type { Database } from '../../src/db/database.js';
import { PostgresStaffDirectory } from '../../src/staff/staff-directory.js';
import type { CreateStaffInput } from '../../src/staff/staff-types.js';
import { engine, expectCode, fieldsOf, openStaffDatabase } from './staff-fixtures.js';

describe(`staff directory (${engine})`, () => {
  let db: Database;
  let staff: PostgresStaffDirectory;

  before(async () => {
    db = await openStaffDatabase();
    staff = new PostgresStaffDirectory({ db });
  });
  after(() => db.close());

  it('creates, reads, changes and deactivates staff, auditing each change', async () => {
    const created = await staff.create(
      'chirchik',
      {
        displayName: ' Dilnoza Karimova ',
        roles: ['back_office', 'gas/meter-inspector'],
        agencyCodes: ['gorgas'],
      },
      { actor: 'admin-1' },
    );
    expect(created).to.deep.include({
      tenantId: 'chirchik',
      displayName: 'Dilnoza Karimova',
      roles: ['back_office', 'gas/meter-inspector'],
      agencyCodes: ['gorgas'],
      active: true,
      lastAssignedAt: null,
    });
    expect(created.id).to.match(/^[0-9a-f-]{36}$/);
    expect(await staff.get('chirchik', created.id)).to.deep.equal(created);

    const moved = await staff.update(
      'chirchik',
      created.id,
      { agencyCodes: ['gorgas', 'tax'], roles: ['back_office', 'supervisor'] },
      { actor: 'admin-1' },
    );
    expect(moved).to.deep.equal({
      ...created,
      agencyCodes: ['gorgas', 'tax'],
      roles: ['back_office', 'supervisor'],
    });
    const gone = await staff.deactivate('chirchik', created.id, { actor: 'admin-2' });
    expect(gone.active).to.equal(false);
    expect(await staff.deactivate('chirchik', created.id, { actor: 'admin-2' })).to.deep.equal(gone);
    expect((await staff.update('chirchik', created.id, { active: true })).active).to.equal(true);

    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'staff', subjectId: created.id }),
    );
    expect(audit.map((a) => `${a.action}:${a.actor}`)).to.deep.equal([
      'staff.update:system',
      'staff.deactivate:admin-2',
      'staff.update:admin-1',
      'staff.create:admin-1',
    ]);
    expect(JSON.stringify(audit)).not.to.include('Dilnoza'); // names stay out of the audit log
  });

  it('lists every problem of bad staff input', async () => {
    const error = await expectCode(
      staff.create('chirchik', {
        displayName: '   ',
        roles: ['boss', 'gas/Inspector', 'citizen', 'front_office', 'front_office'],
        agencyCodes: ['Gor Gas'],
        active: 'yes',
        email: 'x@y.uz',
      } as unknown as CreateStaffInput),
      'DARCHA_STAFF_INPUT_INVALID',
    );
    expect(fieldsOf(error)).to.include.members([
      '/displayName',
      '/roles/0',
      '/roles/1',
      '/roles/2',
      '/roles',
      '/agencyCodes/0',
      '/active',
      '/email',
    ]);
    expect(error.message).to.include('tenant "chirchik"').and.include('plugin role "<plugin-id>/<role>"');
    const empty = await expectCode(
      staff.create('chirchik', { displayName: 'No Role', roles: [] }),
      'DARCHA_STAFF_INPUT_INVALID',
    );
    expect(empty.details['errors']).to.deep.equal([
      { field: '/roles', message: 'must hold at least one role' },
    ]);
    await expectCode(
      staff.create('chirchik', { roles: ['cashier'] } as unknown as CreateStaffInput),
      'DARCHA_STAFF_INPUT_INVALID',
    );
    expect(await staff.list('chirchik', { role: 'cashier' })).to.deep.equal([]); // nothing half-written
  });

  it("refuses agency codes the tenant does not have, naming each, even another city's", async () => {
    const error = await expectCode(
      staff.create('chirchik', {
        displayName: 'Aziz',
        roles: ['back_office'],
        agencyCodes: ['gorgas', 'water', 'bank'],
      }),
      'DARCHA_STAFF_AGENCY_UNKNOWN',
    );
    expect(error.details['agencyCodes']).to.deep.equal(['water', 'bank']);
    expect(error.message).to.include('Tenant "chirchik"');
    const aziz = await staff.create('chirchik', { displayName: 'Aziz', roles: ['back_office'] });
    await expectCode(
      staff.update('chirchik', aziz.id, { agencyCodes: ['water'] }),
      'DARCHA_STAFF_AGENCY_UNKNOWN',
    );
    expect((await staff.get('chirchik', aziz.id)).agencyCodes).to.deep.equal([]);
  });

  it('filters the list by role, agency and active, in name order', async () => {
    const make = (displayName: string, input: Partial<CreateStaffInput>) =>
      staff.create('djizak', { displayName, roles: ['front_office'], ...input });
    await make('Bekzod', { roles: ['cashier'] });
    await make('Anvar', { roles: ['back_office'], agencyCodes: ['gorgas'] });
    await make('Gulnora', { roles: ['back_office'], agencyCodes: ['water'] });
    await make('Farrux', { roles: ['back_office'], agencyCodes: ['gorgas'], active: false });
    await make('Shahzod', { roles: ['supervisor'] }); // no agency: serves every agency
    const names = async (query: Parameters<typeof staff.list>[1]) =>
      (await staff.list('djizak', query)).map((s) => s.displayName);
    expect(await names({})).to.deep.equal(['Anvar', 'Bekzod', 'Farrux', 'Gulnora', 'Shahzod']);
    expect(await names({ role: 'back_office' })).to.deep.equal(['Anvar', 'Farrux', 'Gulnora']);
    expect(await names({ role: 'back_office', active: true })).to.deep.equal(['Anvar', 'Gulnora']);
    expect(await names({ agencyCode: 'gorgas' })).to.deep.equal(['Anvar', 'Bekzod', 'Farrux', 'Shahzod']);
    expect(await names({ active: false })).to.deep.equal(['Farrux']);
    await expectCode(
      staff.list('djizak', { active: 'no' } as unknown as Parameters<typeof staff.list>[1]),
      'DARCHA_STAFF_INPUT_INVALID',
    );
  });

  it("keeps a city's staff out of every other city's reach", async () => {
    const officer = await staff.create('chirchik', { displayName: 'Nodira', roles: ['auditor'] });
    const notFound = await expectCode(staff.get('djizak', officer.id), 'DARCHA_STAFF_NOT_FOUND');
    expect(notFound.message).to.equal(`Tenant "djizak" has no staff member "${officer.id}".`);
    await expectCode(staff.update('djizak', officer.id, { roles: ['city_admin'] }), 'DARCHA_STAFF_NOT_FOUND');
    await expectCode(staff.deactivate('djizak', officer.id), 'DARCHA_STAFF_NOT_FOUND');
    expect((await staff.list('djizak', { role: 'auditor' })).length).to.equal(0);
    const seen = await db.withTenant('djizak', async (trx) => ({
      rows: await trx('staff_members').where({ id: officer.id }).select('id'),
      updated: await trx('staff_members').where({ id: officer.id }).update({ active: false }),
    }));
    expect(seen).to.deep.equal({ rows: [], updated: 0 });
    expect((await staff.get('chirchik', officer.id)).active).to.equal(true);
  });

  it('answers not found for ids that are not UUIDs, and DARCHA_TENANT_NOT_FOUND for an unknown tenant', async () => {
    await expectCode(staff.get('chirchik', 'not-a-uuid'), 'DARCHA_STAFF_NOT_FOUND');
    await expectCode(staff.update('chirchik', "1' or 1=1", { active: false }), 'DARCHA_STAFF_NOT_FOUND');
    await expectCode(
      staff.create('namangan', { displayName: 'Ulug‘bek', roles: ['front_office'] }),
      'DARCHA_TENANT_NOT_FOUND',
    );
  });
});
