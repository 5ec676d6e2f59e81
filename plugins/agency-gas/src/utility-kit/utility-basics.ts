import type {
  Locale,
  JsonSchema,
  ServiceDefinition,
  TemplateSources,
  WorkflowDefinition,
} from '@darcha/core';
import {
  ADDRESS_FIELD,
  CADASTRE_FIELD,
  PHONE_FIELD,
  informationWorkflow,
  serviceForm,
  stagedWorkflow,
  type DocumentText,
  type ServiceText,
} from '@darcha/service-kit';
import { utilityDocumentTemplate } from './utility-documents.js';
import { ACCOUNT_FIELD, utilityUi } from './utility-form.js';
import { utilityService } from './utility-service.js';

/** The utility-specific parts of the three services every utility offers. */
export interface UtilityBasicsSpec {
  /** The pack's plugin id: `agency-water`. */
  pluginId: string;
  /** Service codes start with it (`water.`); it is also the agency kind. */
  area: string;
  /** The leaf of the classification tree the services sit in: `utilities.water`. */
  category: string;
  connection: ServiceText & {
    /** Working days to issue the technical conditions, then to connect. */
    reviewDays: number;
    connectionDays: number;
    /** What else the utility needs to know (requested power, gas appliances ...). */
    fields: Record<string, JsonSchema>;
    document: Record<Locale, DocumentText>;
  };
  noDebtCertificate: ServiceText & { document: Record<Locale, DocumentText> };
  debtInformation: ServiceText;
}

/** Names of the connection's two steps. */
const CONNECTION_STAGES = {
  technical: {
    names: {
      'uz-Latn': 'Texnik shartlar',
      'uz-Cyrl': 'Техник шартлар',
      ru: 'Технические условия',
      en: 'Technical conditions',
    },
    done: {
      'uz-Latn': 'Texnik shartlar berildi',
      'uz-Cyrl': 'Техник шартлар берилди',
      ru: 'Технические условия выданы',
      en: 'Technical conditions issued',
    },
  },
  connection: {
    names: { 'uz-Latn': 'Ulash', 'uz-Cyrl': 'Улаш', ru: 'Подключение', en: 'Connection' },
    done: { 'uz-Latn': 'Ulandi', 'uz-Cyrl': 'Уланди', ru: 'Подключено', en: 'Connected' },
  },
  check: {
    names: {
      'uz-Latn': 'Hisobni tekshirish',
      'uz-Cyrl': 'Ҳисобни текшириш',
      ru: 'Проверка лицевого счёта',
      en: 'Account check',
    },
    done: {
      'uz-Latn': "Ma'lumotnoma berish",
      'uz-Cyrl': 'Маълумотнома бериш',
      ru: 'Выдать справку',
      en: 'Issue the certificate',
    },
  },
} as const;

const DOCUMENT = {
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 5_000_000,
};

/**
 * The three services every utility pack offers, with their workflows and document templates:
 * - `<area>.connection`: technical conditions, then the connection; the connection act is issued;
 * - `<area>.no-debt-certificate`: the account is checked and the certificate issued;
 * - `<area>.debt-information`: a free consultation (kind `information`) answered at once.
 * Free of charge, all three (services.md: electricity connection "free via the online platform";
 * no-debt certificate *assumed* free; debt information free).
 */
export function utilityBasics(spec: UtilityBasicsSpec): {
  services: ServiceDefinition[];
  workflows: WorkflowDefinition[];
  templates: TemplateSources;
} {
  const { pluginId, area, category } = spec;
  const key = (name: string) => `${pluginId}/${name}`;
  // Free, all three: the electricity connection "free via the online platform" (services.md); the
  // no-debt certificate *assumed* free (services.md); the debt information free; gas and water
  // connections *assumed* free (no source gives a fee).
  const common = { category, fee: { free: true } } as const;
  const text = (t: ServiceText) => ({ names: t.names, descriptions: t.descriptions, keywords: t.keywords });

  const connectionFields = ['applicantType', 'pinfl', 'tin', 'cadastreNumber', 'address', 'phone'];
  const connection = utilityService({
    ...common,
    code: `${area}.connection`,
    ...text(spec.connection),
    form: serviceForm({
      identity: 'either',
      properties: {
        cadastreNumber: CADASTRE_FIELD,
        address: ADDRESS_FIELD,
        phone: PHONE_FIELD,
        ...spec.connection.fields,
      },
      required: ['cadastreNumber', 'address', 'phone', ...Object.keys(spec.connection.fields)],
    }),
    ui: utilityUi([...connectionFields, ...Object.keys(spec.connection.fields)]),
    documents: [
      {
        code: 'ownership-document',
        names: {
          'uz-Latn': 'Mulk huquqini tasdiqlovchi hujjat',
          'uz-Cyrl': 'Мулк ҳуқуқини тасдиқловчи ҳужжат',
          ru: 'Документ, подтверждающий право собственности',
          en: 'Proof of ownership of the property',
        },
        ...DOCUMENT,
      },
    ],
    result: { document: 'connection-act', template: key('connection-act') },
    sla: { unit: 'working_days', value: spec.connection.reviewDays + spec.connection.connectionDays },
    workflow: key('connection'),
  });
  const noDebt = utilityService({
    ...common,
    code: `${area}.no-debt-certificate`,
    ...text(spec.noDebtCertificate),
    form: serviceForm({
      identity: 'either',
      properties: {
        account: ACCOUNT_FIELD,
        phone: PHONE_FIELD,
        purpose: { type: 'string', maxLength: 200 },
      },
      required: ['account', 'phone'],
    }),
    ui: utilityUi(['applicantType', 'pinfl', 'tin', 'account', 'phone', 'purpose']),
    result: { document: 'certificate', template: key('no-debt-certificate') },
    sla: { unit: 'working_days', value: 1 }, // *assumed* 1 working day (services.md)
    workflow: key('no-debt-certificate'),
  });
  const debtInformation = utilityService({
    ...common,
    code: `${area}.debt-information`,
    ...text(spec.debtInformation),
    kind: 'information',
    channels: ['desk', 'online', 'api'],
    form: serviceForm({ properties: { account: ACCOUNT_FIELD, phone: PHONE_FIELD }, required: ['account'] }),
    ui: utilityUi(['account', 'phone']),
    // "Immediate" in services.md; 30 minutes is *assumed* as the desk's target.
    sla: { unit: 'minutes', value: 30 },
    workflow: key('debt-information'),
  });

  const workflows = [
    stagedWorkflow({
      key: key('connection'),
      names: spec.connection.names,
      stages: [
        {
          state: 'technical_conditions',
          workingDays: spec.connection.reviewDays,
          ...CONNECTION_STAGES.technical,
        },
        { state: 'connection', workingDays: spec.connection.connectionDays, ...CONNECTION_STAGES.connection },
      ],
      issues: { template: key('connection-act') },
    }),
    stagedWorkflow({
      key: key('no-debt-certificate'),
      names: spec.noDebtCertificate.names,
      stages: [{ state: 'account_check', workingDays: 1, ...CONNECTION_STAGES.check }],
      issues: { template: key('no-debt-certificate') },
    }),
    informationWorkflow(key('debt-information'), spec.debtInformation.names),
  ];
  const templates: TemplateSources = {
    [key('connection-act')]: utilityDocumentTemplate(spec.connection.document),
    [key('no-debt-certificate')]: utilityDocumentTemplate(spec.noDebtCertificate.document),
  };
  return { services: [connection, noDebt, debtInformation], workflows, templates };
}
