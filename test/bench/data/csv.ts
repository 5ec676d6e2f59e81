/** A value of a row sent with COPY: objects and arrays become JSON (for `jsonb` columns). */
export type CsvValue = string | number | boolean | Date | null | undefined | object;

/** A row as column name → value; the loader picks the columns it copies. */
export type Row = Record<string, CsvValue>;

/** One CSV line of COPY's `FORMAT csv`: every value quoted, null as an empty unquoted field. */
export function csvLine(row: Row, columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += ',';
    line += csvField(row[columns[i]!]);
  }
  return `${line}\n`;
}

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quote(value);
  if (value instanceof Date) return value.toISOString();
  return quote(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function quote(text: string): string {
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}
