import type { ServiceDefinition } from '@darcha/core';
import { defineService, type ServiceDefaults } from '@darcha/service-kit';

/** The fields {@link utilityService} fills in unless the service says otherwise. */
type Defaulted = ServiceDefaults | 'category';

/**
 * A utility's service definition: {@link defineService}'s defaults and the category
 * `utilities.<area>` of its code.
 *
 * @example
 * utilityService({ code: 'water.well-meter-sealing', names, form, fee: bhmFee(0.5), sla, workflow });
 */
export function utilityService(
  service: Omit<ServiceDefinition, Defaulted> & Partial<Pick<ServiceDefinition, Defaulted>>,
): ServiceDefinition {
  return defineService({ category: `utilities.${service.code.split('.')[0]!}`, ...service });
}
