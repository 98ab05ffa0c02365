import { crc32, deflateSync } from 'node:zlib';
import { ByteLru } from './cache';
import { seedBytes } from './seed';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_EDGE = 8192;
/** Colours per image: a 4-bit palette, so the pixel data is half a byte per pixel. */
const COLOURS = 16;
const TEXT = Buffer.from(`Software\0@boards/emulator`, 'latin1');
/** The chunks after the palette (text, compressed pixel data, IEND) by size: every image of one size shares them. */
const tailsBySize = new ByteLru(16 * 1024 * 1024);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The IDAT chunk of a `width` x `height` image of diagonal bands, palette indices 0..15 (4 bits a
 * pixel, filter None). Pixel (x, y) has colour floor((x + y) * 16 / span), a function of x + y alone,
 * so row y is the same line of colours shifted by y pixels: the line is packed twice (starting on an
 * even and on an odd pixel) and every row is a slice of one of the two.
 */
function bandsIdat(width: number, height: number): Buffer {
  const stride = 1 + Math.ceil(width / 2);
  const bytes = stride - 1;
  const span = Math.max(1, width + height - 2);
  const pairs = (height >> 1) + bytes + 1;
  // Colours by x + y, long enough for both packings (past the last band every colour is 15).
  const line = new Uint8Array(2 * pairs + 1);
  for (let k = 0; k < line.length; k++) line[k] = Math.min(COLOURS - 1, Math.floor((k * COLOURS) / span));
  const packed = [Buffer.alloc(pairs), Buffer.alloc(pairs)];
  for (let j = 0; j < pairs; j++) {
    packed[0][j] = (line[2 * j] << 4) | line[2 * j + 1];
    packed[1][j] = (line[2 * j + 1] << 4) | line[2 * j + 2];
  }
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride + 1;
    packed[y & 1].copy(raw, row, y >> 1, (y >> 1) + bytes);
    // An odd width leaves the last byte's low half outside the image: it stays 0.
    if (width & 1) raw[row + bytes - 1] &= 0xf0;
  }
  return chunk('IDAT', deflateSync(raw, { level: 6 }));
}

/** 16 colours from a gradient between two colours derived from the seed, with a seed-derived wobble per step. */
function palette(seed: unknown): Buffer {
  const s = seedBytes(seed);
  const out = Buffer.alloc(COLOURS * 3);
  for (let i = 0; i < COLOURS; i++) {
    for (let c = 0; c < 3; c++) {
      const from = s[c];
      const to = s[3 + c];
      out[i * 3 + c] = (Math.round(from + ((to - from) * i) / (COLOURS - 1)) + (s[6 + ((i + c) % 26)] & 7)) & 255;
    }
  }
  return out;
}

/**
 * Encodes a valid PNG of `width` x `height`: diagonal bands in 16 colours (a 4-bit palette)
 * that derive from `seed`. Same arguments, same bytes; another seed, another palette. The
 * pixel data of a size is compressed once and shared, so a new image costs its palette.
 */
export function encodePng(width: number, height: number, seed: unknown = 0): Buffer<ArrayBuffer> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > MAX_EDGE || height > MAX_EDGE) {
    throw new RangeError(`encodePng: invalid size ${width}x${height} (1..${MAX_EDGE})`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 4; // bit depth
  ihdr[9] = 3; // colour type: palette
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const tail = tailsBySize.get(`${width}x${height}`, () => Buffer.concat([chunk('tEXt', TEXT), bandsIdat(width, height), chunk('IEND', Buffer.alloc(0))]));
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', palette(seed)), tail]);
}

/** Reads width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
