/**
 * Does a provider's output decode to what its header declares? A cut transfer or a proxy
 * that sent a prefix with an honest content-length must never be stored as a valid image.
 * Checks are structural (chunk CRCs, declared lengths, decompressed pixel size), with no
 * native dependency; formats this file does not know are accepted as they are.
 */
import { promisify } from 'node:util';
import { crc32, inflate } from 'node:zlib';
import type { ArtifactType } from './artifacts';
import { mediaSignature } from './media';

const inflateAsync = promisify(inflate);

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));

/**
 * What is wrong with `bytes` as media, or undefined when they decode to their declared size.
 * Asynchronous: a PNG's pixel data is inflated on the thread pool, not on the event loop.
 */
export async function mediaProblem(bytes: Uint8Array): Promise<string | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 4) === 'PNG') return pngProblem(bytes, view);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegProblem(bytes);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF') return riffProblem(bytes, view);
  if (bytes.length >= 8 && ascii(bytes, 4, 8) === 'ftyp') return mp4Problem(bytes, view);
  if (bytes.length >= 10 && ascii(bytes, 0, 3) === 'ID3') return mp3Problem(bytes, 10 + syncSafe(bytes, 6));
  if (bytes.length >= 4 && bytes[0] === 0xff && (bytes[1] & 0xe6) === 0xe2) return mp3Problem(bytes, 0);
  return undefined;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

async function pngProblem(bytes: Uint8Array, view: DataView): Promise<string | undefined> {
  let i = 8;
  let width = 0;
  let height = 0;
  let bitsPerPixel = 0;
  let interlaced = false;
  const idat: Uint8Array[] = [];
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i);
    const type = ascii(bytes, i + 4, i + 8);
    if (i + 12 + length > bytes.length) return `PNG chunk ${type} is cut short (${bytes.length} bytes in all)`;
    const data = bytes.subarray(i + 8, i + 8 + length);
    if (crc32(data, crc32(bytes.subarray(i + 4, i + 8))) >>> 0 !== view.getUint32(i + 8 + length)) return `PNG chunk ${type} fails its CRC`;
    if (type === 'IHDR') {
      // Its fields are read from the chunk, so the chunk must hold them.
      if (length < 13) return `PNG IHDR chunk is ${length} bytes, not 13`;
      width = view.getUint32(i + 8);
      height = view.getUint32(i + 12);
      bitsPerPixel = bytes[i + 16] * (CHANNELS[bytes[i + 17]] ?? 0);
      interlaced = bytes[i + 20] === 1;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') return interlaced || bitsPerPixel === 0 ? undefined : pixelProblem(idat, width, height, bitsPerPixel);
    i += 12 + length;
  }
  return `PNG has no IEND chunk (cut short after ${bytes.length} bytes)`;
}

async function pixelProblem(idat: Uint8Array[], width: number, height: number, bitsPerPixel: number): Promise<string | undefined> {
  const expected = height * (1 + Math.ceil((width * bitsPerPixel) / 8));
  try {
    const raw = await inflateAsync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
    if (raw.length !== expected) return `PNG pixel data is ${raw.length} of ${expected} bytes for ${width}x${height}`;
    return undefined;
  } catch (error) {
    return `PNG pixel data does not decode to ${width}x${height} (${(error as Error).message})`;
  }
}

function jpegProblem(bytes: Uint8Array): string | undefined {
  // A JPEG ends with EOI (FF D9); some encoders pad after it.
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 1024); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return undefined;
  return `JPEG has no end-of-image marker (cut short after ${bytes.length} bytes)`;
}

function riffProblem(bytes: Uint8Array, view: DataView): string | undefined {
  const declared = view.getUint32(4, true) + 8;
  const kind = ascii(bytes, 8, 12).trim();
  if (declared > bytes.length) return `${kind} declares ${declared} bytes but has ${bytes.length}`;
  if (kind !== 'WAVE') return undefined;
  for (let i = 12; i + 8 <= bytes.length;) {
    const size = view.getUint32(i + 4, true);
    if (ascii(bytes, i, i + 4) === 'data') return i + 8 + size > bytes.length ? `WAV data declares ${size} bytes but has ${bytes.length - i - 8}` : undefined;
    i += 8 + size + (size % 2);
  }
  return 'WAV has no data chunk';
}

function mp4Problem(bytes: Uint8Array, view: DataView): string | undefined {
  let moov = false;
  for (let i = 0; i + 8 <= bytes.length;) {
    let size = view.getUint32(i);
    const type = ascii(bytes, i + 4, i + 8);
    if (size === 1 && i + 16 <= bytes.length) size = Number(view.getBigUint64(i + 8));
    if (size === 0) size = bytes.length - i;
    if (size < 8) return `MP4 box ${type} has an invalid size ${size}`;
    if (i + size > bytes.length) return `MP4 box ${type} declares ${size} bytes but has ${bytes.length - i}`;
    moov ||= type === 'moov';
    i += size;
  }
  return moov ? undefined : 'MP4 has no moov box';
}

const syncSafe = (b: Uint8Array, at: number) => ((b[at] & 0x7f) << 21) + ((b[at + 1] & 0x7f) << 14) + ((b[at + 2] & 0x7f) << 7) + (b[at + 3] & 0x7f);

// Layer III bitrates (kbit/s) by index, for MPEG-1 and for MPEG-2/2.5; sample rates by version.
const MP3_BITRATES = [
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];
const MP3_SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Walks Layer III frames from `start`: the last one must end inside the file. */
function mp3Problem(bytes: Uint8Array, start: number): string | undefined {
  if (start + 4 > bytes.length) return `MP3 ID3 tag declares ${start} bytes and no audio follows (${bytes.length} bytes in all)`;
  let i = start;
  let frames = 0;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff || (bytes[i + 1] & 0xe6) !== 0xe2) break;
    const version = (bytes[i + 1] >> 3) & 0x03;
    const bitrate = MP3_BITRATES[version === 3 ? 0 : 1][bytes[i + 2] >> 4];
    const sampleRate = MP3_SAMPLE_RATES[version]?.[(bytes[i + 2] >> 2) & 0x03];
    if (!bitrate || !sampleRate) break;
    const length = Math.floor(((version === 3 ? 144 : 72) * bitrate * 1000) / sampleRate) + ((bytes[i + 2] >> 1) & 1);
    if (i + length > bytes.length) return `MP3 frame ${frames + 1} is cut short (${bytes.length - i} of ${length} bytes)`;
    i += length;
    frames += 1;
  }
  return frames === 0 && start > 0 ? 'MP3 has no audio frame after its ID3 tag' : undefined;
}

/**
 * Why `bytes` are not a usable `type` output, or undefined when they are: empty, not announcing that
 * kind of media by their first bytes (an HTML error page served as an "image"), or that media broken.
 */
export async function outputProblem(type: Exclude<ArtifactType, 'text'>, bytes: Uint8Array): Promise<string | undefined> {
  if (bytes.length === 0) return 'the output is empty';
  const signature = mediaSignature(bytes);
  if (!signature?.kinds.includes(type))
    return `the output is not ${type === 'audio' ? 'audio' : `an ${type}`} (${signature ? signature.mimeType : 'no known media signature'})`;
  return mediaProblem(bytes);
}
