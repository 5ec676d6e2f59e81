/** The formats Open311 answers in: XML (required by GeoReport v2) and JSON. */
export const OPEN311_FORMATS = ['xml', 'json'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** The media type of each format, as discovery lists it. */
export const MEDIA_TYPES: Readonly<Record<Open311Format, string>> = {
  xml: 'text/xml',
  json: 'application/json',
};

/** The last path segment of an Open311 resource, split into its name and format extension. */
export type FormattedName =
  | { name: string; format: Open311Format }
  | { name: string; unsupported: string }
  | { name: string; missing: true };

/**
 * Splits `services.json` or `gas.no-debt.xml` at the last dot: the format is the extension, so a
 * service code may contain dots. `.xml` and `.json` only, in lowercase, as the spec writes them.
 */
export function splitFormat(segment: string): FormattedName {
  const dot = segment.lastIndexOf('.');
  if (dot <= 0) return { name: segment, missing: true };
  const name = segment.slice(0, dot);
  const extension = segment.slice(dot + 1);
  return isFormat(extension) ? { name, format: extension } : { name, unsupported: extension };
}

export function isFormat(value: string): value is Open311Format {
  return (OPEN311_FORMATS as readonly string[]).includes(value);
}
