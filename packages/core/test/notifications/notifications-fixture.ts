import { createLogger } from '../../src/logging/logger.js';
import type { ContributedChannel } from '../../src/notifications/notification-deps.js';
import {
  NOTIFY_APPLICANT_EFFECT,
  notificationsSubscriber,
  notifyApplicantEffect,
} from '../../src/notifications/notifications-subscriber.js';
import { PostgresNotificationService } from '../../src/notifications/postgres-notification-service.js';
import { ContributionRegistry } from '../../src/plugins/contribution-registry.js';
import type { NotificationChannel } from '../../src/plugins/contributions.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import { effectsSubscriber } from '../../src/workflow/engine/effects-subscriber.js';
import { OutboxDispatcher } from '../../src/workflow/outbox/outbox-dispatcher.js';
import { openEngineFixture, type EngineFixture } from '../workflow/engine/engine-fixture.js';

/** A channel that keeps what it was given and fails the next `failures` calls. */
export class RecordingChannel implements NotificationChannel {
  readonly sent: { tenantId: string; to: string; locale: string; subject?: string; text: string }[] = [];
  calls = 0;
  failures = 0;
  /** How long each send takes. */
  delayMs = 0;

  constructor(
    readonly id: string,
    readonly kind: 'sms' | 'email',
  ) {}

  async send(message: { tenantId: string; to: string; locale: string; subject?: string; text: string }) {
    this.calls += 1;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('provider unreachable');
    }
    this.sent.push(message);
  }
}

export interface NotificationsFixture extends EngineFixture {
  notifications: PostgresNotificationService;
  dispatcher: OutboxDispatcher;
  /** Plugin channels offered to the service; empty: the built-in database channel. */
  channels: ContributedChannel[];
  /** Plugins enabled per tenant (`<tenant>:<plugin>`); every plugin when undefined. */
  enabled: Set<string> | undefined;
  /** Where plugin templates come from (the `agency-gas` plugin with `agency-gas/rejected`). */
  contributions: ContributionRegistry;
  /** Runs the dispatcher until no event is due (at most `passes` times). */
  drain(passes?: number): Promise<void>;
}

/** The engine fixture with a notification service, its subscriber and effect, and a dispatcher. */
export async function openNotificationsFixture(): Promise<NotificationsFixture> {
  const fixture = await openEngineFixture();
  const templates = new ContributionRegistry();
  templates.add(
    definePlugin({
      id: 'agency-gas',
      version: '1.0.0',
      kind: 'agency',
      engines: { darcha: '^1.0.0' },
      templates: {
        'agency-gas/rejected': {
          ru: 'Subject: Отказ по заявке {{trackingNumber}}\nЗаявка {{trackingNumber}} отклонена: {{reason}}.',
          en: 'Application {{trackingNumber}} was rejected: {{reason}}.',
        },
      },
    }),
  );
  const state: Pick<NotificationsFixture, 'channels' | 'enabled'> = { channels: [], enabled: undefined };
  const notifications = new PostgresNotificationService({
    db: fixture.db,
    logger: createLogger({ level: 'silent' }),
    tenants: new PostgresTenantRegistry(fixture.db),
    services: fixture.services,
    inquiries: fixture.engine,
    workflows: fixture.workflows,
    templates,
    channels: () => state.channels,
    isEnabled: async (tenantId, pluginId) => state.enabled?.has(`${tenantId}:${pluginId}`) ?? true,
    clock: fixture.clock.read,
  });
  const coreEffects = new Map([[NOTIFY_APPLICANT_EFFECT, notifyApplicantEffect(notifications)]]);
  const dispatcher = new OutboxDispatcher({
    db: fixture.db,
    logger: createLogger({ level: 'silent' }),
    tenantIds: async () => ['chirchik', 'djizak'],
    subscribers: () => [
      notificationsSubscriber(notifications),
      effectsSubscriber({ engine: fixture.engine, contributions: templates, coreEffects }),
    ],
    backoff: () => 0,
    maxAttempts: 10,
  });
  const result: NotificationsFixture = {
    ...fixture,
    notifications,
    dispatcher,
    contributions: templates,
    get channels() {
      return state.channels;
    },
    set channels(value) {
      state.channels = value;
    },
    get enabled() {
      return state.enabled;
    },
    set enabled(value) {
      state.enabled = value;
    },
    async drain(passes = 5) {
      for (let pass = 0; pass < passes; pass += 1) {
        const run = await dispatcher.runOnce();
        if (run.delivered + run.failed + run.dead === 0) return;
      }
    },
  };
  return result;
}
