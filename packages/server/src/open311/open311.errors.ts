import { DarchaError, type FieldError } from '@darcha/core';
import { HttpError } from '../api/http-errors.js';
import { OPEN311_FORMATS } from './open311-format.js';

/** Errors of the Open311 endpoint. Each names what was wrong and how to fix it. */

export function jurisdictionRequired(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_OPEN311_JURISDICTION_REQUIRED',
    kind: 'invalid',
    message: 'jurisdiction_id is required: one Open311 endpoint serves every city.',
    hint: 'Add jurisdiction_id=<city> (chirchik, djizak, namangan ...) to the query string, or to the form body of a POST.',
  });
}

export function jurisdictionNotFound(jurisdictionId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_OPEN311_JURISDICTION_NOT_FOUND',
    kind: 'not_found',
    message: `Jurisdiction ${JSON.stringify(jurisdictionId.slice(0, 100))} does not exist or does not serve requests now.`,
    hint: 'Use the tenant id of an active city, in lowercase (chirchik, djizak, namangan).',
  });
}

/** One answer for a missing, unknown, revoked or other city's key: it reveals nothing. */
export function apiKeyInvalid(jurisdictionId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_OPEN311_API_KEY_INVALID',
    kind: 'forbidden',
    message: `A valid api_key of jurisdiction "${jurisdictionId}" is required to create a service request.`,
    hint: "Send the key in the api_key form field; keys are issued by the city's administrator and belong to that city only.",
  });
}

export function parameterInvalid(errors: readonly FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_OPEN311_PARAMETER_INVALID',
    kind: 'invalid',
    message: `The request has invalid parameters:\n${errors.map((e) => `  - ${e.field}: ${e.message}`).join('\n')}`,
    hint: 'Correct each parameter listed (one error element each) and send the request again.',
    details: { errors: errors.map((e) => ({ ...e })) },
  });
}

export function serviceNotFound(jurisdictionId: string, serviceCode: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_OPEN311_SERVICE_NOT_FOUND',
    kind: 'not_found',
    message: `Jurisdiction "${jurisdictionId}" has no Open311 service ${JSON.stringify(serviceCode.slice(0, 200))}.`,
    hint: 'List the services with GET /open311/v2/services.xml?jurisdiction_id=<city> and use one of their service_code values.',
  });
}

export function requestNotFound(
  jurisdictionId: string,
  reference: string,
  what: 'request' | 'token',
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INQUIRY_NOT_FOUND',
    kind: 'not_found',
    message: `Jurisdiction "${jurisdictionId}" has no service request with ${what === 'token' ? 'token' : 'id'} ${JSON.stringify(reference.slice(0, 100))}.`,
    hint: 'Use the service_request_id returned when the request was created (a tracking number such as CHR-2026-000123), in the city where it was filed.',
  });
}

export function resourceNotFound(path: string): HttpError {
  return new HttpError(404, {
    code: 'DARCHA_OPEN311_NOT_FOUND',
    kind: 'not_found',
    message: `No Open311 resource at ${JSON.stringify(path.slice(0, 200))}.`,
    hint: 'Resources are /open311/discovery.{xml|json} and, under /open311/v2: services, services/{service_code}, requests, requests/{service_request_id} and tokens/{token}, each with .xml or .json.',
  });
}

export function formatUnsupported(extension: string): HttpError {
  return new HttpError(404, {
    code: 'DARCHA_OPEN311_FORMAT_UNSUPPORTED',
    kind: 'not_found',
    message: `Format ${JSON.stringify(extension.slice(0, 20))} is not served; the formats are ${OPEN311_FORMATS.map((f) => `.${f}`).join(' and ')}.`,
    hint: 'End the resource with .xml (text/xml) or .json (application/json).',
  });
}

export function methodNotAllowed(method: string, allowed: readonly string[]): HttpError {
  return new HttpError(405, {
    code: 'DARCHA_OPEN311_METHOD_NOT_ALLOWED',
    kind: 'invalid',
    message: `Method ${method.slice(0, 20)} is not allowed here; this resource answers ${allowed.join(', ')}.`,
    hint: 'Read with GET; create service requests with POST /open311/v2/requests.{xml|json}.',
  });
}

export function contentTypeUnsupported(received: string | undefined): HttpError {
  return new HttpError(415, {
    code: 'DARCHA_OPEN311_CONTENT_TYPE_UNSUPPORTED',
    kind: 'invalid',
    message: `A service request is posted as application/x-www-form-urlencoded in UTF-8, not as ${received ? JSON.stringify(received.slice(0, 100)) : 'a body without a content type'}.`,
    hint: 'Send "Content-Type: application/x-www-form-urlencoded" (charset utf-8 if any) with the parameters form-encoded.',
  });
}

export function encodingInvalid(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_OPEN311_ENCODING_INVALID',
    kind: 'invalid',
    message:
      'The form body is not valid UTF-8 form encoding: a byte sequence or a %-escape does not decode as UTF-8.',
    hint: 'Encode every parameter as UTF-8 and percent-escape it (%D0%B0, not a raw byte or a lone %).',
  });
}
