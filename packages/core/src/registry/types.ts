import type { Locale, LocalizedText } from '../i18n/locales.js';

/** What the applicant is. */
export type ApplicantType = 'individual' | 'legal_entity';
/** What kind of request an inquiry is. */
export type InquiryKind = 'service' | 'information' | 'appeal';
/** Where an application may be filed. */
export type Channel = 'desk' | 'online' | 'api';

/** A JSON Schema (draft 2020-12) object, as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** How a form field is shown; keys are the form's property names. */
export interface FieldUiHint {
  widget?:
    'text' | 'textarea' | 'number' | 'select' | 'radio' | 'checkbox' | 'date' | 'phone' | 'file' | 'hidden';
  /** Position in the form, ascending. */
  order?: number;
  placeholder?: LocalizedText;
  help?: LocalizedText;
}

/** A document the applicant must bring or upload. */
export interface RequiredDocument {
  code: string;
  names: LocalizedText;
  /** Accepted media types, checked by content: `application/pdf`, `image/jpeg`, `image/png`. */
  accept: string[];
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  optional?: boolean;
}

/** The service-level agreement: how long the agency has, and how far a city may change it. */
export interface ServiceSla {
  unit: 'working_days' | 'working_hours' | 'minutes';
  value: number;
  /** Bounds a city's catalog override must stay within (inclusive). Without them, no override. */
  min?: number;
  max?: number;
}

/**
 * The fee of a service. The rule itself (fixed sum, BHM multiple, tiers, per unit, discounts) is
 * computed by the fees module; the registry keeps the reference and whether cities may override it.
 */
export interface ServiceFee {
  /** Free services say so explicitly. */
  free: boolean;
  /** The fee rule of a paid service: `core/schedule`, with a `FeeSchedule` as `params` (see `fees/fee-types.ts`). */
  rule?: string;
  /** Parameters of the rule (multiplier, tiers ...), as data. */
  params?: Record<string, unknown>;
  /** Whether a city's catalog entry may override `params`. */
  tenantOverridable?: boolean;
}

/**
 * A service a citizen or business can ask for: published by a plugin, immutable per version.
 *
 * @example
 * {
 *   code: 'gas.no-debt-certificate', version: 1,
 *   names: { 'uz-Latn': "Gaz uchun qarzdorlik yo'qligi haqida ma'lumotnoma", ru: 'Справка об отсутствии задолженности за газ', ... },
 *   category: 'utilities.gas', agencyKind: 'gas', applicantTypes: ['individual', 'legal_entity'],
 *   kind: 'service', channels: ['desk', 'online'],
 *   form: { type: 'object', required: ['account'], properties: { account: { type: 'string', format: 'utility-account' } } },
 *   documents: [], result: { document: 'certificate', template: 'agency-gas/no-debt-certificate' },
 *   fee: { free: true }, sla: { unit: 'working_days', value: 1 }, workflow: 'agency-gas/simple-certificate',
 * }
 */
export interface ServiceDefinition {
  /** Stable code, `<area>.<name>`: lowercase letters, digits, hyphens, one or more dots. */
  code: string;
  /** Positive integer; a changed definition is a new version. */
  version: number;
  names: LocalizedText;
  descriptions?: LocalizedText;
  /** Leaf of the classification tree. */
  category: string;
  /** Kind of agency responsible (`gas`, `tax`, `cadastre` ...); cities map it to one of their agencies. */
  agencyKind: string;
  applicantTypes: ApplicantType[];
  kind: InquiryKind;
  channels: Channel[];
  /** The application form, JSON Schema draft 2020-12 with Darcha's formats (pinfl, tin, ...). */
  form: JsonSchema;
  ui?: Record<string, FieldUiHint>;
  documents: RequiredDocument[];
  result?: { document: string; template?: string };
  fee: ServiceFee;
  sla: ServiceSla;
  /** Key of the workflow definition, `<plugin-id>/<name>`. */
  workflow: string;
  flags?: { proactive?: boolean; composite?: boolean };
  /**
   * A life-event application (`flags.composite`): filing it files one child inquiry per service in
   * `children`, each at its own agency; the parent runs the `core/composite` workflow and completes
   * when every child is closed. `onChildRejected`: `reject` (default) rejects the parent as soon as a
   * child is rejected; `continue` waits for all and completes the parent if any child completed.
   */
  composite?: { children: string[]; onChildRejected?: 'reject' | 'continue' };
  /** Words citizens use for it, per locale, to help search. */
  keywords?: Partial<Record<Locale, string[]>>;
}

/** A node of the classification tree. Ids are dotted paths: `utilities`, `utilities.gas`. */
export interface ServiceCategory {
  id: string;
  /** Parent category id; absent for a root. */
  parent?: string;
  names: LocalizedText;
  order?: number;
}

/** A published service version, with the plugin that published it. */
export interface PublishedService {
  pluginId: string;
  definition: ServiceDefinition;
  publishedAt: Date;
}

/** A city's decision about one service: offered or not, through which agency, with what overrides. */
export interface CatalogEntryInput {
  serviceCode: string;
  offered: boolean;
  /** Code of one of the tenant's agencies. */
  agencyCode?: string | null;
  overrides?: CatalogOverrides;
}

/** A tenant's own catalog entry as stored (entries inherited from ancestors are not among them). */
export interface CatalogEntry {
  serviceCode: string;
  offered: boolean;
  agencyCode: string | null;
  overrides: CatalogOverrides;
}

export interface CatalogOverrides {
  names?: LocalizedText;
  /** Within the service's `sla.min` / `sla.max`. */
  slaValue?: number;
  /** Only when the service's fee is `tenantOverridable`. */
  feeParams?: Record<string, unknown>;
}

/** A service as one tenant offers it: the current definition with the tenant's overrides applied. */
export interface CatalogService {
  serviceCode: string;
  version: number;
  definition: ServiceDefinition;
  names: LocalizedText;
  sla: ServiceSla;
  fee: ServiceFee;
  agencyCode: string | null;
  /** The tenant whose entry this is: the tenant itself, or the ancestor it inherits from. */
  source: string;
}

/** Filters of a catalog search. */
export interface CatalogQuery {
  /** Free text, matched in all four locales; Latin and Cyrillic Uzbek find the same services. */
  text?: string;
  /** A category; its subcategories are included. */
  category?: string;
  agencyCode?: string;
  applicantType?: ApplicantType;
  kind?: InquiryKind;
  channel?: Channel;
}

/** One invalid field of an application, with a message in the requested locale. */
export interface ApplicationFieldError {
  /** JSON pointer of the field: `/applicant/pinfl`. */
  field: string;
  /** The ajv keyword that failed: `required`, `format`, `pattern` ... */
  keyword: string;
  message: string;
}

export interface ApplicationValidationResult {
  valid: boolean;
  errors: ApplicationFieldError[];
}
