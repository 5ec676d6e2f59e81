/**
 * @darcha/core: tenancy, database, and (as they land) the plugin host, service registry and
 * workflow engine. Everything a plugin or the server may use is exported here and nowhere else.
 */
export {
  DarchaError,
  isDarchaError,
  type DarchaErrorInit,
  type DarchaErrorKind,
} from './errors/darcha-error.js';
export { fieldErrorsFromAjv, formatFieldErrors, type FieldError } from './errors/field-error.js';

export { loadConfig, CONFIG_ENV_VARS, type LoadConfigOptions } from './config/load-config.js';
export type { DarchaConfig, DatabaseConfig, TenancyConfig, LogLevel } from './config/types.js';

export { createLogger, REDACTED_PATHS, type Logger, type CreateLoggerOptions } from './logging/logger.js';

export { LOCALES, isLocale, type Locale, type LocalizedText } from './i18n/locales.js';

export { Database } from './db/database.js';
export {
  openDatabase,
  describeUrl,
  MIN_POSTGRES_MAJOR,
  type OpenDatabaseOptions,
} from './db/open-database.js';
export { useBaselineWasmCompiler } from './db/wasm-compiler.js';
export { enableTenantIsolation, type TenantTablePrivilege } from './db/tenant-table.js';
export {
  checkTenantCatalog,
  CORE_HOST_TABLES,
  type CatalogViolation,
  type CatalogRule,
} from './db/catalog-check.js';
export { findMigrationNameProblems, MIGRATION_NAME_PATTERN } from './db/migration-names.js';
export {
  APP_ROLE,
  TENANT_SETTING,
  type DatabaseKind,
  type HostTransaction,
  type Migration,
  type MigrationState,
  type TenantTransaction,
} from './db/types.js';
export { coreMigrations, CORE_NAMESPACE } from './migrations/index.js';

export { assertTenantId, isTenantId, TENANT_ID_PATTERN } from './tenancy/tenant-id.js';
export { PostgresTenantRegistry } from './tenancy/postgres-tenant-registry.js';
export { TENANT_CACHE_TTL_MS } from './tenancy/tenant-read-cache.js';
export { READ_CACHE_TTL_MS, ReadCache, type Cached, type ReadCacheOptions } from './cache/read-cache.js';
export { FINAL, PREPARED } from './db/session-client.js';
export { mergeSettingsLayers, applySettingsPatch } from './tenancy/tenant-settings.js';
export type {
  ActorOptions,
  CreateTenantInput,
  ListTenantsQuery,
  SettingValue,
  Tenant,
  TenantKind,
  TenantRegistry,
  TenantSettings,
  TenantStatus,
  UpdateTenantInput,
} from './tenancy/types.js';
export {
  TenantResolverChain,
  createDefaultResolverChain,
  headerResolver,
  hostNameResolver,
  jurisdictionResolver,
  pathPrefixResolver,
  userClaimResolver,
  type HostNameResolverOptions,
} from './tenancy/resolution/tenant-resolvers.js';
export type {
  TenantResolution,
  TenantResolutionRequest,
  TenantResolver,
  TenantSource,
} from './tenancy/resolution/types.js';

export {
  currentContext,
  currentTenant,
  runWithContext,
  updateContext,
  type RequestContext,
} from './context/request-context.js';

export { appendAudit, listAudit, type AuditEntryInput, type AuditRecord } from './audit/audit-log.js';
export { pageAudit, AUDIT_PAGE_MAX_LIMIT, type AuditPage, type AuditQuery } from './audit/audit-page.js';

export { TOKENS, createToken, type Token, type TenantDatabase } from './di/tokens.js';
export { TenantContainers, resolve, type TenantModule } from './di/tenant-containers.js';
export { createRootContainer, type RootServices } from './di/root-container.js';

export { openPlatform, type OpenPlatformOptions, type Platform } from './platform/open-platform.js';

export { searchKey } from './i18n/search-key.js';
export {
  compileDetached,
  compileLater,
  createAjv,
  sharedAjv,
  type SharedAjvOptions,
  type Validator,
} from './validation/index.js';
export { PLUGIN_VISIBLE_TOKENS } from './di/tokens.js';

export { definePlugin, isDarchaPlugin } from './plugins/define-plugin.js';
export { createExtensionPoint, type ExtensionPoint } from './plugins/extension-point.js';
export { PLUGIN_API_VERSION } from './plugins/plugin-api-version.js';
export {
  checkPlugins,
  PLUGIN_ID_PATTERN,
  type CheckedPlugin,
  type LoadedPlugin,
} from './plugins/plugin-checks.js';
export {
  loadPlugins,
  loadPluginPackage,
  discoverWorkspacePlugins,
  type LoadPluginsOptions,
  type LoadPluginsResult,
} from './plugins/plugin-loader.js';
export { PluginHost, migrationNamespace, type PluginHostDeps } from './plugins/plugin-host.js';
export {
  TenantPluginManager,
  ENABLEMENT_TTL_MS,
  type PluginEnablement,
} from './plugins/tenant-plugin-manager.js';
export { ContributionRegistry } from './plugins/contribution-registry.js';
export { DEFAULT_HOOK_TIMEOUT_MS } from './plugins/hook-timeout.js';
export type {
  DarchaPlugin,
  PluginContext,
  PluginDependency,
  PluginFailurePolicy,
  PluginKind,
  PluginManifest,
  PluginRegisterContext,
  PluginReportEntry,
  PluginStatus,
  PluginTenantContext,
  TenantModuleContext,
  TenantPluginStatus,
} from './plugins/types.js';
export type { TenantSetup } from './plugins/tenant-setup.js';
export type {
  AdminPage,
  DashboardWidget,
  EffectFunction,
  EventHandler,
  GuardFunction,
  NotificationChannel,
  PaymentProvider,
  PluginRoute,
  PluginRouteRequest,
  PluginRouteResponse,
  TemplateHelper,
  TemplateSources,
  Translations,
  WithTenant,
  WorkflowDefinitionData,
} from './plugins/contributions.js';

export type {
  ServiceRegistry,
  AgencyDirectory,
  AgencyWriteOptions,
  TenantCatalog,
  Agency,
  Desk,
} from './registry/contracts.js';
export type {
  ApplicantType,
  ApplicationFieldError,
  ApplicationValidationResult,
  CatalogEntry,
  CatalogEntryInput,
  CatalogOverrides,
  CatalogQuery,
  CatalogService,
  Channel,
  FieldUiHint,
  InquiryKind,
  JsonSchema,
  PublishedService,
  RequiredDocument,
  ServiceCategory,
  ServiceDefinition,
  ServiceFee,
  ServiceSla,
} from './registry/types.js';

export { ApplicationValidator, type ServiceForm } from './registry/validation/application-validator.js';
export {
  addDarchaFormats,
  isDarchaFormat,
  DARCHA_FORMATS,
  PINFL_PATTERN,
  TIN_PATTERN,
  CADASTRE_NUMBER_PATTERN,
  UZ_PHONE_PATTERN,
  UTILITY_ACCOUNT_PATTERN,
  POSTAL_CODE_PATTERN,
  type DarchaFormat,
} from './registry/validation/identifier-formats.js';

export { DEFAULT_CATEGORIES } from './registry/default-classification.js';
export {
  PostgresServiceRegistry,
  type ServiceRegistryOptions,
} from './registry/postgres-service-registry.js';
export { PostgresAgencyDirectory } from './registry/postgres-agency-directory.js';
export { PostgresTenantCatalog } from './registry/postgres-tenant-catalog.js';
export {
  serviceDefinitionSchema,
  serviceDefinitionSchemaProblems,
  SERVICE_CODE_PATTERN,
  CATEGORY_ID_PATTERN,
  WORKFLOW_KEY_PATTERN,
} from './registry/service-definition.schema.js';
export {
  serviceDefinitionProblems,
  serviceDefinitionCheckProblems,
} from './registry/service-definition-checks.js';
export { AGENCY_CODE_PATTERN, DESK_CODE_PATTERN } from './registry/agency-input.schema.js';

export {
  WorkingCalendar,
  type Instant,
  type CalendarDay,
  type WorkingPeriod,
  type WorkingCalendarOptions,
} from './calendar/working-calendar.js';
export {
  calendarDefinitionSchema,
  calendarDefinitionProblems,
  assertCalendarDefinition,
} from './calendar/calendar.schema.js';
export { CLOCK_TIME_PATTERN } from './calendar/calendar-dates.js';
export {
  WEEKDAYS,
  type CalendarDefinition,
  type CalendarHoliday,
  type ClockTime,
  type DayHours,
  type ExtraWorkingDay,
  type Weekday,
  type WorkingInterval,
} from './calendar/types.js';

export type {
  WorkflowDefinition,
  WorkflowState,
  WorkflowTransition,
  WorkflowSla,
  WorkflowDocument,
  TransitionRequirements,
  TransitionWindow,
  EffectReference,
  BreachReaction,
  CoreRole,
  PublicStatus,
  StateType,
  SlaUnit,
  WindowUnit,
  WindowEvent,
  WorkflowReferenceLookup,
  WorkflowValidationContext,
} from './workflow/definition/types.js';
export {
  validateWorkflowDefinition,
  workflowDefinitionProblems,
} from './workflow/definition/validate-workflow-definition.js';
export { workflowDefinitionCheckProblems } from './workflow/definition/workflow-definition-checks.js';
export {
  workflowDefinitionSchema,
  workflowDefinitionSchemaProblems,
  WORKFLOW_NAME_PATTERN,
  WORKFLOW_ROLE_PATTERN,
  WORKFLOW_REFERENCE_PATTERN,
} from './workflow/definition/workflow-definition.schema.js';
export {
  CORE_ROLES,
  PUBLIC_STATUSES,
  STATE_TYPES,
  SLA_UNITS,
  WINDOW_UNITS,
  WINDOW_EVENTS,
  isCoreRole,
} from './workflow/definition/workflow-vocabulary.js';
export { CORE_GUARDS, CORE_EFFECTS } from './workflow/definition/core-built-ins.js';
export { contributionLookup } from './workflow/definition/contribution-lookup.js';

// Inquiries and the workflow engine
export type {
  Actor,
  AllowedAction,
  Applicant,
  FileInquiryInput,
  HistoryEntry,
  HistoryKind,
  IndividualApplicant,
  Inquiry,
  LegalEntityApplicant,
  PublicHistoryEntry,
  TransitionInput,
} from './workflow/inquiry/types.js';
export { SYSTEM_ACTOR } from './workflow/inquiry/types.js';
export { APPLICANT_SCHEMA } from './workflow/inquiry/inquiry-input.schema.js';
export { WorkflowEngine, type CommandOptions } from './workflow/engine/workflow-engine.js';
export type {
  BulkItemResult,
  ChangeResult,
  FilingResult,
  PaymentCheck,
  StaffQueries,
  WorkflowEngineOptions,
} from './workflow/engine/engine-types.js';
export { WorkflowDefinitionStore } from './workflow/engine/workflow-definition-store.js';
export { CompiledWorkflow } from './workflow/engine/compiled-workflow.js';
export {
  addSla,
  clockAfterMove,
  plannedTimers,
  type AnySla,
  type InquiryClock,
  type PlannedTimer,
  type TimerReaction,
} from './workflow/engine/schedule.js';
export {
  COMPOSITE_WORKFLOW,
  COMPOSITE_WORKFLOW_V1,
  type CompositeProgress,
} from './workflow/engine/composite.js';
export {
  TenantWorkflowContexts,
  ROUTING_POLICIES,
  type CalendarSource,
  type RoutingPolicy,
  type TenantWorkflowContext,
} from './workflow/engine/tenant-workflow-context.js';
export {
  migrateWorkflowVersion,
  stateMapProblems,
  type WorkflowMigrationInput,
  type WorkflowMigrationReport,
} from './workflow/engine/migrate-workflow-version.js';
export { effectsSubscriber } from './workflow/engine/effects-subscriber.js';
export { PUBLIC_STATUS_NAMES } from './workflow/engine/public-history.js';
export {
  TimerScheduler,
  type TimerPass,
  type TimerSchedulerOptions,
} from './workflow/timers/timer-scheduler.js';
export type { TimerOutcome } from './workflow/timers/fire-timers.js';
export { COMPOSITE_WORKFLOW_KEY } from './registry/service-definition-checks.js';

// Calendars of tenants
export { defaultCalendar, DEFAULT_OFFICE_HOURS } from './calendar/default-calendar.js';
export { mergeHolidays } from './calendar/holiday-merge.js';
export {
  TenantCalendarStore,
  CALENDAR_TTL_MS,
  type TenantCalendarStoreOptions,
  type EffectiveCalendarDefinition,
} from './calendar/tenant-calendar-store.js';

// Staff
export { PostgresStaffDirectory, type StaffDirectoryOptions } from './staff/staff-directory.js';
export {
  principalsFor,
  isAbsent,
  routingCandidates,
  markAssigned,
  postgresStaffQueries,
} from './staff/staff-routing.js';
export { STAFF_ROLE_PATTERN } from './staff/staff-input.schema.js';
export {
  STAFF_CORE_ROLES,
  type StaffCoreRole,
  type StaffMember,
  type StaffAbsence,
  type StaffDirectory,
  type CreateStaffInput,
  type UpdateStaffInput,
  type StaffQuery,
  type AbsenceInput,
  type EndAbsenceOptions,
  type RoutingQuery,
  type RoutingCandidate,
} from './staff/staff-types.js';

// Attachments and files
export {
  AttachmentService,
  type AttachmentServiceOptions,
  type AttachOptions,
} from './files/attachment-service.js';
export type {
  Attachment,
  AttachInput,
  OpenedAttachment,
  StreamedAttachment,
} from './files/attachment-types.js';
export {
  detectMediaType,
  isDetectableMediaType,
  sampleMediaType,
  MEDIA_TYPE_SAMPLE_BYTES,
  type DetectedMediaType,
  type SampledContent,
} from './files/detect-media-type.js';
export type { FileContent } from './files/file-content.js';
export {
  isSha256,
  SHA256_PATTERN,
  type FileStore,
  type PutFileOptions,
  type StoredFile,
} from './files/file-store.js';
export { LocalFileStore } from './files/local-file-store.js';
export { attachmentFileName, sanitizeFileName, FILE_NAME_MAX_BYTES } from './files/sanitize-file-name.js';

// Staff inboxes
export { PostgresInbox, type PostgresInboxOptions } from './workflow/inbox/postgres-inbox.js';
export {
  INBOX_BUCKETS,
  INBOX_SORTS,
  INBOX_DEFAULT_LIMIT,
  INBOX_MAX_LIMIT,
  type InboxBucket,
  type InboxInstant,
  type InboxQuery,
  type InboxSort,
} from './workflow/inbox/inbox-query.js';
export type {
  Inbox,
  InboxCountOptions,
  InboxCounts,
  InboxPage,
  InboxViewer,
  InquirySummary,
} from './workflow/inbox/types.js';

// Outbox
export type {
  CoreEventType,
  NewOutboxEvent,
  OutboxBackoff,
  OutboxDelivery,
  OutboxEvent,
  OutboxEventStatus,
  OutboxRunResult,
  OutboxSubscriber,
} from './workflow/outbox/outbox-types.js';
export { CORE_EVENT_TYPES, OUTBOX_EVENT_TYPE_PATTERN } from './workflow/outbox/outbox-types.js';
export { writeOutboxEvents, outboxInsertQuery } from './workflow/outbox/write-outbox-events.js';
export { OutboxDispatcher } from './workflow/outbox/outbox-dispatcher.js';
export {
  DEFAULT_OUTBOX_BATCH_SIZE,
  DEFAULT_OUTBOX_LEASE_MS,
  DEFAULT_OUTBOX_MAX_ATTEMPTS,
  DEFAULT_OUTBOX_POLL_INTERVAL_MS,
  type OutboxDispatcherOptions,
} from './workflow/outbox/outbox-dispatcher-options.js';
export { DEFAULT_SUBSCRIBER_TIMEOUT_MS } from './workflow/outbox/deliver-outbox-event.js';
export { exponentialBackoff, type ExponentialBackoffOptions } from './workflow/outbox/outbox-backoff.js';
export {
  listDeadEvents,
  retryDeadEvent,
  outboxBacklog,
  DEAD_EVENTS_MAX_LIMIT,
  type DeadEventsQuery,
  type OutboxEventPage,
  type OutboxBacklog,
} from './workflow/outbox/outbox-admin.js';
export {
  pluginEventSubscribers,
  pluginSubscriberName,
  type PluginEventSubscriberOptions,
} from './workflow/outbox/plugin-event-subscribers.js';
export { attachToInquiry } from './workflow/engine/attach-to-inquiry.js';

// Identity and access
export {
  PLATFORM_ROLES,
  LOCKOUT_THRESHOLD,
  LOCKOUT_MINUTES,
  SESSION_IDLE_MINUTES,
  SESSION_MAX_DAYS,
  PHONE_CODE_TTL_MINUTES,
  PHONE_CONFIRMATION_TTL_MINUTES,
  PHONE_CODE_MAX_ATTEMPTS,
  PHONE_CODES_PER_HOUR,
  type SignInAttempt,
  type SignInFailureReason,
  type Principal,
  type PlatformUserPrincipal,
  type StaffPrincipal,
  type ApiKeyPrincipal,
  type CitizenPrincipal,
  type PlatformRole,
  type PlatformUser,
  type CreatePlatformUserInput,
  type StaffCredentialsInput,
  type SessionRecord,
  type CreatedSession,
  type ApiKey,
  type CreateApiKeyInput,
  type CreatedApiKey,
  type PhoneChallenge,
  type IdentityService,
} from './identity/identity-types.js';
export {
  PostgresIdentityService,
  type IdentityServiceOptions,
} from './identity/postgres-identity-service.js';
export {
  ScryptPasswordHasher,
  DEFAULT_SCRYPT_PARAMS,
  type ScryptParams,
} from './identity/password-hasher.js';
export {
  LOGIN_PATTERN,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
  normaliseLogin,
} from './identity/identity-input.schema.js';
export { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH, normaliseAccessCode } from './identity/citizen-access.js';
export { NOTIFICATION_REQUESTED, PHONE_CODE_TEMPLATE } from './identity/phone-challenges.js';
export { platformSecret, AUTH_SECRET_NAME, type PlatformSecretOptions } from './identity/platform-secrets.js';
export type { AuthConfig } from './config/types.js';

// Inquiry search (Open311 and other public listings)
export { searchInquiries } from './workflow/inquiry-search/search-inquiries.js';
export {
  INQUIRY_SEARCH_DEFAULT_LIMIT,
  INQUIRY_SEARCH_MAX_LIMIT,
  INQUIRY_SEARCH_MAX_OFFSET,
  type InquirySearchHit,
  type InquirySearchPage,
  type InquirySearchQuery,
} from './workflow/inquiry-search/inquiry-search-query.js';

// Retention of finished rows (delivered events, fired timers, old idempotency keys, ended sessions)
export { RetentionJob, type RetentionJobOptions, type RetentionPass } from './maintenance/retention-job.js';
export {
  DEFAULT_RETENTION,
  pruneHost,
  pruneTenant,
  type PrunedCounts,
  type RetentionPolicy,
} from './maintenance/retention.js';

// Result documents: certificates (serial, verification code, QR), receipts, branding, template overrides
export type {
  DocumentBranding,
  DocumentBrandingInput,
  DocumentService,
  DocumentVerification,
  IssueDocumentInput,
  IssueResult,
  IssuedDocument,
  ReceiptData,
  ReceiptLine,
  Signatory,
  TemplateOverride,
} from './documents/types.js';
export {
  PostgresDocumentService,
  type PostgresDocumentServiceOptions,
} from './documents/postgres-document-service.js';
export { ISSUE_DOCUMENT_EFFECT, issueDocumentEffect } from './documents/issue-document-effect.js';
export { documentErrors } from './documents/documents.errors.js';
export { formatMoney, formatDate, pluralForm, initialsOf } from './documents/template-helpers.js';
export {
  VERIFICATION_CODE_ALPHABET,
  VERIFICATION_CODE_LENGTH,
  normaliseVerificationCode,
} from './documents/verification-code.js';
export { verifyUrl } from './documents/qr-code.js';
export { CERTIFICATE_TEMPLATE } from './documents/templates/certificate-template.js';
export { RECEIPT_TEMPLATE } from './documents/templates/receipt-template.js';
export { TEMPLATE_KEY_PATTERN } from './documents/template-resolver.js';

// Fees: the BHM table, fee schedules (`core/schedule`) and quotes
export {
  SCHEDULE_RULE,
  type FeeAmount,
  type FeeCondition,
  type FeeLine,
  type FeeQuote,
  type FeeQuoteInput,
  type FeeSchedule,
  type FeeTier,
} from './fees/fee-types.js';
export type { BaseAmount, NewBaseAmount } from './fees/base-amount-types.js';
export { BaseAmountTable } from './fees/base-amount-table.js';
export { FeeService, type FeeInquiry, type FeeServiceOptions } from './fees/fee-service.js';
export { DEFAULT_PAYABLE_DAYS, freeQuote, quoteFee, type FeeQuoteContext } from './fees/quote-fee.js';
export { bhmMultiple, percentOf } from './fees/money.js';
export { FEE_SCHEDULE_SCHEMA } from './registry/fee-schedule.schema.js';
export { feeScheduleProblems, type FeeScheduleService } from './registry/fee-schedule-checks.js';
export { mergeFeeParams } from './registry/catalog-entry.schema.js';
export { APPLICANT_CATEGORIES, type ApplicantCategory } from './workflow/inquiry/types.js';

// Ratings of closed inquiries, supervisor reviews of low ones; revenue and volume reports
export {
  LOW_RATING_THRESHOLD,
  RATING_COMMENT_MAX_LENGTH,
  REVIEW_NOTE_MAX_LENGTH,
  type AveragesQuery,
  type Period,
  type RateInput,
  type RateResult,
  type Rating,
  type RatingAverages,
  type RatingFigures,
  type RatingGroup,
  type RatingGroupBy,
  type RatingReview,
  type RatingService,
  type ReviewQuery,
  type ReviewStatus,
  type ScoreDistribution,
} from './ratings/types.js';
export { PostgresRatingService, type RatingServiceOptions } from './ratings/postgres-rating-service.js';
export {
  REPORT_GROUPINGS,
  REPORT_SCOPES,
  type CityReport,
  type Report,
  type ReportGroupBy,
  type ReportQuery,
  type ReportRow,
  type ReportScope,
  type ReportService,
  type RevenueFigures,
  type RevenueReport,
  type VolumeFigures,
  type VolumeReport,
} from './reports/types.js';
export { PostgresReportService, type ReportServiceOptions } from './reports/postgres-report-service.js';
export {
  DATABASE_CHANNEL_ID,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type InquiryNotificationSettings,
  type NotificationKind,
  type NotificationMessage,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationQuery,
  type NotificationService,
  type NotificationStatus,
  type NotificationTemplateOverride,
} from './notifications/types.js';
export { CORE_TEMPLATE_KEYS, CORE_TEMPLATES, type CoreTemplateKey } from './notifications/core-templates.js';
export { NOTIFY_CHANNELS, type NotifyChannel } from './workflow/inquiry/types.js';
export { PostgresNotificationService } from './notifications/postgres-notification-service.js';
export { maskRecipient } from './notifications/preferences.js';
export type { ContributedChannel, NotificationDeps } from './notifications/notification-deps.js';
export {
  NOTIFICATIONS_SUBSCRIBER,
  NOTIFY_APPLICANT_EFFECT,
  notificationsSubscriber,
  notifyApplicantEffect,
} from './notifications/notifications-subscriber.js';
export {
  CREATE_INVOICE_EFFECT,
  PAYMENT_ROLES,
  PostgresPaymentService,
  createInvoiceEffect,
  demoPaymentProvider,
  invoiceOnFilingSubscriber,
  paymentErrors,
  signDemoCallback,
  type CallbackResult,
  type DemoCallbackBody,
  type FeeQuoter,
  type Invoice,
  type InvoiceFilter,
  type InvoicePage,
  type InvoiceStatus,
  type Payment,
  type PaymentMethod,
  type PaymentReceipt,
  type PaymentReceiptLine,
  type PaymentService,
  type PaymentStatus,
  type PostgresPaymentServiceOptions,
  type ProviderCallback,
  type Refund,
  type RefundStatus,
} from './payments/index.js';
