import type { Inquiry, Locale, LocalizedText, Platform, Tenant } from '@darcha/core';
import { localized } from './open311-locale.js';
import type { RequestViewContext } from './open311-request-view.js';

/**
 * The names a page of requests shows, read once per page: services from the city's catalog (a
 * service the city no longer offers by the version its inquiries were filed on), agencies from
 * the city's directory.
 */
export async function requestViewContext(
  platform: Platform,
  tenant: Tenant,
  chain: readonly Locale[],
  inquiries: readonly Inquiry[],
): Promise<RequestViewContext> {
  const offered = new Map<string, LocalizedText>();
  for (const service of await platform.catalog.services(tenant.id))
    offered.set(service.serviceCode, service.names);
  const retired = new Map<string, LocalizedText>();
  for (const inquiry of inquiries) {
    const key = `${inquiry.serviceCode}@${inquiry.serviceVersion}`;
    if (offered.has(inquiry.serviceCode) || retired.has(key)) continue;
    const definition = await platform.services
      .get(inquiry.serviceCode, inquiry.serviceVersion)
      .catch(() => undefined);
    retired.set(key, definition?.names ?? {});
  }
  const agencies = new Map<string, LocalizedText>();
  for (const agency of await platform.agencies.listAgencies(tenant.id))
    agencies.set(agency.code, agency.names);
  return {
    timeZone: tenant.timeZone,
    chain,
    serviceName: (inquiry) =>
      localized(
        offered.get(inquiry.serviceCode) ?? retired.get(`${inquiry.serviceCode}@${inquiry.serviceVersion}`),
        chain,
      ) || inquiry.serviceCode,
    agencyName: (code) => (code === null ? null : localized(agencies.get(code), chain) || code),
  };
}
