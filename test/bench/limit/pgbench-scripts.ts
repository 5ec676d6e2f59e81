import { BENCH_AGENCY, BENCH_SERVICE } from '../darcha/bench-city.js';

/**
 * The database's own limit, as pgbench custom scripts over Darcha's real tables, writing the rows a
 * filing and a transition of `gas.debt-information` write (the inquiry and its history entry, not
 * the timers, outbox events and counter that Darcha also writes). Each runs as the app role under
 * row-level security, with the tenant fixed for the session (see `tenantSessionOptions`). Variables:
 * `run` (set per pgbench run), `round` (the client's transaction count, kept across transactions).
 */

/** A: insert an inquiry row and its `filed` history row, in one transaction (4 statements). */
export function scriptA(tenantId: string): string {
  return `\\set pinfl random(30000000000000, 49999999999999)
\\set account random(1000000, 9999999999)
\\set round :round + 1
BEGIN;
INSERT INTO inquiries (tenant_id, tracking_number, kind, service_code, service_version, workflow_key,
  workflow_version, applicant_type, applicant, applicant_key, locale, form_data, channel, agency_code,
  state, public_status, candidate_role, filed_at, filed_by, state_entered_at, due_at, version, updated_at,
  overall_sla)
VALUES ('${tenantId}', 'PGB-' || :run::text || '-' || :client_id::text || '-' || :round::text, 'information',
  '${BENCH_SERVICE}', 1, 'agency-gas/debt-information', 1, 'individual',
  jsonb_build_object('type', 'individual', 'pinfl', :pinfl::text, 'lastName', 'Karimova',
    'firstName', 'Dilnoza', 'phone', '+998901234567', 'locale', 'uz-Latn'),
  :pinfl::text, 'uz-Latn', jsonb_build_object('account', :account::text, 'phone', '+998901234567'),
  'api', '${BENCH_AGENCY}', 'submitted', 'submitted', 'front_office', now(), 'bench-api-key', now(),
  now() + interval '30 minutes', 1, now(), '{"unit": "minutes", "value": 30}')
RETURNING id \\gset
INSERT INTO inquiry_history (tenant_id, inquiry_id, seq, at, kind, to_state, workflow_version, actor_id,
  actor_role, public, details)
VALUES ('${tenantId}', :id::uuid, 1, now(), 'filed', 'submitted', 1, 'bench-api-key', 'front_office', true,
  '{"channel": "api", "serviceVersion": 1}');
END;
`;
}

/**
 * B: update an inquiry by primary key with a version check, and insert the history row numbered with
 * the new version (4 statements). Client `c` walks its own `perClient` inquiries from `base`, so the
 * version it expects is known: a mismatch returns no row and `\gset` aborts the client, which fails
 * the run (the check really is checked).
 */
export function scriptB(tenantId: string): string {
  return `\\set round :round + 1
\\set n :base + :client_id * :per_client + (:round - 1) % :per_client
\\set expected 1 + (:round - 1) / :per_client
BEGIN;
UPDATE inquiries SET state = 'answered', public_status = 'completed', candidate_role = NULL,
  state_entered_at = now(), due_at = NULL, closed_at = now(), version = version + 1, updated_at = now()
WHERE tenant_id = '${tenantId}' AND id = lpad(to_hex(:n::bigint), 32, '0')::uuid AND version = :expected::int
RETURNING version \\gset
INSERT INTO inquiry_history (tenant_id, inquiry_id, seq, at, kind, action, from_state, to_state,
  workflow_version, actor_id, actor_role, comment, public, details)
VALUES ('${tenantId}', lpad(to_hex(:n::bigint), 32, '0')::uuid, :version::int, now(), 'transition', 'answer', 'submitted',
  'answered', 1, 'bench-api-key', 'front_office', 'No debt as of today.', true, '{}');
END;
`;
}

/** The id B gives inquiry number `n`: its number in hex, as a uuid. */
export function numberedId(n: number): string {
  const hex = n.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
