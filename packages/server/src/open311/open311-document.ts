/** A value of an Open311 answer: scalars, nested elements, and lists. */
export type Open311Value = string | number | boolean | null | Open311Element | Open311Value[];

/** An element with child elements in document order (XML keeps the key order). */
export interface Open311Element {
  [name: string]: Open311Value;
}

/**
 * An Open311 answer before serialisation: the XML root container and the body. A list body is the
 * JSON array the spec shows, and in XML the root's repeated children (`<services><service>`); an
 * element body is the JSON object, and in XML the root's children (`<service_definition>`).
 */
export interface Open311Document {
  root: Open311Root;
  body: Open311Element | Open311Element[];
}

export type Open311Root = 'discovery' | 'services' | 'service_definition' | 'service_requests' | 'errors';

/**
 * The XML element of each item of a list, by the list's name: GeoReport v2's containers. A list
 * whose name is not here is a programming error (the serialiser throws).
 */
export const XML_ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
};
