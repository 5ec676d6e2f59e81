import type { HostTransaction } from '../db/types.js';
import type { Locale, LocalizedText } from '../i18n/locales.js';
import { tenantNotFound, tenantNotServing } from './tenancy.errors.js';
import type { ActorOptions, Tenant, TenantKind, TenantSettings } from './types.js';

/** A row of the host table `tenants`. */
export interface TenantRow {
  id: string;
  kind: TenantKind;
  parent_id: string | null;
  names: LocalizedText;
  status: Tenant['status'];
  status_reason: string | null;
  default_locale: Locale;
  time_zone: string;
  settings: TenantSettings;
  created_at: Date;
  updated_at: Date;
}

/** Reads (and by default locks) a tenant row, or throws DARCHA_TENANT_NOT_FOUND. */
export async function lockTenant(trx: HostTransaction, id: string, forUpdate = true): Promise<TenantRow> {
  const query = trx<TenantRow>('tenants').where({ id }).first();
  const row = await (forUpdate ? query.forUpdate() : query);
  if (!row) throw tenantNotFound(id);
  return row;
}

/** Locks a tenant that is about to change; archived tenants are read-only history. */
export async function lockWritableTenant(trx: HostTransaction, id: string): Promise<TenantRow> {
  const row = await lockTenant(trx, id);
  if (row.status === 'archived') throw tenantNotServing(id, 'archived', row.status_reason);
  return row;
}

/** The audit actor option, when one was given. */
export function actor(options: ActorOptions): { actor?: string } {
  return options.actor === undefined ? {} : { actor: options.actor };
}
