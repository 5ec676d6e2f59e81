import type { Database } from '../db/database.js';
import type { Locale } from '../i18n/locales.js';
import type { Logger } from '../logging/logger.js';
import type { NotificationChannel } from '../plugins/contributions.js';
import type { ServiceDefinition } from '../registry/types.js';
import type { Tenant } from '../tenancy/types.js';
import type { WorkflowTransition } from '../workflow/definition/types.js';
import type { Inquiry } from '../workflow/inquiry/types.js';

/** A channel an active plugin contributes, with that plugin's id (channels follow its enablement). */
export interface ContributedChannel {
  pluginId: string;
  channel: NotificationChannel;
}

/** What the notifications module needs from the rest of the platform. */
export interface NotificationDeps {
  db: Database;
  logger: Logger;
  /** The tenant's names and default locale (for the city's name and sign-in codes). */
  tenants: { find(id: string): Promise<Tenant | undefined> };
  /** The service's names, for `{{service}}`. */
  services: { get(code: string, version?: number): Promise<ServiceDefinition> };
  /** Reads an inquiry (the workflow engine). */
  inquiries: { get(tenantId: string, inquiryId: string): Promise<Inquiry> };
  /**
   * The pinned workflow, to see whether a transition sends its own message (`core/notify-applicant`),
   * in which case core's default message for it is not sent. Without it, both are sent.
   */
  workflows?: {
    fetch(
      key: string,
      version: number,
    ): Promise<{ transition(state: string, action: string): WorkflowTransition | undefined }>;
  };
  /** Plugin templates for `core/notify-applicant` (the contribution registry). */
  templates: { template(key: string, locale: Locale): string | undefined };
  /** Channels of the active plugins, read at each send. */
  channels: () => readonly ContributedChannel[];
  /** Whether a plugin is enabled for the tenant; without it, every active plugin's channel is. */
  isEnabled?: (tenantId: string, pluginId: string) => Promise<boolean>;
  clock: () => Date;
}
