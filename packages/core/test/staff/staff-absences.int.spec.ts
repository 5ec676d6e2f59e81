import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import type { Database } from '../../src/db/database.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { PostgresStaffDirectory } from '../../src/staff/staff-directory.js';
import { isAbsent, principalsFor } from '../../src/staff/staff-routing.js';
import type { AbsenceInput, StaffMember } from '../../src/staff/staff-types.js';
import { engine, expectCode, fieldsOf, openStaffDatabase, tashkent } from './staff-fixtures.js';

describe(`staff absences and delegation (${engine})`, () => {
  let db: Database;
  let now: Date;
  let staff: PostgresStaffDirectory;
  let dilnoza: StaffMember;
  let aziz: StaffMember;
  let kamola: StaffMember;

  before(async () => {
    db = await openStaffDatabase();
    staff = new PostgresStaffDirectory({ db, clock: () => now });
  });
  after(() => db.close());

  beforeEach(async () => {
    now = tashkent('2026-07-01T12:00');
    const officer = (displayName: string) =>
      staff.create('chirchik', { displayName, roles: ['back_office'], agencyCodes: ['gorgas'] });
    dilnoza = await officer('Dilnoza');
    aziz = await officer('Aziz');
    kamola = await officer('Kamola');
  });

  const acting = (delegate: StaffMember, at: Date) =>
    db.withTenant('chirchik', (trx) => principalsFor(trx, 'chirchik', delegate.id, at));
  const away = (officer: StaffMember, at: Date) =>
    db.withTenant('chirchik', (trx) => isAbsent(trx, 'chirchik', officer.id, at));

  it('lets a delegate act for an absent officer exactly during the absence', async () => {
    const leave = await staff.addAbsence(
      'chirchik',
      {
        staffId: dilnoza.id,
        delegateId: aziz.id,
        startsAt: '2026-07-06T09:00:00+05:00',
        endsAt: tashkent('2026-07-20T09:00'),
        reason: ' annual leave ',
      },
      { actor: 'admin-1' },
    );
    expect(leave).to.deep.include({
      staffId: dilnoza.id,
      delegateId: aziz.id,
      startsAt: tashkent('2026-07-06T09:00'),
      endsAt: tashkent('2026-07-20T09:00'),
      reason: 'annual leave',
    });
    expect(await staff.absences('chirchik', dilnoza.id)).to.deep.equal([leave]);

    expect(await acting(aziz, tashkent('2026-07-06T08:59'))).to.deep.equal([]);
    expect(await acting(aziz, tashkent('2026-07-06T09:00'))).to.deep.equal([dilnoza.id]); // start included
    expect(await acting(aziz, tashkent('2026-07-13T15:00'))).to.deep.equal([dilnoza.id]);
    expect(await acting(aziz, tashkent('2026-07-20T09:00'))).to.deep.equal([]); // end excluded
    expect(await acting(kamola, tashkent('2026-07-13T15:00'))).to.deep.equal([]);
    expect(await away(dilnoza, tashkent('2026-07-13T15:00'))).to.equal(true);
    expect(await away(dilnoza, tashkent('2026-07-20T09:00'))).to.equal(false);
    expect(await away(aziz, tashkent('2026-07-13T15:00'))).to.equal(false);

    // Kamola is away too at the same time, also covered by Aziz: he acts for both.
    await staff.addAbsence('chirchik', {
      staffId: kamola.id,
      delegateId: aziz.id,
      startsAt: tashkent('2026-07-10T09:00'),
      endsAt: tashkent('2026-07-15T09:00'),
    });
    expect(await acting(aziz, tashkent('2026-07-13T15:00'))).to.have.members([dilnoza.id, kamola.id]);

    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'staff', subjectId: dilnoza.id }),
    );
    expect(audit[0]).to.deep.include({ action: 'staff.absence.add', actor: 'admin-1' });
    expect(audit[0]!.details).to.deep.equal({
      absenceId: leave.id,
      delegateId: aziz.id,
      startsAt: '2026-07-06T04:00:00.000Z',
      endsAt: '2026-07-20T04:00:00.000Z',
    }); // the reason may be personal: not in the audit log
  });

  it('refuses an absence overlapping another of the same officer, and allows back-to-back ones', async () => {
    const first = await staff.addAbsence('chirchik', {
      staffId: dilnoza.id,
      startsAt: tashkent('2026-08-03T09:00'),
      endsAt: tashkent('2026-08-07T18:00'),
    });
    const overlap = await expectCode(
      staff.addAbsence('chirchik', {
        staffId: dilnoza.id,
        delegateId: aziz.id,
        startsAt: tashkent('2026-08-07T09:00'),
        endsAt: tashkent('2026-08-10T09:00'),
      }),
      'DARCHA_STAFF_ABSENCE_OVERLAP',
    );
    expect(overlap.kind).to.equal('conflict');
    expect(overlap.details).to.deep.equal({ tenantId: 'chirchik', staffId: dilnoza.id, absenceId: first.id });
    const next = await staff.addAbsence('chirchik', {
      staffId: dilnoza.id,
      startsAt: tashkent('2026-08-07T18:00'),
      endsAt: tashkent('2026-08-10T09:00'),
    });
    // Another officer may be away at the same time.
    await staff.addAbsence('chirchik', {
      staffId: aziz.id,
      startsAt: tashkent('2026-08-03T09:00'),
      endsAt: tashkent('2026-08-07T18:00'),
    });
    expect((await staff.absences('chirchik', dilnoza.id)).map((a) => a.id)).to.deep.equal([
      first.id,
      next.id,
    ]);
  });

  it('records only one of two overlapping absences sent at the same time', async () => {
    const period = {
      staffId: kamola.id,
      startsAt: tashkent('2026-09-01T09:00'),
      endsAt: tashkent('2026-09-05T09:00'),
    };
    const results = await Promise.allSettled([
      staff.addAbsence('chirchik', period),
      staff.addAbsence('chirchik', { ...period, startsAt: tashkent('2026-09-02T09:00') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(isDarchaError(refused?.reason, 'DARCHA_STAFF_ABSENCE_OVERLAP')).to.equal(true);
    expect(await staff.absences('chirchik', kamola.id)).to.have.length(1);
  });

  it('wants the delegate to be another active officer of the same city', async () => {
    const period = { startsAt: tashkent('2026-10-01T09:00'), endsAt: tashkent('2026-10-02T09:00') };
    const self = await expectCode(
      staff.addAbsence('chirchik', { staffId: dilnoza.id, delegateId: dilnoza.id, ...period }),
      'DARCHA_STAFF_DELEGATE_INVALID',
    );
    expect(self.message).to.include('cannot act for themselves');
    await staff.deactivate('chirchik', kamola.id);
    const inactive = await expectCode(
      staff.addAbsence('chirchik', { staffId: dilnoza.id, delegateId: kamola.id, ...period }),
      'DARCHA_STAFF_DELEGATE_INVALID',
    );
    expect(inactive.message).to.include('inactive');
    const stranger = await staff.create('djizak', { displayName: 'Bobur', roles: ['back_office'] });
    await expectCode(
      staff.addAbsence('chirchik', { staffId: dilnoza.id, delegateId: stranger.id, ...period }),
      'DARCHA_STAFF_DELEGATE_INVALID',
    );
    // Nor can a city record an absence of another city's officer.
    await expectCode(
      staff.addAbsence('chirchik', { staffId: stranger.id, delegateId: aziz.id, ...period }),
      'DARCHA_STAFF_NOT_FOUND',
    );
    await expectCode(staff.absences('chirchik', stranger.id), 'DARCHA_STAFF_NOT_FOUND');
    expect(await staff.absences('chirchik', dilnoza.id)).to.deep.equal([]);
  });

  it('lists every problem of bad absence input', async () => {
    const error = await expectCode(
      staff.addAbsence('chirchik', {
        staffId: 'dilnoza',
        delegateId: 7,
        startsAt: '2026-07-06 09:00',
        endsAt: new Date('not a date'),
        reason: 'x'.repeat(501),
        note: 'hi',
      } as unknown as AbsenceInput),
      'DARCHA_STAFF_INPUT_INVALID',
    );
    expect(fieldsOf(error)).to.have.members([
      '/staffId',
      '/delegateId',
      '/startsAt',
      '/endsAt',
      '/reason',
      '/note',
    ]);
    const backwards = await expectCode(
      staff.addAbsence('chirchik', {
        staffId: dilnoza.id,
        startsAt: tashkent('2026-07-06T09:00'),
        endsAt: tashkent('2026-07-06T09:00'),
      }),
      'DARCHA_STAFF_INPUT_INVALID',
    );
    expect(fieldsOf(backwards)).to.deep.equal(['/endsAt']);
    await expectCode(
      staff.addAbsence('chirchik', { staffId: dilnoza.id } as unknown as AbsenceInput),
      'DARCHA_STAFF_INPUT_INVALID',
    );
  });

  it('ends a running absence early, cancels one not yet begun, and leaves one already over', async () => {
    const running = await staff.addAbsence('chirchik', {
      staffId: dilnoza.id,
      delegateId: aziz.id,
      startsAt: tashkent('2026-06-29T09:00'),
      endsAt: tashkent('2026-07-10T09:00'),
    });
    const planned = await staff.addAbsence('chirchik', {
      staffId: dilnoza.id,
      startsAt: tashkent('2026-08-03T09:00'),
      endsAt: tashkent('2026-08-04T09:00'),
    });
    const ended = await staff.endAbsence('chirchik', running.id, { actor: 'admin-1' }); // now: 1 July 12:00
    expect(ended).to.deep.equal({ ...running, endsAt: now });
    expect(await acting(aziz, tashkent('2026-07-02T10:00'))).to.deep.equal([]);
    expect(await staff.endAbsence('chirchik', running.id)).to.deep.equal(ended); // already over
    expect(await staff.endAbsence('chirchik', planned.id)).to.equal(null);
    expect(await staff.absences('chirchik', dilnoza.id)).to.deep.equal([ended]);
    const early = await staff.addAbsence('chirchik', {
      staffId: dilnoza.id,
      startsAt: tashkent('2026-07-06T09:00'),
      endsAt: tashkent('2026-07-08T09:00'),
    });
    const atChosen = await staff.endAbsence('chirchik', early.id, { at: tashkent('2026-07-07T09:00') });
    expect(atChosen?.endsAt).to.deep.equal(tashkent('2026-07-07T09:00'));

    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'staff', subjectId: dilnoza.id }),
    );
    expect(audit.slice(0, 4).map((a) => a.action)).to.deep.equal([
      'staff.absence.end',
      'staff.absence.add',
      'staff.absence.cancel',
      'staff.absence.end',
    ]);
    await expectCode(staff.endAbsence('chirchik', planned.id), 'DARCHA_STAFF_ABSENCE_NOT_FOUND');
    await expectCode(staff.endAbsence('djizak', early.id), 'DARCHA_STAFF_ABSENCE_NOT_FOUND');
    await expectCode(staff.endAbsence('chirchik', 'soon'), 'DARCHA_STAFF_ABSENCE_NOT_FOUND');
  });

  it('answers no principals and no absence for actors that are not staff', async () => {
    expect(
      await db.withTenant('chirchik', async (trx) => [
        await principalsFor(trx, 'chirchik', 'system', now),
        await isAbsent(trx, 'chirchik', 'citizen:12345678901234', now),
      ]),
    ).to.deep.equal([[], false]);
  });
});
