import QRCode from 'qrcode';

/**
 * An inline SVG QR code of `text` (the verify URL), medium error correction, a one-module quiet
 * zone (the page around it is white). The SVG comes from the `qrcode` library, never from input.
 */
export async function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/**
 * Where a QR code points: `<publicUrl>/verify/<tenant>/<code>`, or the path alone when the
 * installation has no public URL configured (`http.publicUrl`).
 */
export function verifyUrl(publicUrl: string | undefined, tenantId: string, code: string): string {
  const base = (publicUrl ?? '').replace(/\/+$/, '');
  return `${base}/verify/${encodeURIComponent(tenantId)}/${encodeURIComponent(code)}`;
}
