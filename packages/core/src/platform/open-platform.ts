import type { Container } from 'inversify';
import type { DarchaConfig } from '../config/types.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import type { MigrationState } from '../db/types.js';
import { createRootContainer } from '../di/root-container.js';
import type { TenantContainers } from '../di/tenant-containers.js';
import { TOKENS } from '../di/tokens.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { CORE_NAMESPACE, coreMigrations } from '../migrations/index.js';
import type { LoadedPlugin } from '../plugins/plugin-checks.js';
import { PluginHost } from '../plugins/plugin-host.js';
import { tenantSetup } from '../plugins/tenant-setup.js';
import { loadPlugins } from '../plugins/plugin-loader.js';
import type { PluginReportEntry } from '../plugins/types.js';
import type { AgencyDirectory, ServiceRegistry, TenantCatalog } from '../registry/contracts.js';
import { PostgresAgencyDirectory } from '../registry/postgres-agency-directory.js';
import { PostgresServiceRegistry } from '../registry/postgres-service-registry.js';
import { PostgresTenantCatalog } from '../registry/postgres-tenant-catalog.js';
import { ApplicationValidator } from '../registry/validation/application-validator.js';
import { PostgresTenantRegistry } from '../tenancy/postgres-tenant-registry.js';
import type { TenantRegistry } from '../tenancy/types.js';
import { TenantCalendarStore } from '../calendar/tenant-calendar-store.js';
import { AttachmentService } from '../files/attachment-service.js';
import { LocalFileStore } from '../files/local-file-store.js';
import { PostgresStaffDirectory } from '../staff/staff-directory.js';
import { postgresStaffQueries } from '../staff/staff-routing.js';
import { COMPOSITE_WORKFLOW, COMPOSITE_WORKFLOW_V1 } from '../workflow/engine/composite.js';
import { effectsSubscriber } from '../workflow/engine/effects-subscriber.js';
import { TenantWorkflowContexts } from '../workflow/engine/tenant-workflow-context.js';
import { WorkflowDefinitionStore } from '../workflow/engine/workflow-definition-store.js';
import { WorkflowEngine } from '../workflow/engine/workflow-engine.js';
import { OutboxDispatcher } from '../workflow/outbox/outbox-dispatcher.js';
import { pluginEventSubscribers } from '../workflow/outbox/plugin-event-subscribers.js';
import { TimerScheduler } from '../workflow/timers/timer-scheduler.js';
import { RetentionJob } from '../maintenance/retention-job.js';
import { PostgresInbox } from '../workflow/inbox/postgres-inbox.js';
import type { IdentityService } from '../identity/identity-types.js';
import { AUTH_SECRET_NAME, platformSecret } from '../identity/platform-secrets.js';
import { PostgresIdentityService } from '../identity/postgres-identity-service.js';
import type { EffectFunction } from '../plugins/contributions.js';
import type { OutboxSubscriber } from '../workflow/outbox/outbox-types.js';
import { BaseAmountTable } from '../fees/base-amount-table.js';
import { FeeService } from '../fees/fee-service.js';
import { PostgresDocumentService } from '../documents/postgres-document-service.js';
import { ISSUE_DOCUMENT_EFFECT, issueDocumentEffect } from '../documents/issue-document-effect.js';
import { PostgresNotificationService } from '../notifications/postgres-notification-service.js';
import {
  NOTIFY_APPLICANT_EFFECT,
  notificationsSubscriber,
  notifyApplicantEffect,
} from '../notifications/notifications-subscriber.js';
import { PostgresRatingService } from '../ratings/postgres-rating-service.js';
import { PostgresReportService } from '../reports/postgres-report-service.js';
import { PostgresPaymentService } from '../payments/postgres-payment-service.js';
import {
  CREATE_INVOICE_EFFECT,
  createInvoiceEffect,
  invoiceOnFilingSubscriber,
} from '../payments/invoice-effects.js';

/** A running platform: database, registries, plugins and containers, ready for a server or the CLI. */
export interface Platform {
  config: DarchaConfig;
  logger: Logger;
  db: Database;
  tenants: TenantRegistry;
  services: ServiceRegistry;
  catalog: TenantCatalog;
  agencies: AgencyDirectory;
  plugins: PluginHost;
  /** Published workflow versions. */
  workflows: WorkflowDefinitionStore;
  /** Files, moves and assigns inquiries. */
  engine: WorkflowEngine;
  calendars: TenantCalendarStore;
  staff: PostgresStaffDirectory;
  attachments: AttachmentService;
  /** Staff inboxes: role, mine, agency, due soon, overdue ... with counts. */
  inbox: PostgresInbox;
  /** Platform users, staff sign-in, sessions, API keys, receipt access codes and phone codes. */
  identity: IdentityService;
  /** Issued certificates (verification, revocation), receipts, document branding and template overrides. */
  documents: PostgresDocumentService;
  /** The base calculation amount (BHM) per country, effective-dated (host table). */
  baseAmounts: BaseAmountTable;
  /** Quotes service fees from their schedules, the tenant's overrides and the BHM in force. */
  fees: FeeService;
  /** Messages to citizens (SMS/email channel plugins, else recorded only), their preferences and templates. */
  notifications: PostgresNotificationService;
  /** Citizens' ratings of closed inquiries, supervisor reviews of low ones, rating averages. */
  ratings: PostgresRatingService;
  /** Revenue and volume reports per city, and rolled up to a region. */
  reports: PostgresReportService;
  /** Invoices, desk and provider payments, receipts and refunds. */
  payments: PostgresPaymentService;
  /** Delivers outbox events to plugins and effects (started by {@link startJobs}). */
  outbox: OutboxDispatcher;
  /** Fires SLA timers (started by {@link startJobs}). */
  timers: TimerScheduler;
  /** Deletes delivered events, fired timers, old idempotency keys and ended sessions (started by {@link startJobs}). */
  retention: RetentionJob;
  /** Starts the timer scheduler and the outbox dispatcher in this process; `close` stops them. */
  startJobs(): void;
  root: Container;
  tenantContainers: TenantContainers;
  /** Core's migration state after opening. */
  migrations: MigrationState;
  /** Every plugin with its version, status and error. */
  pluginReport: PluginReportEntry[];
  close(): Promise<void>;
}

export interface OpenPlatformOptions {
  config: DarchaConfig;
  logger?: Logger;
  /** Apply pending core migrations on open (default true); otherwise only report them, and start no plugins. */
  migrate?: boolean;
  /** Use this database instead of opening one from the config (test hosts). */
  db?: Database;
  /** Start exactly these plugins instead of loading the ones named in the config (test hosts, embedding). */
  plugins?: LoadedPlugin[];
  /** Directory that plugin packages are resolved from (default the working directory). */
  cwd?: string;
}

/**
 * Opens the database, brings core's schema up to date, wires the registries and the root container,
 * then loads and starts the plugins (their failures are in `pluginReport`, not thrown, unless the
 * failure policy is `abort`).
 */
export async function openPlatform(options: OpenPlatformOptions): Promise<Platform> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const db =
    options.db ??
    (await openDatabase({
      url: config.database.url,
      dataDir: config.database.dataDir,
      poolMax: config.database.pool.max,
      logger,
    }));
  let plugins: PluginHost | undefined;
  try {
    const migrate = options.migrate !== false;
    const migrations = migrate
      ? await db.migrate(CORE_NAMESPACE, coreMigrations)
      : await db.migrationState(CORE_NAMESPACE, coreMigrations);
    const tenants = new PostgresTenantRegistry(db);
    const validator = new ApplicationValidator();
    const services = new PostgresServiceRegistry(db, {
      compileForm: (definition) => void validator.compileForm(definition),
      validate: (definition, data, locale) => validator.validate(definition, data, locale),
    });
    const catalog = new PostgresTenantCatalog(db, services, tenants);
    const agencies = new PostgresAgencyDirectory(db);
    const { root, tenantContainers } = createRootContainer({ config, logger, db, tenants });
    root.bind(TOKENS.ServiceRegistry).toConstantValue(services);
    root.bind(TOKENS.TenantCatalog).toConstantValue(catalog);
    root.bind(TOKENS.AgencyDirectory).toConstantValue(agencies);
    const workflows = new WorkflowDefinitionStore(db);
    if (migrate) {
      await workflows.load();
      await workflows.publish('core', [COMPOSITE_WORKFLOW_V1, COMPOSITE_WORKFLOW]);
    }
    // Tenant hooks configure their tenant through the services built below (documents last).
    const setupDeps: { documents?: PostgresDocumentService } = {};
    const calendars = new TenantCalendarStore({ db, tenants });
    plugins = new PluginHost({
      config,
      logger,
      db,
      tenants,
      root,
      tenantContainers,
      services,
      workflows,
      tenantSetup: (tenantId, pluginId) =>
        tenantSetup(
          {
            services: () => services.list(),
            agencies,
            catalog,
            calendars,
            tenants,
            documents: {
              setBranding: (id, input, actor) => setupDeps.documents!.setBranding(id, input, actor),
            },
          },
          tenantId,
          pluginId,
        ),
    });
    // A member's change (deactivation above all) must not leave their sessions cached; identity is built below.
    const sessionsOf: { identity?: PostgresIdentityService } = {};
    const staff = new PostgresStaffDirectory({
      db,
      afterChange: () => sessionsOf.identity?.forgetSessions(),
    });
    const activeTenants = async () => (await tenants.list({ status: 'active' })).map((t) => t.id);
    // The engine wakes the dispatcher after each commit; the dispatcher is built after the engine.
    const wakeOutbox: { dispatcher?: OutboxDispatcher } = {};
    const providerHost = plugins;
    const payments = new PostgresPaymentService({
      db,
      logger,
      // The fee service is built below; it is only called later, per inquiry.
      fees: { quoteForInquiry: (tenantId, inquiry) => fees.quoteForInquiry(tenantId, inquiry) },
      services,
      providers: async (tenantId) => {
        const enabled = await Promise.all(
          providerHost
            .active()
            .map(async (p) =>
              (await providerHost.isEnabled(tenantId, p.id)) ? (p.paymentProviders ?? []) : [],
            ),
        );
        return enabled.flat();
      },
      timeZoneOf: async (tenantId) => (await calendars.get(tenantId)).timeZone,
      afterCommit: () => wakeOutbox.dispatcher?.wake(),
    });
    const engine = new WorkflowEngine({
      db,
      logger,
      workflows,
      services,
      catalog,
      contexts: new TenantWorkflowContexts({ tenants, calendars }),
      staff: postgresStaffQueries,
      contributions: plugins.contributions,
      payments,
      afterCommit: () => wakeOutbox.dispatcher?.wake(),
    });
    const host = plugins;
    // Core modules (payments, documents, notifications ...) register their workflow effects and
    // outbox subscribers here; the dispatcher reads both lists when it delivers.
    const coreEffects = new Map<string, EffectFunction>();
    const coreSubscribers: OutboxSubscriber[] = [];
    const dispatcher = new OutboxDispatcher({
      db,
      logger,
      tenantIds: activeTenants,
      pollIntervalMs: config.jobs.pollIntervalMs,
      ...(typeof config.jobs.outboxConcurrency === 'number'
        ? { concurrency: config.jobs.outboxConcurrency }
        : {}),
      // About an hour of retries (1 s doubling, capped at 10 min) before an event is a dead letter.
      maxAttempts: 15,
      subscribers: () => [
        ...pluginEventSubscribers(
          host.contributions,
          host.active().map((p) => p.id),
          {
            isEnabled: (tenantId, pluginId) => host.tenantPlugins.isEnabled(tenantId, pluginId),
            withTenant: (tenantId, work) => db.withTenant(tenantId, work),
          },
        ),
        effectsSubscriber({ engine, contributions: host.contributions, coreEffects }),
        ...coreSubscribers,
      ],
    });
    wakeOutbox.dispatcher = dispatcher;
    const timers = new TimerScheduler({
      engine,
      logger,
      tenantIds: activeTenants,
      pollIntervalMs: config.jobs.pollIntervalMs,
      afterFire: () => dispatcher.wake(),
    });
    const retention = new RetentionJob({
      db,
      logger,
      tenantIds: async () => (await tenants.list()).map((t) => t.id),
      tenantTasks: [{ name: 'expiredInvoices', run: (tenantId) => payments.expireOverdue(tenantId) }],
    });
    const attachments = new AttachmentService({ db, store: new LocalFileStore(config.files.dir) });
    // The configured secret, else the one the platform keeps (made on first start; read only when not migrating).
    const secret = config.auth?.secret ?? (await platformSecret(db, AUTH_SECRET_NAME, { create: migrate }));
    const identity = new PostgresIdentityService({ db, secret, afterOutboxWrite: () => dispatcher.wake() });
    sessionsOf.identity = identity;
    const documents = new PostgresDocumentService({
      db,
      tenants,
      services,
      agencies,
      inquiries: engine,
      contributions: host.contributions,
      timeZoneOf: async (tenantId) => (await calendars.get(tenantId)).timeZone,
      ...(config.http.publicUrl ? { publicUrl: config.http.publicUrl } : {}),
      afterOutboxWrite: () => dispatcher.wake(),
    });
    setupDeps.documents = documents;
    coreEffects.set(ISSUE_DOCUMENT_EFFECT, issueDocumentEffect(documents));
    const notifications = new PostgresNotificationService({
      db,
      logger,
      tenants,
      services,
      inquiries: engine,
      workflows,
      templates: host.contributions,
      channels: () =>
        host
          .active()
          .flatMap((p) => (p.notificationChannels ?? []).map((channel) => ({ pluginId: p.id, channel }))),
      isEnabled: (tenantId, pluginId) => host.isEnabled(tenantId, pluginId),
      clock: () => new Date(),
    });
    coreEffects.set(NOTIFY_APPLICANT_EFFECT, notifyApplicantEffect(notifications));
    coreSubscribers.push(notificationsSubscriber(notifications));
    coreEffects.set(CREATE_INVOICE_EFFECT, createInvoiceEffect(payments));
    coreSubscribers.push(
      invoiceOnFilingSubscriber({
        payments,
        inquiries: engine,
        quote: (tenantId, inquiry) => fees.quoteForInquiry(tenantId, inquiry),
      }),
    );
    const baseAmounts = new BaseAmountTable({ db, tenants, logger });
    const fees = new FeeService({
      baseAmounts,
      services,
      catalog,
      tenants,
      timeZoneOf: async (tenantId) => (await calendars.get(tenantId)).timeZone,
    });
    let pluginReport: PluginReportEntry[] = [];
    if (migrate) {
      const loaded = options.plugins
        ? { loaded: options.plugins, failures: [] }
        : await loadPlugins({
            packages: config.plugins.packages,
            discoverWorkspaces: config.plugins.discoverWorkspaces,
            cwd: options.cwd ?? process.cwd(),
          });
      pluginReport = await plugins.start(loaded.loaded, loaded.failures);
    }
    logger.info(
      {
        database: db.kind,
        location: db.location,
        applied: migrations.applied.length,
        plugins: pluginReport.length,
      },
      'platform open',
    );
    return {
      config,
      logger,
      db,
      tenants,
      services,
      catalog,
      agencies,
      plugins: host,
      workflows,
      engine,
      calendars,
      staff,
      attachments,
      inbox: new PostgresInbox({ db }),
      identity,
      documents,
      baseAmounts,
      fees,
      notifications,
      ratings: new PostgresRatingService({
        db,
        timeZoneOf: async (tenantId) => (await calendars.get(tenantId)).timeZone,
        afterCommit: () => dispatcher.wake(),
      }),
      payments,
      reports: new PostgresReportService({
        db,
        tenants,
        services,
        timeZoneOf: async (tenantId) => (await calendars.get(tenantId)).timeZone,
      }),
      outbox: dispatcher,
      timers,
      retention,
      startJobs: () => {
        timers.start();
        dispatcher.start();
        retention.start();
      },
      root,
      tenantContainers,
      migrations,
      pluginReport,
      close: async () => {
        await timers.stop();
        await dispatcher.stop();
        await retention.stop();
        await host.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
