import type { ServiceRegistry } from '@darcha/core';
import type { Open311Element } from './open311-document.js';
import { MEDIA_TYPES, OPEN311_FORMATS } from './open311-format.js';

export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/**
 * The service discovery document: one production GeoReport v2 endpoint at `<base>/open311/v2`
 * for every city (the jurisdiction is a parameter), in XML and JSON.
 */
export function discoveryElement(baseUrl: string, changeset: Date): Open311Element {
  const stamp = changeset.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    changeset: stamp,
    contact:
      "Each city's One-Stop-Shop administration answers for its services; integration help is in Darcha's Open311 guide (docs/guides/open311.md).",
    key_service:
      "API keys are issued by each city's administrator (a key belongs to one city; pass it as api_key). Reading needs no key.",
    endpoints: [
      {
        specification: GEOREPORT_V2_SPECIFICATION,
        url: `${baseUrl}/open311/v2`,
        changeset: stamp,
        type: 'production',
        formats: OPEN311_FORMATS.map((format) => MEDIA_TYPES[format]),
      },
    ],
  };
}

/**
 * When the service definitions last changed: the latest publication of any current service
 * version (the same in every process, so clients behind a balancer see one value), read at most
 * once a minute. Without services, the time this process started.
 */
export class ServiceChangeset {
  readonly #services: ServiceRegistry;
  readonly #ttlMs: number;
  readonly #started = new Date();
  #cached: { value: Date; until: number } | undefined;

  constructor(services: ServiceRegistry, ttlMs = 60_000) {
    this.#services = services;
    this.#ttlMs = ttlMs;
  }

  async get(): Promise<Date> {
    if (this.#cached && this.#cached.until > Date.now()) return this.#cached.value;
    let latest: Date | undefined;
    for (const definition of this.#services.list()) {
      const published = (await this.#services.versions(definition.code)).find(
        (p) => p.definition.version === definition.version,
      );
      if (published && (!latest || published.publishedAt > latest)) latest = published.publishedAt;
    }
    const value = latest ?? this.#started;
    this.#cached = { value, until: Date.now() + this.#ttlMs };
    return value;
  }
}
