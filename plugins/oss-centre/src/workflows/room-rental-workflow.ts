import type { WorkflowDefinition } from '@darcha/core';
import { WORKFLOW_NAMES as N } from '@darcha/service-kit';
import { OSS_WORKFLOW_NAMES as O } from './oss-workflow-names.js';

/** Working days the front office has to confirm or refuse a booking (services.md). */
export const CONFIRMATION_WORKING_DAYS = 1;

/**
 * Working days a confirmed booking stays held unpaid before it is cancelled and its hours freed.
 * *Assumed*: short, so that an unpaid booking does not keep others out of the room.
 */
export const PAYABLE_WORKING_DAYS = 2;

/** The states in which an inquiry holds its hours; leaving them for any other frees the hours. */
export const ROOM_HOLDING_STATES: readonly string[] = ['awaiting_payment', 'booked', 'completed'];

/**
 * The training-room booking: the front office confirms the request within one working day, which
 * holds the hours (guard `oss-centre/booking-held`: a request for hours another booking holds cannot
 * be confirmed, only rejected with the reason, and the applicant may appeal within 15 days). The fee
 * is invoiced at the confirmation and paid after it, so that nobody pays for hours the centre then
 * refuses (no refund to make) while an unpaid booking is cancelled after 2 working days. Once paid the
 * room is booked until the session is held; the applicant or the front office may cancel the booking
 * with a reason (a paid fee is then refunded through the payments module). Rejection, cancellation and
 * non-payment free the hours (`inquiry.transitioned` handler).
 */
export const roomRentalWorkflow: WorkflowDefinition = {
  key: 'oss-centre/room-rental',
  version: 1,
  names: O.roomRental,
  states: {
    requested: {
      type: 'start',
      publicStatus: 'submitted',
      names: O.requested,
      candidateRole: 'front_office',
      sla: { unit: 'working_days', value: CONFIRMATION_WORKING_DAYS, onBreach: 'escalate' },
    },
    awaiting_payment: {
      type: 'normal',
      publicStatus: 'action_required',
      names: N.awaitingPayment,
      clock: 'paused',
      candidateRole: 'front_office',
      sla: { unit: 'working_days', value: PAYABLE_WORKING_DAYS, onBreach: { action: 'expire' } },
    },
    booked: {
      type: 'normal',
      publicStatus: 'ready',
      names: O.booked,
      // Waiting for the day of the session is not the centre's time.
      clock: 'paused',
      candidateRole: 'front_office',
    },
    completed: { type: 'terminal', publicStatus: 'completed', names: N.completed },
    rejected: { type: 'terminal', publicStatus: 'rejected', names: N.rejected },
    cancelled: { type: 'terminal', publicStatus: 'rejected', names: N.cancelled },
    withdrawn: { type: 'terminal', publicStatus: 'rejected', names: O.withdrawn },
  },
  transitions: [
    {
      action: 'confirm_booking',
      from: ['requested'],
      to: 'awaiting_payment',
      roles: ['front_office'],
      guards: ['oss-centre/booking-held'],
      effects: ['core/create-invoice'],
      public: true,
      names: O.confirmBooking,
    },
    {
      action: 'reject',
      from: ['requested'],
      to: 'rejected',
      roles: ['front_office', 'supervisor'],
      requires: { comment: true },
      public: true,
      names: N.reject,
    },
    {
      action: 'appeal',
      from: ['rejected'],
      to: 'requested',
      roles: ['citizen', 'front_office'],
      within: { days: 15, unit: 'calendar_days', of: 'rejection' },
      requires: { comment: true },
      public: true,
      names: N.appeal,
    },
    {
      action: 'confirm_payment',
      from: ['awaiting_payment'],
      to: 'booked',
      roles: ['system', 'front_office'],
      requires: { payment: true },
      public: true,
      names: N.confirmPayment,
    },
    {
      action: 'expire',
      from: ['awaiting_payment'],
      to: 'cancelled',
      roles: ['system'],
      public: true,
      names: N.expire,
    },
    {
      action: 'cancel_booking',
      from: ['awaiting_payment', 'booked'],
      to: 'withdrawn',
      roles: ['citizen', 'front_office'],
      requires: { comment: true },
      public: true,
      names: O.cancelBooking,
    },
    {
      action: 'complete',
      from: ['booked'],
      to: 'completed',
      roles: ['front_office'],
      public: true,
      names: O.sessionHeld,
    },
  ],
};
