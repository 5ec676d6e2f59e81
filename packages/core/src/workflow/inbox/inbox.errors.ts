import { DarchaError } from '../../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../../errors/field-error.js';

export function inboxQueryInvalid(tenantId: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INBOX_QUERY_INVALID',
    kind: 'invalid',
    message: `Inbox query of tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Send a bucket (role, mine, agency, due_soon, overdue, escalated, all_open, closed), dueBefore with due_soon, limit 1..200, RFC 3339 instants with an offset, and filedFrom before filedTo; closed sorts by filed only.',
    details: { tenantId, errors },
  });
}

export function inboxCursorInvalid(tenantId: string, reason: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INBOX_CURSOR_INVALID',
    kind: 'invalid',
    message: `Inbox cursor for tenant "${tenantId}" is not one this server issued: ${reason}.`,
    hint: "Pass a page's nextCursor back unchanged, with the same sort; or drop the cursor to start again from the first page.",
    details: { tenantId, reason },
  });
}

export function inboxViewerInvalid(tenantId: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INBOX_VIEWER_INVALID',
    kind: 'internal',
    message: `Inbox viewer for tenant "${tenantId}" is malformed:\n${formatFieldErrors(errors)}`,
    hint: 'A bug in the caller: build the viewer from the signed-in staff member (UUID id, role names, agency codes, the UUIDs of colleagues they act for).',
    details: { tenantId, errors },
  });
}
