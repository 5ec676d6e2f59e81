/**
 * The fixed words of a workflow definition: the roles core knows, what a citizen may be shown, the
 * kinds of state, and the units of an SLA or a window. Plugins add roles (`<plugin-id>/<role>`),
 * never public statuses or state types.
 */

/** Roles every installation has. Plugin-defined roles are written `<plugin-id>/<role>`. */
export const CORE_ROLES = ['front_office', 'back_office', 'supervisor', 'citizen', 'system'] as const;

/**
 * What the citizen sees of an inquiry's state, whatever the agency calls it internally. Terminal
 * states show `completed` or `rejected`.
 */
export const PUBLIC_STATUSES = [
  'submitted',
  'in_progress',
  'action_required',
  'ready',
  'completed',
  'rejected',
] as const;

/** `start`: where a filed inquiry begins (exactly one); `terminal`: the inquiry is closed. */
export const STATE_TYPES = ['start', 'normal', 'terminal'] as const;

/** Units of a state's or a workflow's SLA, counted on the tenant's working calendar. */
export const SLA_UNITS = ['working_days', 'working_hours'] as const;

/** What happens when an SLA is breached, besides an automatic action (`{ action }`). */
export const BREACH_REACTIONS = ['escalate', 'notify'] as const;

/** Units of a `within` window. */
export const WINDOW_UNITS = ['calendar_days', 'working_days'] as const;

/** The event a `within` window is counted from. */
export const WINDOW_EVENTS = ['rejection', 'completion'] as const;

/** The public status a state must show for a window counted from each event to open there. */
export const WINDOW_EVENT_STATUS = { rejection: 'rejected', completion: 'completed' } as const;

export function isCoreRole(role: string): boolean {
  return (CORE_ROLES as readonly string[]).includes(role);
}
