import { expect } from 'chai';
import {
  SYSTEM_ACTOR,
  isDarchaError,
  type DarchaError,
  type Inquiry,
  type TenantTransaction,
} from '@darcha/core';
import { releaseBookingOnClose, roomRental } from '../src/index.js';
import { holdSlots } from '../src/rooms/room-bookings.js';
import { bookingSlots, localHour } from '../src/rooms/room-slots.js';
import { booking, dayAhead, startOssCities, type OssCentre, type OssCities } from './oss-city.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`oss.room-rental: bookings (${engine})`, function () {
  this.timeout(60_000);
  let cities: OssCities;
  let djizak: OssCentre;

  before(async () => {
    cities = await startOssCities();
    djizak = cities.djizak;
  });
  after(() => cities?.stop());

  /** The local start hours held in a room of Djizak on a day, read from the table. */
  async function held(date: string, room = 'training-room'): Promise<number[]> {
    const rows: { slot_start: Date | string }[] = await cities.host.withTenant(djizak.tenantId, (trx) =>
      trx('oss_room_bookings').where({ tenant_id: djizak.tenantId, room_code: room }).select('slot_start'),
    );
    return rows
      .map((row) => new Date(row.slot_start))
      .filter((slot) => new Date(slot.getTime() + 5 * 3_600_000).toISOString().startsWith(date))
      .map((slot) => (slot.getUTCHours() + 5) % 24)
      .sort((a, b) => a - b);
  }

  /** Files a booking and has the front office confirm it. */
  async function confirmed(date: string, startHour: number, hours: number, extra = {}): Promise<Inquiry> {
    const inquiry = await djizak.file(roomRental.code, booking(date, startHour, hours, extra));
    return djizak.act(inquiry, 'confirm_booking', djizak.actors.operator);
  }

  /** The refusal of `confirm_booking`, or a failure if it passes. */
  async function refusal(inquiry: Inquiry): Promise<DarchaError> {
    const error = await djizak.act(inquiry, 'confirm_booking', djizak.actors.operator).then(
      () => expect.fail('confirm_booking passed'),
      (e: unknown) => e,
    );
    expect(isDarchaError(error, 'DARCHA_WORKFLOW_GUARD_REFUSED'), String(error)).to.equal(true);
    return error as DarchaError;
  }

  it('books 3 hours: confirmed (hours held), invoiced 123,600 at the confirmation, paid at the desk, held and completed', async () => {
    const date = dayAhead(20);
    const { operator } = djizak.actors;
    const { payments } = cities.host.platform;
    let inquiry = await djizak.file(roomRental.code, booking(date, 10, 3));
    expect(inquiry).to.include({
      state: 'requested',
      publicStatus: 'submitted',
      candidateRole: 'front_office',
    });
    expect(inquiry.trackingNumber).to.match(/^DJZ-\d{4}-\d{6}$/);
    expect(await payments.invoiceFor(djizak.tenantId, inquiry.id), 'no invoice before the confirmation').to.be
      .null;
    expect(await held(date)).to.deep.equal([]);

    inquiry = await djizak.act(inquiry, 'confirm_booking', operator);
    expect(inquiry).to.include({ state: 'awaiting_payment', publicStatus: 'action_required' });
    expect(await held(date)).to.deep.equal([10, 11, 12]);
    const invoice = (await payments.invoiceFor(djizak.tenantId, inquiry.id))!;
    expect(invoice).to.include({ status: 'issued', total: 123_600 });
    expect(invoice.lines.map((l) => [l.quantity, l.unitAmount, l.amount])).to.deep.equal([
      [3, 41_200, 123_600],
    ]);

    const unpaid = await djizak.act(inquiry, 'confirm_payment', operator).catch((e: unknown) => e);
    expect(isDarchaError(unpaid, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);
    const { receiptNumber } = await djizak.pay(inquiry);
    expect(receiptNumber).to.match(/^DJZ-\d{4}-R\d{6}$/);
    inquiry = await djizak.act(inquiry, 'confirm_payment', operator);
    expect(inquiry).to.include({ state: 'booked', publicStatus: 'ready' });
    inquiry = await djizak.act(inquiry, 'complete', operator);
    expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    expect(await held(date), 'a held session stays on the record').to.deep.equal([10, 11, 12]);
  });

  it('refuses to confirm an overlapping booking (nothing held), which is rejected with the reason; adjacent hours are fine', async () => {
    const date = dayAhead(21);
    const first = await confirmed(date, 14, 2); // 14:00-16:00
    expect(first.state).to.equal('awaiting_payment');
    const overlapping = await djizak.file(roomRental.code, booking(date, 15, 2)); // 15:00-17:00
    const error = await refusal(overlapping);
    expect(error.message).to.contain('already booked on').and.to.contain('15:00');
    expect(error.message).not.to.contain('16:00');
    expect(await held(date), 'the refused request holds nothing, not even 16:00').to.deep.equal([14, 15]);
    const still = await cities.host.platform.engine.get(djizak.tenantId, overlapping.id);
    expect(still.state).to.equal('requested');

    const noReason = await djizak.act(still, 'reject', djizak.actors.operator).catch((e: unknown) => e);
    expect(isDarchaError(noReason, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);
    const rejected = await djizak.act(
      still,
      'reject',
      djizak.actors.operator,
      '15:00 is booked; 16:00 is free',
    );
    expect(rejected).to.include({ state: 'rejected', publicStatus: 'rejected' });

    const before = await confirmed(date, 12, 2); // 12:00-14:00, ends as the first begins
    const after = await confirmed(date, 16, 2); // 16:00-18:00, begins as the first ends
    expect([before.state, after.state]).to.deep.equal(['awaiting_payment', 'awaiting_payment']);
    expect(await held(date)).to.deep.equal([12, 13, 14, 15, 16, 17]);
  });

  it('lets exactly one of two concurrent confirmations of the same hour win', async () => {
    const date = dayAhead(22);
    const a = await djizak.file(roomRental.code, booking(date, 11, 2));
    const b = await djizak.file(roomRental.code, booking(date, 12, 3));
    const results = await Promise.allSettled([
      djizak.act(a, 'confirm_booking', djizak.actors.operator),
      djizak.act(b, 'confirm_booking', djizak.actors.operator),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).to.have.length(1);
    expect(lost).to.have.length(1);
    expect(isDarchaError(lost[0]!.reason, 'DARCHA_WORKFLOW_GUARD_REFUSED'), String(lost[0]!.reason)).to.equal(
      true,
    );
    const winner = (won[0] as PromiseFulfilledResult<Inquiry>).value;
    const rows: { inquiry_id: string }[] = await cities.host.withTenant(djizak.tenantId, (trx) =>
      trx('oss_room_bookings').where({ tenant_id: djizak.tenantId }).whereIn('inquiry_id', [a.id, b.id]),
    );
    expect(new Set(rows.map((r) => r.inquiry_id))).to.deep.equal(new Set([winner.id]));
    expect(await held(date)).to.deep.equal(winner.id === a.id ? [11, 12] : [12, 13, 14]);
  });

  it('makes a hold wait for a concurrent uncommitted hold of the same hour, then find it taken', async () => {
    const date = dayAhead(26);
    const a = await djizak.file(roomRental.code, booking(date, 9, 2));
    const b = await djizak.file(roomRental.code, booking(date, 10, 2));
    const hold = (inquiry: Inquiry, startHour: number) => (trx: TenantTransaction) =>
      holdSlots(trx, djizak.tenantId, {
        roomCode: 'training-room',
        slots: bookingSlots(date, startHour, 2),
        inquiryId: inquiry.id,
        version: inquiry.version + 1,
      });
    let commitFirst!: () => void;
    let firstHeld!: () => void;
    const gate = new Promise<void>((resolve) => (commitFirst = resolve));
    const holding = new Promise<void>((resolve) => (firstHeld = resolve));
    const first = cities.host.withTenant(djizak.tenantId, async (trx) => {
      const taken = await hold(a, 9)(trx);
      firstHeld();
      await gate; // keep the transaction open, its rows uncommitted
      return taken;
    });
    await holding;
    let secondDone = false;
    const second = cities.host.withTenant(djizak.tenantId, hold(b, 10)).finally(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondDone, 'the second hold waits for the first transaction').to.equal(false);
    commitFirst();
    expect(await first).to.deep.equal([]);
    expect((await second).map(localHour)).to.deep.equal([10]);
    expect(await held(date), 'the second transaction committed its free hour 11:00').to.deep.equal([
      9, 10, 11,
    ]);
  });

  it('frees the hours when a booking is cancelled or not paid in time, so another request can be confirmed', async () => {
    const date = dayAhead(23);
    const cancelled = await confirmed(date, 9, 2);
    const paid = await djizak.pay(cancelled);
    expect(paid.total).to.equal(82_400);
    const booked = await djizak.act(cancelled, 'confirm_payment', djizak.actors.operator);
    expect(booked.state).to.equal('booked');
    const withdrawn = await djizak.act(booked, 'cancel_booking', djizak.citizen, 'The seminar is postponed');
    expect(withdrawn).to.include({ state: 'withdrawn', publicStatus: 'rejected' });

    const unpaid = await confirmed(date, 13, 3);
    expect(await held(date)).to.deep.equal([13, 14, 15]);
    const expired = await djizak.act(unpaid, 'expire', SYSTEM_ACTOR);
    expect(expired).to.include({ state: 'cancelled', publicStatus: 'rejected' });
    expect(await held(date)).to.deep.equal([]);

    const next = await confirmed(date, 9, 8);
    expect(next.state).to.equal('awaiting_payment');
    expect(await held(date)).to.deep.equal([9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it('holds again after an appeal, and a late release of the older transition leaves the new hold', async () => {
    const date = dayAhead(24);
    const blocker = await confirmed(date, 10, 1);
    let inquiry = await djizak.file(roomRental.code, booking(date, 10, 2));
    await refusal(inquiry);
    inquiry = await djizak.act(inquiry, 'reject', djizak.actors.supervisor, '10:00 is booked');
    const rejectedVersion = inquiry.version;
    inquiry = await djizak.act(inquiry, 'appeal', djizak.citizen, 'The 10:00 booking will be cancelled');
    expect(inquiry.state).to.equal('requested');
    await djizak.act(blocker, 'cancel_booking', djizak.actors.operator, 'Moved to the conference hall');
    inquiry = await djizak.act(inquiry, 'confirm_booking', djizak.actors.operator);
    expect(inquiry.state).to.equal('awaiting_payment');
    expect(await held(date)).to.deep.equal([10, 11]);

    // The outbox delivers at least once: the rejection's event, delivered again now, frees nothing.
    await releaseBookingOnClose({
      type: 'inquiry.transitioned',
      tenantId: djizak.tenantId,
      id: 'redelivered',
      payload: {
        inquiryId: inquiry.id,
        serviceCode: roomRental.code,
        to: 'rejected',
        version: rejectedVersion,
      },
      withTenant: (work) => cities.host.withTenant(djizak.tenantId, work),
    });
    expect(await held(date)).to.deep.equal([10, 11]);
  });

  it('refuses more participants than the room seats, a room the city does not have, and hours already begun', async () => {
    const date = dayAhead(25);
    const crowd = await djizak.file(roomRental.code, booking(date, 10, 2, { participants: 25 }));
    expect((await refusal(crowd)).message).to.contain('seats 20, not 25 participants');
    const hall = await confirmed(date, 10, 2, { room: 'conference-hall', participants: 25 });
    expect(hall.state).to.equal('awaiting_payment');
    expect(await held(date, 'conference-hall')).to.deep.equal([10, 11]);
    expect(await held(date)).to.deep.equal([]);

    const { namangan } = cities;
    const elsewhere = await namangan.file(roomRental.code, booking(date, 10, 2, { room: 'conference-hall' }));
    const error = await namangan
      .act(elsewhere, 'confirm_booking', namangan.actors.operator)
      .catch((e: unknown) => e as DarchaError);
    expect(isDarchaError(error, 'DARCHA_WORKFLOW_GUARD_REFUSED')).to.equal(true);
    expect((error as DarchaError).message).to.contain('"conference-hall" is not a room of this centre');

    const yesterday = await djizak.file(roomRental.code, booking(dayAhead(-1), 10, 1));
    expect((await refusal(yesterday)).message).to.contain('has already begun');
  });
});
