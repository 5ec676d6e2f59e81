import { DarchaError } from '@darcha/core';

/** The coded errors of `@darcha/city-kit`. */
export const cityKitErrors = {
  wrongTenant(packId: string, cityId: string, tenantId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_CITY_PACK_WRONG_TENANT',
      kind: 'conflict',
      message: `City pack "${packId}" sets up the city "${cityId}" and cannot be enabled for "${tenantId}".`,
      hint: `Enable ${packId} for ${cityId} only (not for a region or another city); a new city needs its own pack.`,
      details: { packId, cityId, tenantId },
    });
  },

  serviceUnknown(packId: string, agencyCode: string, codes: string[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_CITY_PACK_SERVICE_UNKNOWN',
      kind: 'invalid',
      message: `City pack "${packId}": agency "${agencyCode}" offers services that no active plugin publishes: ${codes.join(', ')}.`,
      hint: "Install and start the agency pack that publishes them (list it in the city pack's dependsOn), or fix the service codes in `offers`.",
      details: { packId, agencyCode, codes },
    });
  },
};
