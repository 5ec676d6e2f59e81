import type { DocumentBrandingInput, IssuedDocument, Locale, Platform, Principal } from '@darcha/core';
import { documentErrors } from '@darcha/core';
import {
  BRANDING,
  BRANDING_BODY,
  CODE_PARAMS,
  DOCUMENT_LIST,
  HTML_PAGE,
  ISSUED_DOCUMENT,
  REVOCATION_BODY,
  TEMPLATE_BODY,
  TEMPLATE_OVERRIDE,
  TEMPLATE_PARAMS,
  VERIFICATION,
} from '../../documents/document-schemas.js';
import { sendHtml } from '../../documents/html-response.js';
import { actorOf, assertVisible, canSee } from '../actor-of.js';
import { ADMIN_ACCESS } from '../admin-access.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { idParams, trackingNumber, uuid } from '../schemas.js';

const TAG = 'Documents';

/** Who sees issued documents: staff who see the inquiry, integrations, platform admins. */
const READERS = { staff: ['*'], apiKey: true, platform: true } as const;

/** A document the caller may see (one of an inquiry they may see); others do not exist for them. */
async function visibleDocument(
  platform: Platform,
  tenantId: string,
  documentId: string,
  principal: Principal | undefined,
): Promise<IssuedDocument> {
  const document = await platform.documents.get(tenantId, documentId);
  const inquiry = await platform.engine.get(tenantId, document.inquiryId);
  if (!canSee(principal, inquiry)) throw documentErrors.notFound(tenantId, documentId);
  return document;
}

/** The citizen's inquiry (proved with the receipt's code). */
function citizenInquiryId(principal: Principal | undefined): string {
  const id = principal?.kind === 'citizen' ? principal.inquiryIds[0] : undefined;
  if (id === undefined) throw new Error('citizen route reached without a citizen principal');
  return id;
}

/** Routes of issued documents, their verification and revocation, branding and template overrides. */
export const documentRoutes: AnyRoute[] = [
  defineRoute<{ id: string }>({
    method: 'get',
    path: '/inquiries/:id/documents',
    operationId: 'listInquiryDocuments',
    summary: 'List the documents issued for an inquiry',
    tag: TAG,
    scope: 'tenant',
    access: READERS,
    schemas: {
      params: idParams,
      responses: { 200: { description: 'Oldest first.', schema: DOCUMENT_LIST } },
    },
    async handler({ platform, tenantId, params, principal }) {
      const inquiry = await platform.engine.get(tenantId, params.id);
      assertVisible(principal, inquiry, tenantId);
      return { body: { items: await platform.documents.listForInquiry(tenantId, inquiry.id) } };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/documents/:id',
    operationId: 'getDocument',
    summary: 'Read an issued document',
    tag: TAG,
    scope: 'tenant',
    access: READERS,
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The document.', schema: ISSUED_DOCUMENT } },
    },
    async handler({ platform, tenantId, params, principal }) {
      return { body: await visibleDocument(platform, tenantId, params.id, principal) };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/documents/:id/html',
    operationId: 'getDocumentHtml',
    summary: 'Print an issued document',
    description: 'The page as it was issued: A4 print CSS, branding, QR code, serial and verification code.',
    tag: TAG,
    scope: 'tenant',
    access: READERS,
    schemas: { params: idParams, responses: { 200: HTML_PAGE } },
    async handler({ platform, tenantId, params, principal, res }) {
      await visibleDocument(platform, tenantId, params.id, principal);
      sendHtml(res, await platform.documents.html(tenantId, params.id));
      return {};
    },
  }),

  defineRoute<{ trackingNumber: string }>({
    method: 'get',
    path: '/track/:trackingNumber/documents',
    operationId: 'citizenDocuments',
    summary: 'List the documents issued for the citizen’s inquiry',
    description: 'The tracking number in the path and the receipt’s access code in X-Access-Code.',
    tag: TAG,
    scope: 'tenant',
    access: { citizen: true },
    schemas: {
      params: objectSchema({ trackingNumber }, ['trackingNumber']),
      responses: { 200: { description: 'Oldest first.', schema: DOCUMENT_LIST } },
    },
    async handler({ platform, tenantId, principal }) {
      return {
        body: { items: await platform.documents.listForInquiry(tenantId, citizenInquiryId(principal)) },
      };
    },
  }),

  defineRoute<{ trackingNumber: string; documentId: string }>({
    method: 'get',
    path: '/track/:trackingNumber/documents/:documentId/html',
    operationId: 'citizenDocumentHtml',
    summary: 'Print a document issued for the citizen’s inquiry',
    tag: TAG,
    scope: 'tenant',
    access: { citizen: true },
    schemas: {
      params: objectSchema({ trackingNumber, documentId: uuid }, ['trackingNumber', 'documentId']),
      responses: { 200: HTML_PAGE },
    },
    async handler({ platform, tenantId, params, principal, res }) {
      const document = await platform.documents.get(tenantId, params.documentId);
      if (document.inquiryId !== citizenInquiryId(principal)) {
        throw documentErrors.notFound(tenantId, params.documentId);
      }
      sendHtml(res, await platform.documents.html(tenantId, document.id));
      return {};
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, { reason: string }>({
    method: 'post',
    path: '/documents/:id/revocation',
    operationId: 'revokeDocument',
    summary: 'Revoke an issued document',
    description:
      'Final: the verify page shows the document as revoked, with the reason. A second revocation is refused ' +
      '(409 DARCHA_DOCUMENT_ALREADY_REVOKED). Audited.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: ['supervisor', 'city_admin'], platform: true },
    schemas: {
      params: idParams,
      body: REVOCATION_BODY,
      responses: { 200: { description: 'The revoked document.', schema: ISSUED_DOCUMENT } },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      await visibleDocument(platform, tenantId, params.id, principal);
      return {
        body: await platform.documents.revoke(tenantId, params.id, body.reason, actorOf(principal).id),
      };
    },
  }),

  defineRoute<{ code: string }>({
    method: 'get',
    path: '/document-verifications/:code',
    operationId: 'verifyDocument',
    summary: 'Verify a document by its code',
    description:
      'Public. The tenant from the /t/<tenant> prefix (or host); the code as printed (case and dashes do not ' +
      'matter). Answers validity, document type, issue date and the holder’s initials, nothing more; an unknown ' +
      'code is 404 DARCHA_DOCUMENT_VERIFICATION_NOT_FOUND.',
    tag: TAG,
    scope: 'tenant',
    access: { anyone: true },
    schemas: {
      params: CODE_PARAMS,
      responses: { 200: { description: 'What the code proves.', schema: VERIFICATION } },
    },
    async handler({ platform, tenantId, params }) {
      return {
        headers: { 'Cache-Control': 'no-store' },
        body: await platform.documents.verify(tenantId, params.code),
      };
    },
  }),

  defineRoute({
    method: 'get',
    path: '/document-branding',
    operationId: 'getDocumentBranding',
    summary: 'Read the city’s document branding',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: { responses: { 200: { description: 'Logo, header lines and signatory.', schema: BRANDING } } },
    async handler({ platform, tenantId }) {
      return { body: await platform.documents.branding(tenantId) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, DocumentBrandingInput>({
    method: 'put',
    path: '/document-branding',
    operationId: 'setDocumentBranding',
    summary: 'Set the city’s document branding',
    description:
      'Replaces the branding printed on new documents and receipts (documents already issued keep theirs). ' +
      'Audited.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      body: BRANDING_BODY,
      responses: { 200: { description: 'The branding as saved.', schema: BRANDING } },
    },
    async handler({ platform, tenantId, body, principal }) {
      return { body: await platform.documents.setBranding(tenantId, body, actorOf(principal).id) };
    },
  }),

  defineRoute<{ key: string; locale: Locale }>({
    method: 'get',
    path: '/document-templates/:key/:locale',
    operationId: 'getDocumentTemplate',
    summary: 'Read the city’s own version of a document template',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: TEMPLATE_PARAMS,
      responses: { 200: { description: 'The override.', schema: TEMPLATE_OVERRIDE } },
    },
    async handler({ platform, tenantId, params }) {
      return { body: await platform.documents.templateOverride(tenantId, params.key, params.locale) };
    },
  }),

  defineRoute<{ key: string; locale: Locale }, Record<string, unknown>, { source: string }>({
    method: 'put',
    path: '/document-templates/:key/:locale',
    operationId: 'setDocumentTemplate',
    summary: 'Save the city’s own version of a document template',
    description:
      'The source is checked before it is saved: it must compile, use only {{escaped}} output and the document ' +
      'helpers; an override of a core template must also render with sample data (400 ' +
      'DARCHA_DOCUMENT_TEMPLATE_INVALID says what is wrong). Audited.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: TEMPLATE_PARAMS,
      body: TEMPLATE_BODY,
      responses: { 200: { description: 'The override as saved.', schema: TEMPLATE_OVERRIDE } },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      return {
        body: await platform.documents.setTemplateOverride(
          tenantId,
          params.key,
          params.locale,
          body.source,
          actorOf(principal).id,
        ),
      };
    },
  }),

  defineRoute<{ key: string; locale: Locale }>({
    method: 'delete',
    path: '/document-templates/:key/:locale',
    operationId: 'deleteDocumentTemplate',
    summary: 'Delete the city’s own version of a document template',
    description: 'New documents use the default template again. Audited.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    bodyType: 'none',
    schemas: { params: TEMPLATE_PARAMS, responses: { 204: { description: 'Deleted.' } } },
    async handler({ platform, tenantId, params, principal }) {
      await platform.documents.deleteTemplateOverride(
        tenantId,
        params.key,
        params.locale,
        actorOf(principal).id,
      );
      return { status: 204 };
    },
  }),
];
