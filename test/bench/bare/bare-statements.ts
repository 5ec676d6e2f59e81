// pgbench B's statements as a node-pg handler sends them ($1 tenant, $2 inquiry id, $3 expected version).

const SET_ANSWERED = `state = 'answered', public_status = 'completed', candidate_role = null,
  state_entered_at = now(), due_at = null, closed_at = now(), version = version + 1, updated_at = now()`;

const HISTORY_COLUMNS = `tenant_id, inquiry_id, seq, at, kind, action, from_state, to_state, workflow_version,
  actor_id, actor_role, comment, public, details`;

const HISTORY_VALUES = `now(), 'transition', 'answer', 'submitted', 'answered', 1, 'bench-api-key',
  'front_office', $3, true, '{}'`;

/** The naive handler's update: the version check, returning the new version. */
export const UPDATE_INQUIRY = `update inquiries set ${SET_ANSWERED}
  where tenant_id = $1 and id = $2 and version = $3 returning id, version`;

/** The naive handler's history row ($1 tenant, $2 inquiry id, $3 comment, $4 new version). */
export const INSERT_HISTORY = `insert into inquiry_history (${HISTORY_COLUMNS})
  values ($1, $2, $4, ${HISTORY_VALUES})`;

/** The tuned handler's one statement: the update and the history row hanging off its RETURNING. */
export const UPDATE_WITH_HISTORY = `with u as (
    update inquiries set ${SET_ANSWERED}
    where tenant_id = $1 and id = $2 and version = $4 returning tenant_id, id, version
  )
  insert into inquiry_history (${HISTORY_COLUMNS})
  select u.tenant_id, u.id, u.version, ${HISTORY_VALUES} from u
  returning inquiry_id as id, seq as version`;
