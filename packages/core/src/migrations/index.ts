import type { Migration } from '../db/types.js';
import { runtimeRoles } from './0001-runtime-roles.js';
import { tenants } from './0002-tenants.js';
import { auditLog } from './0003-audit-log.js';
import { tenantPlugins } from './0004-tenant-plugins.js';
import { serviceDefinitions } from './0005-service-definitions.js';
import { agencies } from './0006-agencies.js';
import { catalogEntries } from './0007-catalog-entries.js';
import { workflowDefinitions } from './0008-workflow-definitions.js';
import { staffAndCalendars } from './0009-staff-and-calendars.js';
import { inquiries } from './0010-inquiries.js';
import { timersAndOutbox } from './0011-timers-and-outbox.js';
import { inboxIndexes } from './0012-inbox-indexes.js';
import { inquirySla } from './0013-inquiry-sla.js';
import { identity } from './0014-identity.js';
import { baseAmounts } from './0015-base-amounts.js';
import { payments } from './0016-payments.js';
import { documents } from './0017-documents.js';
import { notifications } from './0018-notifications.js';
import { ratings } from './0019-ratings.js';
import { retention } from './0020-retention.js';

/** Core's migrations, in order. Plugins bring their own, each in its own namespace. */
export const coreMigrations: readonly Migration[] = [
  runtimeRoles,
  tenants,
  auditLog,
  tenantPlugins,
  serviceDefinitions,
  agencies,
  catalogEntries,
  workflowDefinitions,
  staffAndCalendars,
  inquiries,
  timersAndOutbox,
  inboxIndexes,
  inquirySla,
  identity,
  baseAmounts,
  payments,
  documents,
  notifications,
  ratings,
  retention,
];

/** The migration namespace of core. */
export const CORE_NAMESPACE = 'core';
