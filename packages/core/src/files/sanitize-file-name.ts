/** The longest file name kept, in UTF-8 bytes: what common filesystems allow for one name. */
export const FILE_NAME_MAX_BYTES = 255;

/** Extensions that name the same type as the one `file-type` reports. */
const EXTENSION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  tif: ['tif', 'tiff'],
};

/**
 * A file name as sent by a browser or client, made safe to store, show and put in a
 * `Content-Disposition` header: only the last path segment is kept (no `/`, `\`, `..`), control,
 * invisible and bidirectional-override characters are dropped (they disguise `exe.pdf` as
 * `fdp.exe`), `<>:"|?*` become `_`, leading and trailing dots and spaces are trimmed, and the
 * result is cut to {@link FILE_NAME_MAX_BYTES}, keeping the extension. May return `''`.
 *
 * @example
 * sanitizeFileName('C:\\Users\\ali\\..\\passport "scan".PDF'); // 'passport _scan_.PDF'
 */
export function sanitizeFileName(name: string): string {
  const lastSegment = bounded(name.split(/[/\\]/).pop() ?? '').normalize('NFC');
  const kept = [...lastSegment.replace(/\s+/g, ' ')]
    .filter((character) => !isUnsafe(character.codePointAt(0)!))
    .join('')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/ {2,}/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return truncate(kept, extensionOf(kept));
}

/**
 * The name an attachment is stored under: {@link sanitizeFileName} of what was sent (or of
 * `fallbackStem` when nothing is left), ending in the extension of the type detected from the bytes,
 * appended when the name says otherwise (`scan.pdf` holding a JPEG becomes `scan.pdf.jpg`).
 */
export function attachmentFileName(name: string, detectedExtension: string, fallbackStem: string): string {
  const extension = detectedExtension.toLowerCase();
  const clean = sanitizeFileName(name) || sanitizeFileName(fallbackStem) || 'file';
  const current = extensionOf(clean)?.toLowerCase();
  const matches = current !== undefined && (EXTENSION_ALIASES[extension] ?? [extension]).includes(current);
  return matches ? clean : truncate(`${clean}.${extension}`, extension);
}

function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  return extension.length > 0 && extension.length <= 16 && !extension.includes(' ') ? extension : undefined;
}

/** Cuts the part before `.extension` so that the whole name fits {@link FILE_NAME_MAX_BYTES}. */
function truncate(name: string, extension: string | undefined): string {
  if (Buffer.byteLength(name) <= FILE_NAME_MAX_BYTES) return name;
  const suffix = extension === undefined ? '' : `.${extension}`;
  const budget = FILE_NAME_MAX_BYTES - Buffer.byteLength(suffix);
  let stem = '';
  let used = 0;
  for (const character of name.slice(0, name.length - suffix.length)) {
    used += Buffer.byteLength(character);
    if (used > budget) break;
    stem += character;
  }
  return stem.replace(/[.\s]+$/, '') + suffix;
}

/** A very long name cut to a few times the limit before any further work, keeping its extension. */
function bounded(name: string): string {
  const limit = 4 * FILE_NAME_MAX_BYTES;
  if (name.length <= limit) return name;
  const extension = extensionOf(name);
  return extension === undefined
    ? name.slice(0, limit)
    : `${name.slice(0, limit - extension.length - 1)}.${extension}`;
}

function isUnsafe(codePoint: number): boolean {
  return (
    codePoint <= 0x1f || // C0 controls, including NUL, tab and newlines
    (codePoint >= 0x7f && codePoint <= 0x9f) || // DEL and C1 controls
    (codePoint >= 0x200b && codePoint <= 0x200f) || // zero-width spaces and marks, LRM, RLM
    (codePoint >= 0x202a && codePoint <= 0x202e) || // bidirectional embeddings and overrides
    (codePoint >= 0x2066 && codePoint <= 0x2069) || // bidirectional isolates
    (codePoint >= 0xd800 && codePoint <= 0xdfff) || // lone surrogates: not text
    codePoint === 0xfeff // byte order mark
  );
}
