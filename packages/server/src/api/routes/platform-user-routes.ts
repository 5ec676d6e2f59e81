import { PLATFORM_ROLES, type CreatePlatformUserInput } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { PLATFORM_USER } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { text } from '../schemas.js';

const TAG = 'Platform users';

export const platformUserRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, PageQuery>({
    method: 'get',
    path: '/platform-users',
    operationId: 'listPlatformUsers',
    summary: 'List platform users',
    description: 'The operators of the whole installation, by login. Passwords are never shown.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      query: objectSchema({ ...PAGE_QUERY_PROPERTIES }),
      responses: { 200: { description: 'A page of platform users.', schema: pageSchema(PLATFORM_USER) } },
    },
    async handler({ platform, query }) {
      const users = await platform.identity.listPlatformUsers();
      return { body: pageOf(users, (u) => [u.login, u.id], query) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, CreatePlatformUserInput>({
    method: 'post',
    path: '/platform-users',
    operationId: 'createPlatformUser',
    summary: 'Create a platform user',
    description:
      'A host-side operator who signs in without a city (POST /api/v1/auth/sign-in without tenant). The login is ' +
      'stored lowercase; the password needs 10 to 200 characters and is never shown again.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      body: objectSchema(
        {
          login: { type: 'string', minLength: 3, maxLength: 100 },
          displayName: text(200),
          password: { type: 'string', minLength: 1, maxLength: 200, writeOnly: true },
          roles: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            uniqueItems: true,
            items: { enum: [...PLATFORM_ROLES] },
          },
        },
        ['login', 'displayName', 'password'],
      ),
      responses: {
        201: { description: 'Created.', schema: PLATFORM_USER },
        409: { description: 'The login is taken (DARCHA_IDENTITY_LOGIN_TAKEN).' },
      },
    },
    async handler({ platform, body, principal }) {
      const user = await platform.identity.createPlatformUser(body, auditActor(principal));
      return { status: 201, headers: { Location: `/api/v1/platform-users/${user.id}` }, body: user };
    },
  }),
];
