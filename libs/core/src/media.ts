/**
 * Probing: just enough header parsing to describe the media a provider returned or an input
 * holds (type, dimensions, duration) without a native dependency. Writing media (names, types,
 * synthesized samples) is media-write.ts.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArtifactType } from './artifacts';
export interface MediaInfo {
  mimeType: string;
  extension: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
  sampleRate?: number;
  channels?: number;
  fps?: number;
}

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));

export function sniffMedia(bytes: Uint8Array): MediaInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && ascii(bytes, 1, 4) === 'PNG') {
    return { mimeType: 'image/png', extension: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return { mimeType: 'image/jpeg', extension: 'jpg', ...jpegSize(bytes, view) };
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { mimeType: 'image/webp', extension: 'webp', ...webpSize(bytes, view) };
  }
  if (bytes.length >= 44 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return wavInfo(bytes, view);
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return mp4Info(bytes, view);
  if (bytes.length >= 4 && (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && (bytes[1] & 0xe6) === 0xe2))) {
    return mp3Info(bytes);
  }
  return undefined;
}

/** What a file's first bytes announce: its container and the kinds of media that container holds. */
export interface MediaSignature {
  mimeType: string;
  /** An MP4, WebM or Ogg file may be a video or audio only: both kinds are listed. */
  kinds: readonly Exclude<ArtifactType, 'text'>[];
}

/** How many leading bytes `mediaSignature` needs at most (MPEG-TS looks at byte 188). */
export const SIGNATURE_BYTES = 4096;

const IMAGE = ['image'] as const;
const AUDIO = ['audio'] as const;
const VIDEO = ['video'] as const;
const AV = ['video', 'audio'] as const;

/** ISO-BMFF major brands that are not video/mp4: still images (HEIF/AVIF) and audio-only files. */
const FTYP_BRANDS: Record<string, MediaSignature> = {
  avif: { mimeType: 'image/avif', kinds: IMAGE },
  avis: { mimeType: 'image/avif', kinds: IMAGE },
  heic: { mimeType: 'image/heic', kinds: IMAGE },
  heix: { mimeType: 'image/heic', kinds: IMAGE },
  hevc: { mimeType: 'image/heic', kinds: IMAGE },
  mif1: { mimeType: 'image/heif', kinds: IMAGE },
  msf1: { mimeType: 'image/heif', kinds: IMAGE },
  'M4A ': { mimeType: 'audio/mp4', kinds: AUDIO },
  'M4B ': { mimeType: 'audio/mp4', kinds: AUDIO },
  'M4P ': { mimeType: 'audio/mp4', kinds: AUDIO },
  'F4A ': { mimeType: 'audio/mp4', kinds: AUDIO },
  'qt  ': { mimeType: 'video/quicktime', kinds: AV },
};

/**
 * The media signature ("magic number") at the start of `head`, or undefined when it holds none
 * this file knows. Only the first SIGNATURE_BYTES are looked at, so an input can be typed from a
 * small read before it is read whole or uploaded: random bytes or text named `.wav` are not
 * audio. Containers that may hold audio or video (MP4, WebM, Ogg, ASF) list both kinds.
 */
export function mediaSignature(head: Uint8Array): MediaSignature | undefined {
  const b = head.subarray(0, SIGNATURE_BYTES);
  const at = (offset: number, text: string) => b.length >= offset + text.length && ascii(b, offset, offset + text.length) === text;
  const bytes = (offset: number, ...values: number[]) => b.length >= offset + values.length && values.every((v, i) => b[offset + i] === v);
  // Images.
  if (bytes(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { mimeType: 'image/png', kinds: IMAGE };
  if (bytes(0, 0xff, 0xd8, 0xff)) return { mimeType: 'image/jpeg', kinds: IMAGE };
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return { mimeType: 'image/gif', kinds: IMAGE };
  if (at(0, 'RIFF') && at(8, 'WEBP')) return { mimeType: 'image/webp', kinds: IMAGE };
  if (bytes(0, 0x49, 0x49, 0x2a, 0x00) || bytes(0, 0x4d, 0x4d, 0x00, 0x2a)) return { mimeType: 'image/tiff', kinds: IMAGE };
  // "BM" alone is too common a start: a BMP also has four reserved zero bytes at 6.
  if (at(0, 'BM') && bytes(6, 0, 0, 0, 0) && b.length >= 26) return { mimeType: 'image/bmp', kinds: IMAGE };
  // Audio.
  if (at(0, 'RIFF') && at(8, 'WAVE')) return { mimeType: 'audio/wav', kinds: AUDIO };
  if (at(0, 'FORM') && (at(8, 'AIFF') || at(8, 'AIFC'))) return { mimeType: 'audio/aiff', kinds: AUDIO };
  if (at(0, 'fLaC')) return { mimeType: 'audio/flac', kinds: AUDIO };
  if (at(0, 'ID3') && b.length >= 10) return { mimeType: 'audio/mpeg', kinds: AUDIO };
  if (at(0, '#!AMR')) return { mimeType: 'audio/amr', kinds: AUDIO };
  if (at(0, 'caff')) return { mimeType: 'audio/x-caf', kinds: AUDIO };
  const frame = mpegAudioFrame(b);
  if (frame) return frame;
  // Containers of audio or video.
  if (at(4, 'ftyp') && b.length >= 12) {
    const brand = ascii(b, 8, 12);
    return FTYP_BRANDS[brand] ?? (brand.startsWith('3g') ? { mimeType: 'video/3gpp', kinds: AV } : { mimeType: 'video/mp4', kinds: AV });
  }
  if (bytes(0, 0x1a, 0x45, 0xdf, 0xa3))
    return { mimeType: ascii(b, 0, Math.min(b.length, 64)).includes('webm') ? 'video/webm' : 'video/x-matroska', kinds: AV };
  if (at(0, 'OggS')) return { mimeType: 'audio/ogg', kinds: ['audio', 'video'] };
  if (bytes(0, 0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11)) return { mimeType: 'video/x-ms-asf', kinds: AV };
  // Video only.
  if (at(0, 'RIFF') && at(8, 'AVI ')) return { mimeType: 'video/x-msvideo', kinds: VIDEO };
  if (at(0, 'FLV') && b[3] === 1) return { mimeType: 'video/x-flv', kinds: VIDEO };
  if (bytes(0, 0x00, 0x00, 0x01, 0xba)) return { mimeType: 'video/mpeg', kinds: VIDEO };
  if (b.length > 376 && b[0] === 0x47 && b[188] === 0x47 && b[376] === 0x47) return { mimeType: 'video/mp2t', kinds: VIDEO };
  return undefined;
}

/**
 * A raw MPEG audio frame (MP3 without an ID3 tag) or AAC ADTS frame at byte 0. The header's
 * values must be valid, and a second frame must follow where the first says it ends (when the
 * head is long enough): random bytes rarely pass both.
 */
function mpegAudioFrame(b: Uint8Array): MediaSignature | undefined {
  if (b.length < 4 || b[0] !== 0xff) return undefined;
  // ADTS: sync 0xFFF, layer 00, sampling index 0..12, and the next frame where this one ends.
  if ((b[1] & 0xf6) === 0xf0) {
    const length = b.length >= 6 ? ((b[3] & 0x03) << 11) | (b[4] << 3) | (b[5] >> 5) : 0;
    if (((b[2] >> 2) & 0x0f) > 12 || length < 7) return undefined;
    if (b.length >= length + 2 && (b[length] !== 0xff || (b[length + 1] & 0xf6) !== 0xf0)) return undefined;
    return { mimeType: 'audio/aac', kinds: AUDIO };
  }
  if ((b[1] & 0xe6) !== 0xe2) return undefined;
  const version = (b[1] >> 3) & 0x03;
  const bitrate = MP3_BITRATES[version === 3 ? 0 : 1][b[2] >> 4];
  const sampleRate = MP3_SAMPLE_RATES[version]?.[(b[2] >> 2) & 0x03];
  if (!bitrate || !sampleRate) return undefined;
  const length = Math.floor(((version === 3 ? 144 : 72) * bitrate * 1000) / sampleRate) + ((b[2] >> 1) & 1);
  if (b.length >= length + 2 && (b[length] !== 0xff || (b[length + 1] & 0xe6) !== 0xe2)) return undefined;
  return { mimeType: 'audio/mpeg', kinds: AUDIO };
}

function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return {};
    const marker = bytes[i + 1];
    const length = view.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    i += 2 + length;
  }
  return {};
}

function webpSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8X') {
    const w = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
    const h = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
    return { width: w, height: h };
  }
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L') {
    const b = view.getUint32(21, true);
    return { width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
  }
  return {};
}

function wavInfo(bytes: Uint8Array, view: DataView): MediaInfo {
  const info: MediaInfo = { mimeType: 'audio/wav', extension: 'wav' };
  let i = 12;
  let byteRate = 0;
  while (i + 8 <= bytes.length) {
    const id = ascii(bytes, i, i + 4);
    const size = view.getUint32(i + 4, true);
    if (id === 'fmt ' && i + 24 <= bytes.length) {
      info.channels = view.getUint16(i + 10, true);
      info.sampleRate = view.getUint32(i + 12, true);
      byteRate = view.getUint32(i + 16, true);
    } else if (id === 'data' && byteRate > 0) {
      info.durationSeconds = Math.round((size / byteRate) * 1000) / 1000;
      break;
    }
    i += 8 + size + (size % 2);
  }
  return info;
}

// Layer III bitrates (kbit/s) by index, for MPEG-1 and for MPEG-2/2.5.
const MP3_BITRATES = [
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];
const MP3_SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/**
 * MP3 (MPEG audio Layer III): sample rate and channels from the first frame header, and
 * the duration assuming a constant bit rate (what TTS services send), from the audio bytes
 * after any ID3v2 tag.
 */
function mp3Info(bytes: Uint8Array): MediaInfo {
  const info: MediaInfo = { mimeType: 'audio/mpeg', extension: 'mp3' };
  let start = 0;
  if (ascii(bytes, 0, 3) === 'ID3' && bytes.length >= 10) {
    start = 10 + ((bytes[6] & 0x7f) << 21) + ((bytes[7] & 0x7f) << 14) + ((bytes[8] & 0x7f) << 7) + (bytes[9] & 0x7f);
  }
  for (let i = start; i + 4 <= bytes.length && i < start + 4096; i++) {
    if (bytes[i] !== 0xff || (bytes[i + 1] & 0xe6) !== 0xe2) continue;
    const version = (bytes[i + 1] >> 3) & 0x03;
    const bitrate = MP3_BITRATES[version === 3 ? 0 : 1][bytes[i + 2] >> 4];
    const sampleRate = MP3_SAMPLE_RATES[version]?.[(bytes[i + 2] >> 2) & 0x03];
    if (!bitrate || !sampleRate) continue;
    info.sampleRate = sampleRate;
    info.channels = bytes[i + 3] >> 6 === 3 ? 1 : 2;
    info.durationSeconds = Math.round((((bytes.length - i) * 8) / (bitrate * 1000)) * 1000) / 1000;
    return info;
  }
  return info;
}

/** Boxes nest moov > trak > mdia > minf > stbl in a real file: deeper is not descended into (hostile nesting would overflow the stack). */
const MAX_BOX_DEPTH = 8;

/**
 * Walks ISO-BMFF boxes for mvhd (duration) and the first video track's tkhd (size). Every field
 * is read only when it lies inside its box (a box's declared size is checked against its parent
 * first): a short or lying box gives no fact, never a read past the bytes (a RangeError).
 */
function mp4Info(bytes: Uint8Array, view: DataView): MediaInfo {
  const info: MediaInfo = { mimeType: 'video/mp4', extension: 'mp4' };
  let trackIsVideo = false;
  let trackTimescale = 0;
  const walk = (start: number, end: number, depth: number): void => {
    let i = start;
    while (i + 8 <= end) {
      let size = view.getUint32(i);
      const type = ascii(bytes, i + 4, i + 8);
      let header = 8;
      if (size === 1) {
        // A 64-bit size follows the type.
        if (i + 16 > end) return;
        size = Number(view.getBigUint64(i + 8));
        header = 16;
      } else if (size === 0) size = end - i;
      if (size < header || i + size > end) return;
      const body = i + header;
      const boxEnd = i + size;
      /** Whether `length` bytes from `offset` of this box's body are inside it. */
      const has = (offset: number, length: number) => body + offset + length <= boxEnd;
      const version = has(0, 1) ? bytes[body] : undefined;
      if (type === 'moov' || type === 'trak' || type === 'mdia' || type === 'minf' || type === 'stbl') {
        if (depth < MAX_BOX_DEPTH) walk(body, boxEnd, depth + 1);
      } else if (type === 'hdlr') trackIsVideo = has(8, 4) && ascii(bytes, body + 8, body + 12) === 'vide';
      else if (type === 'mdhd') {
        const at = version === 1 ? 20 : 12;
        trackTimescale = has(at, 4) ? view.getUint32(body + at) : 0;
      } else if (type === 'stts' && trackIsVideo && info.fps === undefined && has(4, 12) && view.getUint32(body + 4) > 0) {
        // Frame rate = media timescale / duration of the first run of samples.
        const delta = view.getUint32(body + 12);
        if (delta > 0 && trackTimescale > 0) info.fps = Math.round((trackTimescale / delta) * 1000) / 1000;
      } else if (type === 'mvhd' && has(version === 1 ? 32 : 20, 0)) {
        const timescale = version === 1 ? view.getUint32(body + 20) : view.getUint32(body + 12);
        const duration = version === 1 ? Number(view.getBigUint64(body + 24)) : view.getUint32(body + 16);
        if (timescale > 0) info.durationSeconds = Math.round((duration / timescale) * 1000) / 1000;
      } else if (type === 'tkhd' && info.width === undefined && has(version === 1 ? 96 : 84, 0)) {
        // Width and height (16.16 fixed point) are the box's last 8 bytes.
        const w = view.getUint32(boxEnd - 8) >>> 16;
        const h = view.getUint32(boxEnd - 4) >>> 16;
        if (w > 0 && h > 0) {
          info.width = w;
          info.height = h;
        }
      }
      i += size;
    }
  };
  walk(0, bytes.length, 0);
  return info;
}

/**
 * Media facts of an input reference without a network call: local paths,
 * file:// URLs and data: URLs are read; remote URLs give undefined.
 */
export function probeLocalMedia(ref: string): MediaInfo | undefined {
  try {
    if (ref.startsWith('data:')) {
      const comma = ref.indexOf(',');
      const meta = ref.slice(5, comma);
      const payload = ref.slice(comma + 1);
      const bytes = meta.endsWith(';base64') ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload));
      return sniffMedia(bytes);
    }
    if (/^[a-z]+:\/\//i.test(ref) && !ref.startsWith('file://')) return undefined;
    const path = ref.startsWith('file://') ? fileURLToPath(ref) : ref;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(Math.min(fstatSync(fd).size, 1 << 20));
      readSync(fd, head, 0, head.length, 0);
      return sniffMedia(head);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
