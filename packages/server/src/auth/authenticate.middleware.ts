import { updateContext, type Platform } from '@darcha/core';
import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler } from 'express';
import { authLocals } from './principal-locals.js';
import { principalOfSession } from './resolve-principal.js';
import { SESSION_COOKIE } from './session-cookie.js';

/**
 * Reads the caller's credential and records who is calling in `res.locals.principal`: a session
 * cookie (staff and platform users), or an API key in `Authorization: Bearer dk_...` or
 * `X-Api-Key`. A credential that names nothing (expired, revoked, malformed) is treated as no
 * credential; the route policy then answers 401 where one is needed. Citizens' receipt codes are
 * checked by the route policy, which knows the tracking number from the path.
 */
export function authenticate(platform: Platform): RequestHandler {
  return async (req, res, next) => {
    try {
      const locals = authLocals(res);
      const apiKey = apiKeyOf(req);
      if (apiKey !== undefined) {
        const key = await platform.identity.verifyApiKey(apiKey);
        if (key) {
          locals.principal = {
            kind: 'api_key',
            tenantId: key.tenantId,
            keyId: key.id,
            name: key.name,
            role: key.role,
            agencyCodes: key.agencyCodes,
          };
          updateContext({ userId: `api-key:${key.id}` });
        }
        return next();
      }
      const token = sessionTokenOf(req);
      if (token !== undefined) {
        const session = await platform.identity.findSession(token);
        const principal = session ? await principalOfSession(platform, session) : undefined;
        if (session && (principal?.kind === 'staff' || principal?.kind === 'platform_user')) {
          locals.principal = principal;
          locals.session = session;
          locals.sessionToken = token;
          updateContext({
            userId: principal.kind === 'staff' ? principal.staffId : `platform:${principal.userId}`,
          });
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

function apiKeyOf(req: Request): string | undefined {
  const header = req.get('x-api-key');
  if (header) return header.trim();
  const authorization = req.get('authorization');
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  return match?.[1];
}

function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parseCookies(header)[SESSION_COOKIE];
  return value || undefined;
}
