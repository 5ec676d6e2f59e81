import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ReadCache } from '../cache/read-cache.js';
import { PREPARED } from '../db/session-client.js';
import type { TenantTransaction } from '../db/types.js';
import { isLocale, LOCALES, type Locale } from '../i18n/locales.js';
import { CORE_TEMPLATE_KEYS, isCoreTemplateKey, SAMPLE_TEMPLATE_DATA } from './core-templates.js';
import type { MessageRenderer } from './message-renderer.js';
import { notificationErrors } from './notifications.errors.js';
import type { NotificationTemplateOverride } from './types.js';

interface OverrideRow {
  template: string;
  locale: string;
  subject: string | null;
  body: string;
  updated_by: string;
  updated_at: Date;
}

const COLUMNS = ['template', 'locale', 'subject', 'body', 'updated_by', 'updated_at'];

/** A tenant's own text of a core template in one locale. */
export type OverrideText = { subject: string | null; body: string };

/** A tenant's text of a core template in one locale, read in the caller's transaction. */
export async function readOverride(
  trx: TenantTransaction,
  tenantId: string,
  template: string,
  locale: Locale,
): Promise<OverrideText | undefined> {
  return (await trx('notification_templates')
    .where({ tenant_id: tenantId, template, locale })
    .first('subject', 'body')
    .options(PREPARED)) as OverrideText | undefined; // read for every message
}

/**
 * Tenants' own texts of core message templates (`notification_templates`), per template and locale.
 * A text is checked before it is saved by rendering it, strictly, with sample data: a field core does
 * not provide (`{{trackingNo}}`) or a syntax error is refused with `DARCHA_NOTIFICATION_TEMPLATE_INVALID`.
 */
export class TemplateOverrideStore {
  readonly #db: Database;
  readonly #renderer: MessageRenderer;
  /** The texts messages are rendered from, by tenant, template and locale (see ReadCache). */
  readonly #texts = new ReadCache<OverrideText | undefined>();

  constructor(db: Database, renderer: MessageRenderer) {
    this.#db = db;
    this.#renderer = renderer;
  }

  /**
   * The tenant's text of a core template in one locale, or undefined for core's own: read in the
   * caller's transaction, and kept for 5 s (every message reads it; a change made through this
   * process applies at once, one made by another process within 5 s).
   */
  text(
    trx: TenantTransaction,
    tenantId: string,
    template: string,
    locale: Locale,
  ): Promise<OverrideText | undefined> {
    return this.#texts.read(`${tenantId}\u0000${template}\u0000${locale}`, () =>
      readOverride(trx, tenantId, template, locale),
    );
  }

  async list(tenantId: string): Promise<NotificationTemplateOverride[]> {
    const rows = (await this.#db.withTenant(tenantId, (trx) =>
      trx('notification_templates')
        .where({ tenant_id: tenantId })
        .orderBy(['template', 'locale'])
        .select(COLUMNS),
    )) as OverrideRow[];
    return rows.map(toOverride);
  }

  async set(
    tenantId: string,
    input: { template: string; locale: Locale; subject?: string | null; body: string },
    actor: string,
  ): Promise<NotificationTemplateOverride> {
    const { template, locale } = input;
    if (typeof template !== 'string' || !isCoreTemplateKey(template)) {
      throw notificationErrors.templateUnknown(tenantId, String(template), CORE_TEMPLATE_KEYS);
    }
    if (!isLocale(locale)) {
      throw notificationErrors.templateInvalid(
        template,
        String(locale),
        `tenant "${tenantId}"`,
        `the locale is not one of ${LOCALES.join(', ')}`,
      );
    }
    const subject =
      typeof input.subject === 'string' && input.subject.trim() !== '' ? input.subject.trim() : null;
    const body = typeof input.body === 'string' ? input.body.trim() : '';
    const origin = { key: template, locale, from: `tenant "${tenantId}"`, strict: true };
    if (body === '')
      throw notificationErrors.templateInvalid(template, locale, origin.from, 'the body is empty');
    if (subject !== null && subject.length > 300) {
      throw notificationErrors.templateInvalid(
        template,
        locale,
        origin.from,
        'the subject is longer than 300 characters',
      );
    }
    this.#renderer.render(body, SAMPLE_TEMPLATE_DATA, origin);
    if (subject !== null) this.#renderer.render(subject, SAMPLE_TEMPLATE_DATA, origin);
    const row = await this.#texts.afterWrite(
      this.#db.withTenant(tenantId, async (trx) => {
        const [saved] = (await trx('notification_templates')
          .insert({
            tenant_id: tenantId,
            template,
            locale,
            subject,
            body,
            updated_by: actor,
            updated_at: trx.fn.now(),
          })
          .onConflict(['tenant_id', 'template', 'locale'])
          .merge(['subject', 'body', 'updated_by', 'updated_at'])
          .returning(COLUMNS)) as OverrideRow[];
        await appendAudit(trx, tenantId, {
          actor,
          action: 'notification.template-override',
          subjectType: 'notification_template',
          subjectId: `${template}:${locale}`,
          details: { template, locale },
        });
        return saved!;
      }),
    );
    return toOverride(row);
  }

  async remove(tenantId: string, template: string, locale: Locale, actor: string): Promise<void> {
    await this.#texts.afterWrite(
      this.#db.withTenant(tenantId, async (trx) => {
        const removed = await trx('notification_templates')
          .where({ tenant_id: tenantId, template: String(template), locale: String(locale) })
          .delete();
        if (removed === 0)
          throw notificationErrors.overrideNotFound(tenantId, String(template), String(locale));
        await appendAudit(trx, tenantId, {
          actor,
          action: 'notification.template-reset',
          subjectType: 'notification_template',
          subjectId: `${template}:${locale}`,
          details: { template, locale },
        });
      }),
    );
  }
}

function toOverride(row: OverrideRow): NotificationTemplateOverride {
  return {
    template: row.template,
    locale: row.locale as Locale,
    subject: row.subject,
    body: row.body,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
