import { rolesOn } from '../workflow/engine/actor-roles.js';
import { inquiryNotFound } from '../workflow/engine/workflow.errors.js';
import type { Actor, Inquiry } from '../workflow/inquiry/types.js';
import { notificationErrors } from './notifications.errors.js';

/** Staff roles that see every message of the tenant and change applicants' preferences at the desk. */
export const DESK_ROLES = ['front_office', 'supervisor', 'city_admin'] as const;
/** Staff roles that see the messages of one inquiry they may work on. */
const INQUIRY_VIEW_ROLES = [...DESK_ROLES, 'back_office'];

/**
 * Checks that `actor` may see (`see`) or change (`change`) the notifications of `inquiry`: the
 * citizen who owns it, or staff in {@link DESK_ROLES} (and, to see, `back_office` of its agency).
 * A citizen who does not own it is told it does not exist (`DARCHA_INQUIRY_NOT_FOUND`), so that
 * ids cannot be probed; anyone else gets `DARCHA_NOTIFICATION_FORBIDDEN`. Returns whether the
 * actor acts as the citizen (confidential bodies are then withheld).
 */
export function checkNotificationAccess(
  tenantId: string,
  inquiry: Inquiry,
  actor: Actor,
  what: 'see' | 'change',
): { asCitizen: boolean } {
  const roles = rolesOn(inquiry, actor);
  if (actor.kind === 'citizen') {
    if (roles.has('citizen')) return { asCitizen: true };
    throw inquiryNotFound(tenantId, inquiry.id);
  }
  const allowed = what === 'change' ? DESK_ROLES : INQUIRY_VIEW_ROLES;
  if (allowed.some((role) => roles.has(role))) return { asCitizen: false };
  throw notificationErrors.forbidden(tenantId, inquiry.id, actor.id, what);
}
