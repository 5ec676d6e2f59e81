import type { TenantTransaction } from '../db/types.js';
import type { LocalizedText, Locale } from '../i18n/locales.js';
import type { Logger } from '../logging/logger.js';

/**
 * Contributions a plugin may make besides services and categories. Each kind is collected into a
 * registry the platform reads: the server mounts routes, the admin UI lists pages and widgets, the
 * workflow engine resolves guards and effects, the outbox dispatcher calls event handlers.
 */

/** A workflow definition as data; the workflow engine validates it when it is published. */
export type WorkflowDefinitionData = { key: string; version: number; [key: string]: unknown };

/** Runs `work` in a new transaction bound to one tenant (row-level security admits only its rows). */
export type WithTenant = <T>(work: (trx: TenantTransaction) => Promise<T>) => Promise<T>;

/**
 * A named guard: may the transition happen? Resolved by name `<plugin-id>/<name>`. `trx` is the
 * transition's own transaction (bound to the tenant): what the guard reads is what the transition
 * commits against, and anything it writes commits or rolls back with the transition.
 */
export type GuardFunction = (input: {
  tenantId: string;
  inquiry: unknown;
  data?: unknown;
  trx: TenantTransaction;
}) => boolean | Promise<boolean>;

/** A named effect run after a transition commits (issue a certificate, notify ...). */
export type EffectFunction = (input: {
  tenantId: string;
  inquiry: unknown;
  data?: unknown;
}) => void | Promise<void>;

/** Handlebars templates per locale: `{ 'agency-gas/no-debt-certificate': { 'uz-Latn': '...', ru: '...' } }`. */
export type TemplateSources = Record<string, Partial<Record<Locale, string>>>;

/** Handlebars helpers, named `<plugin-id>/<name>`. */
export type TemplateHelper = (...args: unknown[]) => unknown;

/** Message catalogs per locale: flat keys to text. */
export type Translations = Partial<Record<Locale, Record<string, string>>>;

/** An HTTP route the server mounts under `/api/v1/plugins/<plugin-id>`; JSON in, JSON out. */
export interface PluginRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the plugin's prefix, express style: `/tariffs/:code`. */
  path: string;
  /** Roles allowed to call it; `public` for anyone. The server enforces this in its policy layer. */
  roles: string[];
  handler: (request: PluginRouteRequest) => Promise<PluginRouteResponse>;
}

export interface PluginRouteRequest {
  tenantId: string;
  /** Transactions bound to the request's tenant: the plugin's own tables, under row-level security. */
  withTenant: WithTenant;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  userId?: string;
  logger: Logger;
}

export interface PluginRouteResponse {
  status?: number;
  body?: unknown;
}

/** A page of the staff admin UI. */
export interface AdminPage {
  id: string;
  title: LocalizedText;
  /** Path below `/admin/plugins/<plugin-id>`. */
  path: string;
  roles: string[];
  /** Handlebars template key that renders the page. */
  template: string;
}

/** A dashboard widget of the admin UI. */
export interface DashboardWidget {
  id: string;
  title: LocalizedText;
  roles: string[];
  template: string;
}

/**
 * A notification channel: sends SMS or email through a provider. Core picks, per message, the first
 * channel of the message's `kind` among the active plugins enabled for the tenant; without one the
 * message is only recorded (built-in `database` channel). `send` resolves once the provider accepted
 * the message and throws to have it retried (the outbox retries with backoff; a message is never
 * sent again once `send` resolved for it).
 *
 * @example
 * notificationChannels: [{
 *   id: 'sms-eskiz',
 *   kind: 'sms',
 *   send: async ({ to, text }) => { await eskiz.send(to, text); },
 * }],
 */
export interface NotificationChannel {
  /** Unique among channels; recorded on each message it sent. */
  id: string;
  /** What it delivers: `sms` to a phone number (`+998XXXXXXXXX`), `email` to an address. */
  kind: 'sms' | 'email';
  send(message: {
    tenantId: string;
    /** A phone number or an email address, by `kind`. */
    to: string;
    locale: Locale;
    /** Emails only. */
    subject?: string;
    /** Plain text, not HTML. */
    text: string;
  }): Promise<void>;
}

/**
 * A payment provider (a bank's or a payment system's online checkout); the payments module drives
 * it. `start` opens a payment at the provider and returns the provider's reference for it (unique
 * per provider within the tenant) and, usually, the URL to send the payer to. The provider later
 * calls back `POST /t/<tenant>/api/v1/payment-callbacks/<id>`; `verify` receives that callback as
 * it came (the parsed body, the raw body and the headers), checks its authenticity (a signature
 * with the provider's secret) and says which payment it is about, whether it is paid and the amount
 * paid. Return `null` when the callback is not authentic: the payments module refuses it and audits
 * it. A thrown error is a provider failure (the callback is answered 503 and retried by the provider).
 * The payments module never pays twice for one reference and refuses an amount that differs from
 * the payment it started.
 *
 * @example
 * paymentProviders: [{
 *   id: 'click',
 *   names: { 'uz-Latn': 'Click', 'uz-Cyrl': 'Click', ru: 'Click', en: 'Click' },
 *   start: async ({ paymentId, amount }) => {
 *     const { id, url } = await click.createInvoice({ merchantTransId: paymentId, amount });
 *     return { reference: id, redirectUrl: url };
 *   },
 *   verify: async ({ body, headers }) =>
 *     click.signatureValid(body, headers['x-signature'])
 *       ? { reference: body.id, paid: body.status === 'paid', amount: body.amount }
 *       : null,
 * }],
 */
export interface PaymentProvider {
  /** Unique among providers (`/^[a-z][a-z0-9-]*$/`); part of the callback URL. */
  id: string;
  names: LocalizedText;
  start(input: {
    tenantId: string;
    /** The payment's id in Darcha (a good merchant transaction id). */
    paymentId: string;
    invoiceId: string;
    inquiryId: string;
    /** Integer soums. */
    amount: number;
    currency: 'UZS';
    /** What is paid for, for the provider's page: the tracking number and the service. */
    description: string;
  }): Promise<{ reference: string; redirectUrl?: string }>;
  verify(input: {
    tenantId: string;
    /** The callback's body as parsed by the server (the callback route takes JSON). */
    body: unknown;
    /** The raw body as received, when the server kept it (signatures over bytes; not kept yet). */
    rawBody?: string;
    /** Request headers, lower-case names. */
    headers: Record<string, string>;
  }): Promise<{ reference: string; paid: boolean; amount: number } | null>;
}

/**
 * Handles a domain event delivered from the outbox (at least once: be idempotent). `withTenant` runs
 * work in a transaction bound to the event's tenant.
 */
export type EventHandler = (event: {
  type: string;
  tenantId: string;
  payload: unknown;
  id: string;
  withTenant: WithTenant;
}) => Promise<void>;
