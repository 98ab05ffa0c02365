import { extensionFor, sniffMedia, type ResolvedInput } from '@boards/core';
import { ArtifactResolveError } from './errors';

/** Decodes a `data:[<type>][;params][;base64],<payload>` URL (RFC 2397). */
export function decodeDataUrl(ref: string): ResolvedInput {
  const comma = ref.indexOf(',');
  if (comma < 0) throw new ArtifactResolveError(ref, 'malformed data: URL (no comma before the data)');
  const params = ref
    .slice('data:'.length, comma)
    .split(';')
    .map((p) => p.trim());
  const isBase64 = params.length > 1 && params[params.length - 1].toLowerCase() === 'base64';
  const declared = params[0].toLowerCase() || 'text/plain';
  const payload = ref.slice(comma + 1);

  let bytes: Uint8Array;
  if (isBase64) {
    const text = (payload.includes('%') ? new TextDecoder().decode(percentDecode(payload)) : payload).replace(/\s+/g, '');
    // Buffer.from(..., 'base64') silently skips junk; a corrupted upload must fail here instead.
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) throw new ArtifactResolveError(ref, 'data: URL payload is not valid base64');
    const buffer = Buffer.from(text, 'base64');
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } else {
    bytes = percentDecode(payload);
  }
  const mimeType = sniffMedia(bytes)?.mimeType ?? declared;
  return { bytes, mimeType, fileName: `input.${extensionFor(mimeType)}` };
}

/** %XX escapes to bytes, everything else as UTF-8; byte-level so binary payloads survive. */
function percentDecode(text: string): Uint8Array {
  const encoder = new TextEncoder();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i) as number);
      out.push(...encoder.encode(char));
      i += char.length - 1;
    }
  }
  return Uint8Array.from(out);
}
