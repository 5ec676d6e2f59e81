import { TRANSITION_BODY } from '../bare/bare-phase.js';
import type { LoadSpec } from '../load/load-types.js';
import { BENCH_SERVICE, type CityCredentials } from './bench-city.js';

/** A desk integration filing debt-information inquiries with its API key; `{pinfl}` varies per request. */
export const FILING_BODY = JSON.stringify({
  serviceCode: BENCH_SERVICE,
  applicant: {
    type: 'individual',
    pinfl: '{pinfl}',
    lastName: 'Karimova',
    firstName: 'Dilnoza',
    phone: '+998901234567',
    locale: 'uz-Latn',
  },
  formData: { account: '1234567', phone: '+998901234567' },
});

type Load = Omit<LoadSpec, 'connections' | 'seconds'>;

/** `POST /t/<city>/api/v1/inquiries`: tenant from the path, key as bearer token. */
export function filingLoad(baseUrl: string, city: CityCredentials): Load {
  return {
    baseUrl,
    method: 'POST',
    path: `/t/${city.tenantId}/api/v1/inquiries`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${city.apiKey}` },
    body: FILING_BODY,
  };
}

/** `POST .../inquiries/<id>/transitions` with `If-Match: "1"`: each id a fresh inquiry, answered. */
export function transitionLoad(baseUrl: string, city: CityCredentials, ids: readonly string[]): Load {
  return {
    baseUrl,
    method: 'POST',
    path: `/t/${city.tenantId}/api/v1/inquiries/{id}/transitions`,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${city.apiKey}`,
      'If-Match': '"1"',
    },
    body: TRANSITION_BODY,
    ids,
  };
}

/** Sends one request of a load by itself (the probes), with the id and PINFL filled in. */
export async function sendOne(load: Load, id = ''): Promise<Response> {
  const pinfl = `3${String(Math.floor(Math.random() * 1e13)).padStart(13, '0')}`;
  return fetch(`${load.baseUrl}${load.path.replace('{id}', id)}`, {
    method: load.method,
    headers: load.headers,
    ...(load.body ? { body: load.body.replace('{pinfl}', pinfl) } : {}),
  });
}
