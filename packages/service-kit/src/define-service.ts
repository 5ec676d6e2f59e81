import type { Locale, LocalizedText, ServiceDefinition } from '@darcha/core';

/** What a catalog shows of one service: names, a description and search words. */
export interface ServiceText {
  names: LocalizedText;
  descriptions: LocalizedText;
  keywords: Partial<Record<Locale, string[]>>;
}

/** The fields {@link defineService} fills in unless the service says otherwise. */
export type ServiceDefaults = 'version' | 'agencyKind' | 'applicantTypes' | 'kind' | 'channels' | 'documents';

/**
 * A service definition with the usual values filled in: version 1, the agency kind named by the
 * first part of its code (`cadastre.extract` → `cadastre`), individuals and legal entities, kind
 * `service`, the desk and online, no documents.
 *
 * @example
 * defineService({ code: 'cadastre.passport', category: 'property.cadastre', names, form, fee, sla, workflow });
 */
export function defineService(
  service: Omit<ServiceDefinition, ServiceDefaults> & Partial<Pick<ServiceDefinition, ServiceDefaults>>,
): ServiceDefinition {
  return {
    version: 1,
    agencyKind: service.code.split('.')[0]!,
    applicantTypes: ['individual', 'legal_entity'],
    kind: 'service',
    channels: ['desk', 'online'],
    documents: [],
    ...service,
  };
}
