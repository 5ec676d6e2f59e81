import { isDarchaError, type Inquiry, type Platform, type Principal } from '@darcha/core';
import type { Request } from 'express';
import { actorOf, assertVisible } from '../actor-of.js';
import { HttpError } from '../http-errors.js';
import { readUpload } from '../multipart-upload.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { idParams, uuid } from '../schemas.js';

export const ATTACHMENT = {
  type: 'object',
  properties: {
    id: uuid,
    inquiryId: uuid,
    documentCode: { type: 'string' },
    fileName: { type: 'string' },
    mediaType: { type: 'string' },
    sizeBytes: { type: 'integer' },
    sha256: { type: 'string' },
    uploadedBy: { type: 'string' },
    uploadedAt: { type: 'string', format: 'date-time' },
  },
};

export const UPLOAD_BODY = objectSchema(
  {
    documentCode: {
      type: 'string',
      description: 'Which of the service’s documents this is; send it before the file.',
    },
    file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The file.' },
  },
  ['documentCode', 'file'],
);

/**
 * Stores one uploaded file as an attachment of `inquiry`: the service version the inquiry is pinned
 * to says which documents it takes, how large and of which types (checked by content).
 */
export async function uploadAttachment(
  platform: Platform,
  tenantId: string,
  inquiry: Inquiry,
  req: Request,
  principal: Principal | undefined,
) {
  const service = await platform.services.get(inquiry.serviceCode, inquiry.serviceVersion);
  const maxBytes = Math.max(1, ...service.documents.map((d) => d.maxBytes));
  return readUpload(req, { maxBytes, fields: ['documentCode'] }, async (file) => {
    try {
      return await platform.attachments.attach(
        tenantId,
        {
          inquiryId: inquiry.id,
          documentCode: file.fields['documentCode'] ?? '',
          fileName: file.fileName,
          bytes: file.stream,
          uploadedBy: actorOf(principal).id,
        },
        service.documents,
        { beforeRecord: () => file.complete },
      );
    } catch (error) {
      if (isDarchaError(error, 'DARCHA_ATTACHMENT_TOO_LARGE')) {
        throw new HttpError(413, {
          code: 'DARCHA_ATTACHMENT_TOO_LARGE',
          kind: error.kind,
          message: error.message,
          hint: error.hint,
          details: { ...error.details },
        });
      }
      throw error;
    }
  });
}

export const attachmentRoutes: AnyRoute[] = [
  defineRoute<{ id: string }>({
    method: 'get',
    path: '/inquiries/:id/attachments',
    operationId: 'listAttachments',
    summary: 'List an inquiry’s attachments',
    tag: 'Attachments',
    scope: 'tenant',
    access: { staff: ['*'], apiKey: true },
    schemas: {
      params: idParams,
      responses: {
        200: {
          description: 'Attachments, oldest first.',
          schema: { type: 'object', properties: { items: { type: 'array', items: ATTACHMENT } } },
        },
      },
    },
    async handler({ platform, tenantId, params, principal }) {
      const inquiry = await platform.engine.get(tenantId, params.id);
      assertVisible(principal, inquiry, tenantId);
      return { body: { items: await platform.attachments.list(tenantId, inquiry.id) } };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'post',
    path: '/inquiries/:id/attachments',
    operationId: 'uploadAttachment',
    summary: 'Attach a document to an inquiry',
    description:
      'multipart/form-data: the documentCode field, then one file part. Size and type limits come from the service ' +
      '(the type is detected from the bytes, not the name); a file over the limit is refused with 413.',
    tag: 'Attachments',
    scope: 'tenant',
    // Read-only roles (cashier, auditor) see documents but add none.
    access: { staff: ['front_office', 'back_office', 'supervisor', 'city_admin'], apiKey: true },
    bodyType: 'multipart',
    schemas: {
      params: idParams,
      body: UPLOAD_BODY,
      responses: {
        201: { description: 'Stored.', schema: ATTACHMENT },
        413: { description: 'The file is too large.' },
      },
    },
    async handler({ platform, tenantId, params, principal, req }) {
      const inquiry = await platform.engine.get(tenantId, params.id);
      assertVisible(principal, inquiry, tenantId);
      const attachment = await uploadAttachment(platform, tenantId, inquiry, req, principal);
      return {
        status: 201,
        headers: { Location: `/api/v1/inquiries/${inquiry.id}/attachments/${attachment.id}` },
        body: attachment,
      };
    },
  }),

  defineRoute<{ id: string; attachmentId: string }>({
    method: 'get',
    path: '/inquiries/:id/attachments/:attachmentId',
    operationId: 'downloadAttachment',
    summary: 'Download an attachment',
    tag: 'Attachments',
    scope: 'tenant',
    access: { staff: ['*'], apiKey: true },
    schemas: {
      params: objectSchema({ id: uuid, attachmentId: uuid }, ['id', 'attachmentId']),
      responses: {
        200: {
          description: 'The file’s bytes.',
          schema: { type: 'string', contentMediaType: 'application/octet-stream' },
          contentType: 'application/octet-stream',
        },
      },
    },
    async handler({ platform, tenantId, params, principal, res }) {
      const inquiry = await platform.engine.get(tenantId, params.id);
      assertVisible(principal, inquiry, tenantId);
      const { attachment, stream } = await platform.attachments.openStream(tenantId, params.attachmentId);
      if (attachment.inquiryId !== inquiry.id) {
        stream.destroy();
        await platform.attachments.get(tenantId, '00000000-0000-0000-0000-000000000000');
      }
      res.setHeader('Content-Type', attachment.mediaType);
      res.setHeader('Content-Length', String(attachment.sizeBytes));
      res.setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      );
      res.setHeader('X-Content-Type-Options', 'nosniff');
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        res.on('finish', resolve);
        res.on('close', resolve);
        stream.pipe(res);
      });
      return {};
    },
  }),
];
