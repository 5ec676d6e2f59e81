import type { CatalogService, Platform } from '@darcha/core';
import { jurisdictionOf, type Open311Handler } from './open311-call.js';
import { serviceNotFound } from './open311.errors.js';
import { isOpen311Service, serviceDefinitionElement, serviceElement } from './open311-service-view.js';

/** The services a city offers through Open311, by code. */
export async function open311Services(platform: Platform, tenantId: string): Promise<CatalogService[]> {
  const offered = await platform.catalog.services(tenantId);
  return offered
    .filter(isOpen311Service)
    .sort((a, b) => (a.serviceCode < b.serviceCode ? -1 : a.serviceCode > b.serviceCode ? 1 : 0));
}

/** `GET /v2/services.{format}`: the city's services. */
export const listServices: Open311Handler = async (call) => {
  const { tenant, chain } = await jurisdictionOf(call);
  const services = await open311Services(call.platform, tenant.id);
  const categories = new Map(call.platform.services.categories().map((c) => [c.id, c]));
  return { document: { root: 'services', body: services.map((s) => serviceElement(s, categories, chain)) } };
};

/** `GET /v2/services/{service_code}.{format}`: a service's attributes. */
export const serviceDefinition: Open311Handler = async (call) => {
  const { tenant, chain } = await jurisdictionOf(call);
  const service = (await open311Services(call.platform, tenant.id)).find((s) => s.serviceCode === call.id);
  if (!service) throw serviceNotFound(tenant.id, call.id);
  return { document: { root: 'service_definition', body: serviceDefinitionElement(service, chain) } };
};
