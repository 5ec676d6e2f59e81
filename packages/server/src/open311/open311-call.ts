import type { Locale, Platform, Tenant } from '@darcha/core';
import type { Request } from 'express';
import type { Open311Document } from './open311-document.js';
import type { FormBody } from './open311-filing.js';
import type { Open311Format } from './open311-format.js';
import { resolveJurisdiction } from './open311-jurisdiction.js';
import { localeChain, localeOf } from './open311-locale.js';

/** One call of an Open311 resource, as its handler sees it. */
export interface Open311Call {
  platform: Platform;
  req: Request;
  format: Open311Format;
  /** The `{service_code}`, `{service_request_id}` or `{token}` of the path ('' for lists). */
  id: string;
  /** The query parameters; for a POST, the form body's parameters over them. */
  params: Readonly<Record<string, string | undefined>>;
  /** A POST's form body as parsed (repeated keys as lists); empty for a GET. */
  body: FormBody;
  requestId: string;
}

/** What a handler answers: the document and its status (200 by default). */
export interface Open311Answer {
  status?: number;
  document: Open311Document;
  headers?: Readonly<Record<string, string>>;
}

export type Open311Handler = (call: Open311Call) => Promise<Open311Answer>;

/** The city a call is for, and the languages its names are read in. */
export interface Jurisdiction {
  tenant: Tenant;
  locale: Locale;
  /** The lookup order for localized texts. */
  chain: Locale[];
}

export async function jurisdictionOf(call: Open311Call): Promise<Jurisdiction> {
  const tenant = await resolveJurisdiction(call.platform.tenants, call.params['jurisdiction_id']);
  const locale = localeOf(call.params['locale'], tenant);
  return { tenant, locale, chain: localeChain(locale, tenant.defaultLocale) };
}
