import type { JsonSchema, Platform, Principal } from '@darcha/core';
import type { Request, Response } from 'express';
import type { ServerMetrics } from '../infra/metrics.js';

/**
 * Who may call a route. The policy is checked in one place ({@link authorize}) before any handler
 * runs, against the caller's {@link Principal}:
 *
 * - `anyone`: no credential needed (citizen tracking, sign-in, API docs).
 * - `platform`: platform administrators (host side); on tenant routes they act in the tenant the
 *   path names (`/t/<tenant>/...`).
 * - `staff`: staff of the request's tenant holding at least one of these roles; `'*'` means any role.
 * - `apiKey`: API keys of the request's tenant whose role is one of `staff`.
 * - `citizen`: a citizen who proved an inquiry with its receipt code (the handler checks which).
 */
export interface RouteAccess {
  anyone?: true;
  platform?: true;
  staff?: readonly string[];
  apiKey?: true;
  citizen?: true;
}

/**
 * Whether a route runs inside one tenant (resolved from the caller, host, `/t/<tenant>` or a
 * header; required), on the host side (tenants, platform users), or either (`optional`: sign-in).
 */
export type TenantScope = 'tenant' | 'host' | 'optional';

/** What a handler is given: the validated parts of the request and who sent it. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The caller, checked against the route's access; undefined only on `anyone` routes. */
  principal: Principal | undefined;
  /** The tenant of the request (always set on `tenant` routes; `''` on host routes and when none was named). */
  tenantId: string;
  platform: Platform;
  metrics: ServerMetrics | undefined;
  req: Request;
  res: Response;
}

/** What a handler returns: a status (default 200), a JSON body, headers. */
export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Schemas of a route's parts; each is used to validate and to write the OpenAPI document. */
export interface RouteSchemas {
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  /** Schemas of the answers, by status. */
  responses: Record<number, { description: string; schema?: JsonSchema; contentType?: string }>;
  /** Extra request headers the route reads (`If-Match`, `Idempotency-Key`). */
  headers?: Record<string, { description: string; required?: boolean; schema: JsonSchema }>;
}

/** One REST route: where it is, who may call it, what it accepts and answers, and what it does. */
export interface RouteDefinition<P = Record<string, string>, Q = Record<string, unknown>, B = unknown> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path under `/api/v1`, e.g. `/inquiries/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: TenantScope;
  access: RouteAccess;
  schemas: RouteSchemas;
  /**
   * How the body arrives: JSON (default), `multipart/form-data` (the handler reads the stream) or
   * none (GET, DELETE).
   */
  bodyType?: 'json' | 'multipart' | 'none';
  /** Apply the public-write rate limit (sign-in, citizen writes). */
  rateLimit?: 'sign-in' | 'public-write';
  handler(input: RouteInput<P, Q, B>): Promise<RouteResult> | RouteResult;
}

/** A route whose input types are erased, as kept in a route table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table holds routes of every input type
export type AnyRoute = RouteDefinition<any, any, any>;

/** Declares a route with typed input; the types are what the schemas validate. */
export function defineRoute<P = Record<string, string>, Q = Record<string, unknown>, B = unknown>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> {
  return route;
}
