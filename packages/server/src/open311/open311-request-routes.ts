import { searchInquiries, type InquirySearchHit, type PublicHistoryEntry } from '@darcha/core';
import { jurisdictionOf, type Jurisdiction, type Open311Call, type Open311Handler } from './open311-call.js';
import type { Open311Element } from './open311-document.js';
import { requestNotFound } from './open311.errors.js';
import { extensionsOf, requestFilter } from './open311-request-filter.js';
import { requestElement } from './open311-request-view.js';
import { requestViewContext } from './open311-view-context.js';

/**
 * GeoReport shows the requests filed through it (channel `api`) and nothing else: what a citizen
 * asked for at the desk or on the portal is theirs, not the city's public record.
 */
const OPEN311_CHANNELS = ['api'] as const;

/** The longest id or token looked up; a longer one is not a tracking number. */
const ID_MAX_LENGTH = 100;

/** `GET /v2/requests.{format}`: the city's requests, filtered and paged. */
export const listRequests: Open311Handler = async (call) => {
  const where = await jurisdictionOf(call);
  const filter = requestFilter(call.params, where.tenant.timeZone, new Date());
  const page = filter.search
    ? await searchInquiries(call.platform.db, where.tenant.id, {
        ...filter.search,
        channels: OPEN311_CHANNELS,
      })
    : { items: [], hasMore: false };
  const body = await requestElements(call, where, page.items, filter.extensions);
  return {
    document: { root: 'service_requests', body },
    ...(page.hasMore ? { headers: { Link: `<${pageUrl(call, filter.page + 1)}>; rel="next"` } } : {}),
  };
};

/** `GET /v2/requests/{service_request_id}.{format}`: a list of that one request. */
export const getRequest: Open311Handler = async (call) => {
  const where = await jurisdictionOf(call);
  const hit = await findOne(call, where, 'request');
  const extensions = extensionsOf(call.params['extensions']);
  return {
    document: { root: 'service_requests', body: await requestElements(call, where, [hit], extensions) },
  };
};

/**
 * `GET /v2/tokens/{token}.{format}`: Darcha files synchronously, so the token of a request is its
 * service_request_id (the tracking number), and this answers it back once the request exists.
 */
export const getToken: Open311Handler = async (call) => {
  const where = await jurisdictionOf(call);
  const hit = await findOne(call, where, 'token');
  const id = hit.inquiry.trackingNumber;
  return { document: { root: 'service_requests', body: [{ service_request_id: id, token: id }] } };
};

async function findOne(
  call: Open311Call,
  where: Jurisdiction,
  what: 'request' | 'token',
): Promise<InquirySearchHit> {
  const id = call.id;
  if (id.length > ID_MAX_LENGTH) throw requestNotFound(where.tenant.id, id, what);
  const page = await searchInquiries(call.platform.db, where.tenant.id, {
    trackingNumbers: [id],
    channels: OPEN311_CHANNELS,
    limit: 1,
  });
  const hit = page.items[0];
  if (!hit) throw requestNotFound(where.tenant.id, id, what);
  return hit;
}

async function requestElements(
  call: Open311Call,
  where: Jurisdiction,
  hits: readonly InquirySearchHit[],
  extensions: boolean,
): Promise<Open311Element[]> {
  const context = await requestViewContext(
    call.platform,
    where.tenant,
    where.chain,
    hits.map((h) => h.inquiry),
  );
  const elements: Open311Element[] = [];
  for (const hit of hits) {
    let history: PublicHistoryEntry[] | undefined;
    if (extensions)
      history = await call.platform.engine.publicHistory(where.tenant.id, hit.inquiry.id, where.locale);
    elements.push(requestElement(hit, context, history));
  }
  return elements;
}

/** The same request for another page: a relative reference for the `Link` header. */
function pageUrl(call: Open311Call, page: number): string {
  const url = new URL(call.req.originalUrl, 'http://open311.invalid');
  url.searchParams.set('page', String(page));
  return `${url.pathname}${url.search}`;
}
