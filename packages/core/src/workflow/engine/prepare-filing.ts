import type { Actor, FileInquiryInput } from '../inquiry/types.js';
import type { PinnedDefinitions } from './definitions-needed.js';
import type { WorkflowEngineOptions } from './engine-types.js';
import type { FilingTarget } from './file-in.js';
import { applicantKey } from './file-in.js';
import { applicationInvalid, filingForbidden, filingRefused } from './workflow.errors.js';

/** A filing checked outside the transaction: the service and its children, and the filer's role. */
export interface PreparedFiling {
  main: FilingTarget;
  children: FilingTarget[];
  role: string;
}

const DESK_ROLES = ['front_office', 'back_office', 'supervisor'];

/** The role the filer files in, by channel. */
export function filingRole(tenantId: string, input: FileInquiryInput, actor: Actor): string {
  const { channel } = input;
  if (actor.kind === 'system') return 'system';
  if (channel === 'desk') {
    const role = DESK_ROLES.find((r) => actor.kind === 'staff' && actor.roles.includes(r));
    if (!role) throw filingForbidden(tenantId, channel, 'only OSS or agency staff file at the desk');
    return role;
  }
  if (channel === 'online') {
    if (actor.kind !== 'citizen')
      throw filingForbidden(tenantId, channel, 'online applications are filed by the citizen');
    const own = applicantKey(input.applicant);
    const representative =
      input.applicant.type === 'legal_entity' ? input.applicant.representative.pinfl : undefined;
    if (
      actor.applicantKey !== undefined &&
      actor.applicantKey !== own &&
      actor.applicantKey !== representative
    ) {
      throw filingForbidden(
        tenantId,
        channel,
        'a citizen files for themselves or for the business they represent',
      );
    }
    return 'citizen';
  }
  if (actor.kind !== 'integration' && actor.kind !== 'staff') {
    throw filingForbidden(tenantId, channel, 'API filings come from an integration');
  }
  return actor.roles[0] ?? 'integration';
}

/**
 * Everything filing checks before its transaction: the tenant offers the service (and each child
 * of a composite), the channel and the applicant type are allowed, the form (and each child's
 * form) is valid in the applicant's language, and the workflow is published.
 */
export async function prepareFiling(
  options: WorkflowEngineOptions,
  definitions: PinnedDefinitions,
  tenantId: string,
  input: FileInquiryInput,
  actor: Actor,
): Promise<PreparedFiling> {
  const role = filingRole(tenantId, input, actor);
  const main = await target(options, definitions, tenantId, input, input.serviceCode, input.formData);
  const children: FilingTarget[] = [];
  for (const code of main.offered.definition.composite?.children ?? []) {
    children.push(await target(options, definitions, tenantId, input, code, input.childForms?.[code] ?? {}));
  }
  return { main, children, role };
}

async function target(
  options: WorkflowEngineOptions,
  definitions: PinnedDefinitions,
  tenantId: string,
  input: FileInquiryInput,
  serviceCode: string,
  formData: Record<string, unknown>,
): Promise<FilingTarget> {
  const offered = await options.catalog.service(tenantId, serviceCode);
  const definition = offered.definition;
  if (!definition.channels.includes(input.channel)) {
    throw filingRefused(
      tenantId,
      serviceCode,
      `it is not offered on the ${input.channel} channel`,
      definition.channels,
    );
  }
  if (!definition.applicantTypes.includes(input.applicant.type)) {
    throw filingRefused(
      tenantId,
      serviceCode,
      `it is not for applicants of type ${input.applicant.type}`,
      definition.applicantTypes,
    );
  }
  const locale = input.locale ?? input.applicant.locale;
  const validation = await options.services.validateApplication(
    serviceCode,
    formData,
    locale,
    offered.version,
  );
  if (!validation.valid) throw applicationInvalid(tenantId, serviceCode, validation.errors);
  const workflow = options.workflows.current(definition.workflow);
  await definitions.rememberService(serviceCode, offered.version);
  return { offered, workflow, formData };
}
