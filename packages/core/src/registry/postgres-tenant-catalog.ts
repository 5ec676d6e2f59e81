import { appendAudit } from '../audit/audit-log.js';
import { ReadCache } from '../cache/read-cache.js';
import type { Database } from '../db/database.js';
import { tenantNotFound } from '../tenancy/tenancy.errors.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { actor } from '../tenancy/tenant-rows.js';
import type { ActorOptions, TenantRegistry } from '../tenancy/types.js';
import { agencyNotFound } from './agency.errors.js';
import {
  catalogAgencyMismatch,
  catalogEntryInvalid,
  catalogNotOffered,
  catalogOverrideInvalid,
  catalogQueryInvalid,
} from './catalog.errors.js';
import { catalogEntryProblems, catalogQueryProblems, overrideProblems } from './catalog-entry.schema.js';
import { searchCatalog } from './catalog-search.js';
import { nearestEntries, toCatalogService, type StoredCatalogEntry } from './catalog-view.js';
import type { ServiceRegistry, TenantCatalog } from './contracts.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { violatedForeignKey } from './foreign-key-violation.js';
import type {
  CatalogEntry,
  CatalogEntryInput,
  CatalogOverrides,
  CatalogQuery,
  CatalogService,
} from './types.js';

interface CatalogEntryRow {
  tenant_id: string;
  service_code: string;
  offered: boolean;
  agency_code: string | null;
  overrides: CatalogOverrides;
}

/**
 * Tenant catalogs in the tenant table `catalog_entries`. A tenant inherits its ancestors' entries
 * (country > region > city) and overrides them entry by entry; an entry with `offered: false`
 * withholds a service the region offers. Row-level security forbids reading another tenant's rows,
 * so each tenant of the chain is read in its own `withTenant` transaction. Each tenant's entries are
 * kept for 5 s ({@link ReadCache}); a change through this catalog applies at once.
 *
 * @example
 * const catalog = new PostgresTenantCatalog(db, registry, tenants);
 * await catalog.setEntry('uz.tashkent-region', { serviceCode: 'gas.no-debt-certificate', offered: true });
 * await catalog.setEntry('chirchik', { serviceCode: 'gas.no-debt-certificate', offered: true,
 *   agencyCode: 'gorgas', overrides: { slaValue: 2 } });
 * await catalog.search('chirchik', { text: 'қарздорлик' });
 */
export class PostgresTenantCatalog implements TenantCatalog {
  readonly #db: Database;
  readonly #registry: ServiceRegistry;
  readonly #tenants: TenantRegistry;
  readonly #entries = new ReadCache<StoredCatalogEntry[]>();

  constructor(db: Database, registry: ServiceRegistry, tenants: TenantRegistry) {
    this.#db = db;
    this.#registry = registry;
    this.#tenants = tenants;
  }

  async setEntry(tenantId: string, entry: CatalogEntryInput, options: ActorOptions = {}): Promise<void> {
    assertTenantId(tenantId);
    const shape = catalogEntryProblems(entry);
    if (shape.length > 0) throw catalogEntryInvalid(tenantId, shape);
    const definition = await this.#registry.get(entry.serviceCode);
    const overrides = entry.overrides ?? {};
    const refused = overrideProblems(definition, overrides);
    if (refused.length > 0) throw catalogOverrideInvalid(tenantId, definition.code, refused);
    const agencyCode = entry.agencyCode ?? null;
    try {
      await this.#entries.afterWrite(
        this.#db.withTenant(tenantId, async (trx) => {
          if (agencyCode !== null) {
            const agency: { code: string; kind: string } | undefined = await trx('agencies')
              .where({ tenant_id: tenantId, code: agencyCode })
              .forShare() // a concurrent change of the agency's kind waits for us, then sees this entry
              .first('code', 'kind');
            if (!agency) throw agencyNotFound(tenantId, agencyCode);
            if (agency.kind !== definition.agencyKind) {
              throw catalogAgencyMismatch(tenantId, definition.code, agency, definition.agencyKind);
            }
          }
          const row = {
            tenant_id: tenantId,
            service_code: definition.code,
            offered: entry.offered,
            agency_code: agencyCode,
            overrides: JSON.stringify(overrides),
          };
          await trx('catalog_entries')
            .insert(row)
            .onConflict(['tenant_id', 'service_code'])
            .merge({ ...row, updated_at: trx.fn.now() } as never);
          await appendAudit(trx, tenantId, {
            ...actor(options),
            action: entry.offered ? 'catalog.offer' : 'catalog.withhold',
            subjectType: 'service',
            subjectId: definition.code,
            details: { version: definition.version, agencyCode, overrides },
          });
        }),
      );
    } catch (error) {
      if (violatedForeignKey(error)?.endsWith('_tenant_id_foreign')) throw tenantNotFound(tenantId);
      throw error;
    }
  }

  async removeEntry(tenantId: string, serviceCode: string, options: ActorOptions = {}): Promise<void> {
    assertTenantId(tenantId);
    if (typeof serviceCode !== 'string') {
      throw catalogEntryInvalid(tenantId, [{ field: '/serviceCode', message: 'must be a string' }]);
    }
    const removal = this.#db.withTenant(tenantId, async (trx) => {
      const removed: { offered: boolean }[] = await trx('catalog_entries')
        .where({ tenant_id: tenantId, service_code: serviceCode })
        .delete()
        .returning('offered');
      if (removed.length === 0) return;
      await appendAudit(trx, tenantId, {
        ...actor(options),
        action: 'catalog.remove',
        subjectType: 'service',
        subjectId: serviceCode,
        details: { offered: removed[0]!.offered },
      });
    });
    await this.#entries.afterWrite(removal);
  }

  async ownEntries(tenantId: string): Promise<CatalogEntry[]> {
    assertTenantId(tenantId);
    const rows = await this.#readEntries(tenantId);
    return rows
      .map(({ serviceCode, offered, agencyCode, overrides }) => ({
        serviceCode,
        offered,
        agencyCode,
        overrides,
      }))
      .sort((a, b) => (a.serviceCode < b.serviceCode ? -1 : a.serviceCode > b.serviceCode ? 1 : 0));
  }

  services(tenantId: string): Promise<CatalogService[]> {
    return this.#resolve(tenantId);
  }

  async service(tenantId: string, serviceCode: string): Promise<CatalogService> {
    const [found] = await this.#resolve(tenantId, String(serviceCode));
    if (!found) throw catalogNotOffered(tenantId, String(serviceCode));
    return found;
  }

  async search(tenantId: string, query: CatalogQuery): Promise<CatalogService[]> {
    assertTenantId(tenantId);
    const problems = catalogQueryProblems(query ?? {});
    if (problems.length > 0) throw catalogQueryInvalid(tenantId, problems);
    return searchCatalog(await this.#resolve(tenantId), query ?? {});
  }

  /** The offered services after inheritance, by code; only `serviceCode` when given. */
  async #resolve(tenantId: string, serviceCode?: string): Promise<CatalogService[]> {
    assertTenantId(tenantId);
    const chain = [...(await this.#tenants.ancestors(tenantId)).map((t) => t.id), tenantId];
    const layers: StoredCatalogEntry[][] = [];
    for (const id of chain) layers.push(await this.#readEntries(id, serviceCode));
    const current = new Map(this.#registry.list().map((d) => [d.code, d]));
    const offered: CatalogService[] = [];
    for (const entry of nearestEntries(layers)) {
      const definition = current.get(entry.serviceCode);
      if (entry.offered && definition) offered.push(toCatalogService(definition, entry));
    }
    return offered.sort((a, b) =>
      a.serviceCode < b.serviceCode ? -1 : a.serviceCode > b.serviceCode ? 1 : 0,
    );
  }

  /** The tenant's own entries (only `serviceCode`'s when given), from the cache or the database. */
  async #readEntries(tenantId: string, serviceCode?: string): Promise<StoredCatalogEntry[]> {
    const entries = await this.#entries.read(tenantId, async () => {
      const rows: CatalogEntryRow[] = await this.#db.withTenant(tenantId, (trx) =>
        trx('catalog_entries').where({ tenant_id: tenantId }),
      );
      return deepFreeze(
        rows.map((row) => ({
          serviceCode: row.service_code,
          offered: row.offered,
          agencyCode: row.agency_code,
          overrides: row.overrides,
          source: tenantId,
        })),
      );
    });
    return serviceCode === undefined ? entries : entries.filter((e) => e.serviceCode === serviceCode);
  }
}
