/**
 * The parameters GeoReport v2 defines for a new service request, besides `attribute[...]`. A form
 * property named like one of them is filled from that parameter (and is not listed as an
 * attribute).
 */
export const STANDARD_FIELDS = [
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

/**
 * The parameters about the request itself: stored in the form data when the service's form has a
 * property of that name, else in its `note` property when it has one, else not stored (and the
 * answer's `service_notice` says so).
 */
export const REQUEST_FIELDS: readonly StandardField[] = [
  'lat',
  'long',
  'address_string',
  'address_id',
  'device_id',
  'media_url',
  'description',
];

/** The form property that collects request parameters the form has no property for. */
export const NOTE_FIELD = 'note';

/** The longest `description` GeoReport v2 allows. */
export const DESCRIPTION_MAX_LENGTH = 4000;

export function isStandardField(name: string): name is StandardField {
  return (STANDARD_FIELDS as readonly string[]).includes(name);
}

/**
 * How an Open311 client names a form field in an error: a standard parameter by its name, any
 * other property as `attribute[code]`; the rest of a JSON pointer follows (`attribute[rooms]/0`).
 */
export function open311FieldName(pointer: string): string {
  const [first = '', ...rest] = pointer.replace(/^\//, '').split('/');
  const name = first.replace(/~1/g, '/').replace(/~0/g, '~');
  if (name === '') return 'attribute';
  const head = isStandardField(name) ? name : `attribute[${name}]`;
  return rest.length > 0 ? `${head}/${rest.join('/')}` : head;
}
