import type { LocalizedText, Locale } from '../i18n/locales.js';
import type { Logger } from '../logging/logger.js';

/**
 * Contributions a plugin may make besides services and categories. Each kind is collected into a
 * registry the platform reads: the server mounts routes, the admin UI lists pages and widgets, the
 * workflow engine resolves guards and effects, the outbox dispatcher calls event handlers.
 */

/** A workflow definition as data; the workflow engine validates it when it is published. */
export type WorkflowDefinitionData = { key: string; version: number; [key: string]: unknown };

/** A named guard: may the transition happen? Resolved by name `<plugin-id>/<name>`. */
export type GuardFunction = (input: {
  tenantId: string;
  inquiry: unknown;
  data?: unknown;
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

/** A notification channel (SMS, email ...). */
export interface NotificationChannel {
  id: string;
  send(message: {
    tenantId: string;
    to: string;
    locale: Locale;
    subject?: string;
    text: string;
  }): Promise<void>;
}

/** A payment provider; the payments module drives it. */
export interface PaymentProvider {
  id: string;
  names: LocalizedText;
  start(input: {
    tenantId: string;
    invoiceId: string;
    amount: number;
    currency: 'UZS';
  }): Promise<{ redirectUrl?: string; reference: string }>;
  verify(input: {
    tenantId: string;
    reference: string;
    payload: unknown;
  }): Promise<{ paid: boolean; amount: number }>;
}

/** Handles a domain event delivered from the outbox (at least once: be idempotent). */
export type EventHandler = (event: {
  type: string;
  tenantId: string;
  payload: unknown;
  id: string;
}) => Promise<void>;
