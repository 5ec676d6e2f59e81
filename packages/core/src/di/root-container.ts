import 'reflect-metadata';
import { Container } from 'inversify';
import type { DarchaConfig } from '../config/types.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { TenantRegistry } from '../tenancy/types.js';
import { TenantContainers } from './tenant-containers.js';
import { TOKENS } from './tokens.js';

export interface RootServices {
  config: DarchaConfig;
  logger: Logger;
  db: Database;
  tenants: TenantRegistry;
}

/** The root container with the platform singletons, and the per-tenant child containers under it. */
export function createRootContainer(services: RootServices): {
  root: Container;
  tenantContainers: TenantContainers;
} {
  const root = new Container();
  root.bind(TOKENS.Config).toConstantValue(services.config);
  root.bind(TOKENS.Logger).toConstantValue(services.logger);
  root.bind(TOKENS.Database).toConstantValue(services.db);
  root.bind(TOKENS.TenantRegistry).toConstantValue(services.tenants);
  const tenantContainers = new TenantContainers(root);
  root.bind(TOKENS.TenantContainers).toConstantValue(tenantContainers);
  return { root, tenantContainers };
}
