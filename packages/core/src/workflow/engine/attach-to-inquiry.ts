import type { AttachmentService } from '../../files/attachment-service.js';
import type { Attachment, AttachInput } from '../../files/attachment-types.js';
import type { WorkflowEngine } from './workflow-engine.js';

/**
 * Attaches a file to an inquiry under the limits of the service version the inquiry is pinned to
 * (its `documents`: codes, accepted types checked by content, sizes), so that callers never pass a
 * service's documents by hand. Another tenant's inquiry is not found.
 *
 * @example
 * const scan = await attachToInquiry(platform.engine, platform.attachments, 'chirchik', {
 *   inquiryId, documentCode: 'technical-passport', fileName: 'passport.pdf', bytes, uploadedBy: actor.id,
 * });
 * await platform.engine.transition('chirchik', inquiryId, { action: 'submit_documents', expectedVersion, documents: [scan.id] }, actor);
 */
export async function attachToInquiry(
  engine: WorkflowEngine,
  attachments: AttachmentService,
  tenantId: string,
  input: AttachInput,
): Promise<Attachment> {
  const inquiry = await engine.get(tenantId, input.inquiryId);
  const service = await engine.definitions.rememberService(inquiry.serviceCode, inquiry.serviceVersion);
  return attachments.attach(tenantId, input, service.documents);
}
