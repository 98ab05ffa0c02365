import { crc32, deflateSync } from 'node:zlib';
import { seedBytes } from './seed';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_EDGE = 8192;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Encodes a valid 8-bit RGB PNG of `width` x `height`: a two-axis colour gradient whose
 * colours derive from `seed`. Same arguments, same bytes. Rows use the Sub filter so a
 * 2048x2048 image encodes in well under a second.
 */
export function encodePng(width: number, height: number, seed: unknown = 0): Buffer<ArrayBuffer> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > MAX_EDGE || height > MAX_EDGE) {
    throw new RangeError(`encodePng: invalid size ${width}x${height} (1..${MAX_EDGE})`);
  }
  const s = seedBytes(seed);
  const base = [s[0], s[1], s[2]];
  // Per-pixel horizontal step (applied via the Sub filter) and per-row offset, per channel.
  const dx = [(s[3] % 5) + 1, (s[4] % 3) + 1, (s[5] % 7) + 1];
  const dy = [(s[6] % 3) + 1, (s[7] % 5) + 1, (s[8] % 2) + 1];
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 1; // filter type 1: Sub
    const first = row + 1;
    raw[first] = (base[0] + y * dy[0]) & 255;
    raw[first + 1] = (base[1] + y * dy[1]) & 255;
    raw[first + 2] = (base[2] + y * dy[2]) & 255;
    // With the Sub filter each later byte is the difference to the pixel on its left.
    for (let x = 1; x < width; x++) {
      const i = first + x * 3;
      raw[i] = dx[0];
      raw[i + 1] = dx[1];
      raw[i + 2] = dx[2];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const text = Buffer.from(`Software\0@boards/emulator`, 'latin1');
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('tEXt', text), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Reads width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
