import type { ServiceDefinition } from '@darcha/core';

/** The fields {@link utilityService} fills in unless the service says otherwise. */
type Defaulted = 'version' | 'category' | 'agencyKind' | 'applicantTypes' | 'kind' | 'channels' | 'documents';

/**
 * A utility's service definition with the usual values filled in: version 1, the category
 * `utilities.<area>` and agency kind `<area>` of its code, individuals and legal entities, kind
 * `service`, the desk and online, no documents.
 *
 * @example
 * utilityService({ code: 'water.well-meter-sealing', names, form, fee: bhmFee(0.5), sla, workflow });
 */
export function utilityService(
  service: Omit<ServiceDefinition, Defaulted> & Partial<Pick<ServiceDefinition, Defaulted>>,
): ServiceDefinition {
  const area = service.code.split('.')[0]!;
  return {
    version: 1,
    category: `utilities.${area}`,
    agencyKind: area,
    applicantTypes: ['individual', 'legal_entity'],
    kind: 'service',
    channels: ['desk', 'online'],
    documents: [],
    ...service,
  };
}
