import type { Migration } from '../db/types.js';
import { runtimeRoles } from './0001-runtime-roles.js';
import { tenants } from './0002-tenants.js';
import { auditLog } from './0003-audit-log.js';
import { tenantPlugins } from './0004-tenant-plugins.js';

/** Core's migrations, in order. Plugins bring their own, each in its own namespace. */
export const coreMigrations: readonly Migration[] = [runtimeRoles, tenants, auditLog, tenantPlugins];

/** The migration namespace of core. */
export const CORE_NAMESPACE = 'core';
