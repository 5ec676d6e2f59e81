import type { CatalogService, Locale, ServiceCategory, ServiceDefinition } from '@darcha/core';
import { applicantFields } from './open311-applicant.js';
import { asSchema, formFields, type Open311Field } from './open311-attributes.js';
import type { Open311Element } from './open311-document.js';
import { localized } from './open311-locale.js';

/**
 * Whether a service can be requested through Open311: the city offers it on the `api` channel,
 * and it is not a composite (a life-event application needs a form per part, which Open311 cannot
 * carry).
 */
export function isOpen311Service(service: CatalogService): boolean {
  return service.definition.channels.includes('api') && service.definition.flags?.composite !== true;
}

/** Every attribute of a service: the applicant's first, then the form's. */
export function serviceAttributes(definition: ServiceDefinition, chain: readonly Locale[]): Open311Field[] {
  const formCodes = new Set(Object.keys(asSchema(definition.form['properties']) ?? {}));
  return [...applicantFields(definition, formCodes), ...formFields(definition, chain)];
}

/**
 * A `service` element of the list. Names and descriptions come from the city's catalog in the
 * requested language; `group` is the name of the service's category; `type` is `batch`, because
 * staff work every inquiry; `metadata` says whether the definition has attributes to fill.
 */
export function serviceElement(
  service: CatalogService,
  categories: ReadonlyMap<string, ServiceCategory>,
  chain: readonly Locale[],
): Open311Element {
  const { definition } = service;
  const keywords = chain.map((locale) => definition.keywords?.[locale]).find((k) => k && k.length > 0) ?? [];
  return {
    service_code: service.serviceCode,
    service_name: localized(service.names, chain) || service.serviceCode,
    description: localized(definition.descriptions, chain),
    metadata: serviceAttributes(definition, chain).length > 0,
    type: 'batch',
    keywords: keywords.join(', '),
    group: localized(categories.get(definition.category)?.names, chain) || definition.category,
  };
}

/** The `service_definition` of a service: its code and attributes as the spec lists them. */
export function serviceDefinitionElement(service: CatalogService, chain: readonly Locale[]): Open311Element {
  const attributes = serviceAttributes(service.definition, chain).map((field, index): Open311Element => ({
    variable: true,
    code: field.code,
    datatype: field.datatype,
    required: field.required,
    datatype_description: field.datatypeDescription || null,
    order: index + 1,
    description: field.description,
    ...(field.choices.length > 0
      ? { values: field.choices.map((choice): Open311Element => ({ key: choice.key, name: choice.name })) }
      : {}),
  }));
  return { service_code: service.serviceCode, attributes };
}
