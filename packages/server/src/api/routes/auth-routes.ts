import { DarchaError, isDarchaError, type Platform, type Principal, type SessionRecord } from '@darcha/core';
import type { Request, Response } from 'express';
import { authLocals } from '../../auth/principal-locals.js';
import { principalOfSession } from '../../auth/resolve-principal.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../../auth/session-cookie.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { dateTime, text } from '../schemas.js';

const SESSION_ANSWER = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['platform_user', 'staff'] },
    tenantId: { type: ['string', 'null'] },
    user: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        displayName: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
      },
    },
    csrfToken: { type: 'string', description: 'Send it as X-CSRF-Token on every unsafe request.' },
    expiresAt: dateTime,
  },
};

function sessionAnswer(principal: Principal, session: SessionRecord) {
  if (principal.kind !== 'staff' && principal.kind !== 'platform_user')
    throw new Error('not a session principal');
  return {
    kind: principal.kind,
    tenantId: principal.kind === 'staff' ? principal.tenantId : null,
    user: {
      id: principal.kind === 'staff' ? principal.staffId : principal.userId,
      displayName: principal.displayName,
      roles: principal.roles,
      ...(principal.kind === 'staff'
        ? { agencyCodes: principal.agencyCodes, deskCodes: principal.deskCodes }
        : {}),
    },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

function signInFailed(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_SIGN_IN_FAILED',
    kind: 'unauthenticated',
    message: 'The login or password is wrong, or the account is locked or inactive.',
    hint: 'Check the login, the password and the city; after repeated failures wait 15 minutes or ask an administrator.',
  });
}

/**
 * Checks the password and returns the session's subject. Every failure is the same generic 401;
 * the reason (unknown login, wrong password, locked ...) goes to the server log only.
 */
async function subjectOf(platform: Platform, tenantId: string, login: string, password: string) {
  if (tenantId === '') {
    const attempt = await platform.identity.attemptPlatformSignIn(login, password);
    if (attempt.ok) return { kind: 'platform_user' as const, userId: attempt.subject.id };
    platform.logger.info(
      { reason: attempt.reason, account: attempt.accountId ?? null },
      'platform sign-in refused',
    );
    throw signInFailed();
  }
  try {
    await platform.tenants.requireActive(tenantId);
  } catch (error) {
    if (!isDarchaError(error) || error.kind === 'internal' || error.kind === 'unavailable') throw error;
    platform.logger.info({ tenant: tenantId, code: error.code }, 'staff sign-in refused');
    throw signInFailed();
  }
  const attempt = await platform.identity.attemptStaffSignIn(tenantId, login, password);
  if (attempt.ok) return { kind: 'staff' as const, tenantId, userId: attempt.subject };
  platform.logger.info(
    { tenant: tenantId, reason: attempt.reason, account: attempt.accountId ?? null },
    'staff sign-in refused',
  );
  throw signInFailed();
}

function clearCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(req.secure, new Date(0)), expires: undefined });
}

export const authRoutes: AnyRoute[] = [
  defineRoute<
    Record<string, string>,
    Record<string, unknown>,
    { login: string; password: string; tenant?: string }
  >({
    method: 'post',
    path: '/auth/sign-in',
    operationId: 'signIn',
    summary: 'Sign in with a login and password',
    description:
      'Staff sign in to their city (named by the host, a /t/<city> prefix or the tenant field); platform administrators ' +
      'sign in without a city. A new session cookie replaces any earlier one (the session id is rotated), and the answer ' +
      'carries the CSRF token to send on unsafe requests. Repeated failures lock the account for 15 minutes.',
    tag: 'Sign-in',
    scope: 'optional',
    access: { anyone: true },
    rateLimit: 'sign-in',
    schemas: {
      body: objectSchema(
        {
          login: text(100),
          password: text(200),
          tenant: { type: 'string', pattern: '^[a-z][a-z0-9.-]{0,62}$' },
        },
        ['login', 'password'],
      ),
      responses: {
        200: { description: 'Signed in; Set-Cookie carries the session.', schema: SESSION_ANSWER },
      },
    },
    async handler({ platform, tenantId, body, req, res }) {
      const tenant = body.tenant ?? tenantId;
      const subject = await subjectOf(platform, tenant, body.login, body.password);
      const previous = authLocals(res).sessionToken;
      if (previous) await platform.identity.revokeSession(previous);
      const { token, session } = await platform.identity.createSession(subject);
      const principal = await principalOfSession(platform, session);
      if (!principal) throw signInFailed();
      res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req.secure, session.expiresAt));
      return { body: sessionAnswer(principal, session) };
    },
  }),

  defineRoute({
    method: 'get',
    path: '/auth/session',
    operationId: 'currentSession',
    summary: 'Show who is signed in',
    tag: 'Sign-in',
    scope: 'optional',
    access: { platform: true, staff: ['*'] },
    schemas: {
      responses: { 200: { description: 'The session and its CSRF token.', schema: SESSION_ANSWER } },
    },
    handler({ principal, res }) {
      const session = authLocals(res).session;
      if (!principal || !session) throw signInFailed();
      return { body: sessionAnswer(principal, session) };
    },
  }),

  defineRoute({
    method: 'delete',
    path: '/auth/session',
    operationId: 'signOut',
    summary: 'Sign out',
    tag: 'Sign-in',
    scope: 'optional',
    access: { platform: true, staff: ['*'] },
    bodyType: 'none',
    schemas: { responses: { 204: { description: 'Signed out; the cookie is cleared.' } } },
    async handler({ platform, req, res }) {
      const token = authLocals(res).sessionToken;
      if (token) await platform.identity.revokeSession(token);
      clearCookie(req, res);
      return { status: 204 };
    },
  }),
];
