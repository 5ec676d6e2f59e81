import type { JsonSchema } from '@darcha/core';
import type { AnyRoute, RouteAccess } from './route-definition.js';

/** The problem document every error answer carries (RFC 9457, with Darcha's stable `code`). */
export const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable error code, listed in docs/reference/errors.md.' },
    detail: { type: 'string' },
    hint: { type: 'string' },
    details: { type: 'object' },
    requestId: { type: 'string' },
  },
};

const STANDARD_ERRORS: Record<number, string> = {
  400: 'The request is invalid; `details.fields` lists every invalid field.',
  401: 'No usable credential was sent.',
  403: 'The credential does not allow this.',
  404: 'Not found (also for another city’s resources).',
  415: 'The body has the wrong content type.',
};

/**
 * Writes the OpenAPI 3.1 document of a route table: the same JSON Schemas that validate requests
 * describe them here, so the document cannot drift from what the server accepts.
 */
export function openApiDocument(routes: readonly AnyRoute[], info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
    (paths[path] ??= {})[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Darcha API',
      version: info.version,
      description:
        'The REST API of a Darcha One-Stop-Shop installation. Every city is a tenant: call its own host ' +
        'name, or prefix a path with /t/<city>. Errors are application/problem+json with a stable code.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: PROBLEM_SCHEMA },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'darcha_session',
          description: 'Set by POST /api/v1/auth/sign-in. Unsafe requests also send X-CSRF-Token.',
        },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key `dk_<city>_...`.' },
        accessCode: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Access-Code',
          description: 'The code printed on a citizen’s receipt, with the tracking number in the path.',
        },
      },
    },
  };
}

function operation(route: AnyRoute): Record<string, unknown> {
  const parameters: unknown[] = [];
  for (const [name, schema] of propertiesOf(route.schemas.params)) {
    parameters.push({ name, in: 'path', required: true, schema });
  }
  const requiredQuery = new Set(requiredOf(route.schemas.query));
  for (const [name, schema] of propertiesOf(route.schemas.query)) {
    parameters.push({ name, in: 'query', required: requiredQuery.has(name), schema });
  }
  for (const [name, header] of Object.entries(route.schemas.headers ?? {})) {
    parameters.push({
      name,
      in: 'header',
      required: header.required ?? false,
      description: header.description,
      schema: header.schema,
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(route.schemas.responses)) {
    responses[status] = answer.schema
      ? {
          description: answer.description,
          content: { [answer.contentType ?? 'application/json']: { schema: answer.schema } },
        }
      : { description: answer.description };
  }
  for (const [status, description] of Object.entries(STANDARD_ERRORS)) {
    if (status === '401' && route.access.anyone) continue;
    if (status === '415' && (route.method === 'get' || route.method === 'delete')) continue;
    responses[status] ??= {
      description,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  const op: Record<string, unknown> = {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, `Who may call: ${describeAccess(route.access)}.`]
      .filter(Boolean)
      .join('\n\n'),
    tags: [route.tag],
    parameters,
    responses,
    security: security(route.access),
  };
  if (route.schemas.body) {
    const contentType = route.bodyType === 'multipart' ? 'multipart/form-data' : 'application/json';
    op['requestBody'] = { required: true, content: { [contentType]: { schema: route.schemas.body } } };
  }
  return op;
}

function propertiesOf(schema: JsonSchema | undefined): [string, unknown][] {
  const properties = schema?.['properties'];
  return properties && typeof properties === 'object' ? Object.entries(properties) : [];
}

function requiredOf(schema: JsonSchema | undefined): string[] {
  const required = schema?.['required'];
  return Array.isArray(required) ? (required as string[]) : [];
}

function security(access: RouteAccess): Record<string, string[]>[] {
  if (access.anyone) return [];
  const schemes: Record<string, string[]>[] = [];
  if (access.platform || access.staff) schemes.push({ session: [] });
  if (access.apiKey) schemes.push({ apiKey: [] });
  if (access.citizen) schemes.push({ accessCode: [] });
  return schemes;
}

/** Who may call, in words, for the route's description. */
export function describeAccess(access: RouteAccess): string {
  if (access.anyone) return 'anyone';
  const who: string[] = [];
  if (access.platform) who.push('platform administrators');
  if (access.staff)
    who.push(access.staff.includes('*') ? 'any staff' : `staff with role ${access.staff.join(', ')}`);
  if (access.apiKey && access.staff) who.push('API keys with one of those roles');
  if (access.citizen) who.push('the citizen holding the receipt (tracking number and access code)');
  return who.join('; ');
}
