import { DarchaError } from '@darcha/core';

/** Where the availability route tells the front office and citizens to look for free hours. */
const AVAILABILITY = 'GET /api/v1/plugins/oss-centre/rooms/<room>/availability?date=YYYY-MM-DD';

/**
 * The errors of the oss-centre pack. It defines no codes of its own: each reuses the documented core
 * code whose meaning it has (docs/reference/errors.md), with a message naming the tenant and what to do.
 */
export const ossCentreErrors = {
  /**
   * The booking cannot be confirmed (`DARCHA_WORKFLOW_GUARD_REFUSED`, 409): hours taken by another
   * booking, an unknown room, too many participants, a slot already begun.
   */
  bookingRefused(tenantId: string, inquiryId: string, reason: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_WORKFLOW_GUARD_REFUSED',
      kind: 'conflict',
      message: `Action "confirm_booking" on inquiry ${inquiryId} (tenant "${tenantId}") is refused by guard "oss-centre/booking-held": ${reason}.`,
      hint: `Reject the request with the reason, or agree other hours with the applicant (${AVAILABILITY} shows the free ones) and have them file again.`,
      details: { tenantId, inquiryId, action: 'confirm_booking', guard: 'oss-centre/booking-held', reason },
    });
  },

  /** A room route's path or query is wrong (`DARCHA_HTTP_VALIDATION`, 400); every field is listed. */
  requestInvalid(tenantId: string, fields: { field: string; message: string }[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_HTTP_VALIDATION',
      kind: 'invalid',
      message: `The request to oss-centre in tenant "${tenantId}" has ${fields.length} invalid field${
        fields.length === 1 ? '' : 's'
      }: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}.`,
      hint: `Correct the fields listed in details.fields: ${AVAILABILITY}; GET /api/v1/plugins/oss-centre/rooms lists the rooms.`,
      details: { fields },
    });
  },

  /** The tenant's rooms name one code twice (`DARCHA_PLUGIN_SETTINGS_INVALID`); nothing was changed. */
  roomsDuplicated(tenantId: string, codes: string[]): DarchaError {
    const fields = codes.map((code) => ({ field: '/rooms', message: `names room "${code}" twice` }));
    return new DarchaError({
      code: 'DARCHA_PLUGIN_SETTINGS_INVALID',
      kind: 'invalid',
      message: `Settings of plugin "oss-centre" for tenant "${tenantId}" are invalid: ${fields
        .map((f) => `${f.field} ${f.message}`)
        .join('; ')}.`,
      hint: 'Give each room of the centre its own code.',
      details: { pluginId: 'oss-centre', tenantId, errors: fields },
    });
  },
};
