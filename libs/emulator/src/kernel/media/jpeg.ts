import { seedBytes } from './seed';

/**
 * A baseline JPEG (JFIF, 4:4:4 YCbCr) of `width` x `height`: diagonal bands of two colours derived
 * from `seed`, each 8x8 block one flat colour. Only the DC coefficient of a block is coded (every AC
 * coefficient is zero, one end-of-block code), so encoding is a few bits a block: fast at any size
 * the emulator renders, and decodable by any JPEG reader.
 */
export function encodeJpeg(width: number, height: number, seed: unknown): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 65535 || height > 65535) {
    throw new RangeError(`JPEG size must be 1..65535 x 1..65535, not ${width}x${height}`);
  }
  const s = seedBytes(seed);
  const from = [s[0], s[1], s[2]];
  const to = [s[3], s[4], s[5]];
  const blocksX = Math.ceil(width / 8);
  const blocksY = Math.ceil(height / 8);
  const span = Math.max(1, blocksX + blocksY - 2);
  const bits = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < blocksY; by++) {
    for (let bx = 0; bx < blocksX; bx++) {
      const t = (bx + by) / span;
      const rgb = from.map((c, i) => c + (to[i] - c) * t);
      ycbcr(rgb).forEach((value, component) => {
        // A flat block's DC coefficient is 8 x (its level-shifted value), quantised by 1.
        const dc = Math.round(8 * (value - 128));
        encodeDc(bits, dc - previous[component]);
        previous[component] = dc;
        bits.write(AC_EOB.code, AC_EOB.length);
      });
    }
  }
  return Buffer.concat([HEADER_START, frame(width, height), TABLES, SCAN, bits.finish(), Buffer.from([0xff, 0xd9])]);
}

/** JFIF YCbCr of an RGB colour, each 0..255. */
function ycbcr([r, g, b]: number[]): number[] {
  const clamp = (v: number) => Math.max(0, Math.min(255, v));
  return [clamp(0.299 * r + 0.587 * g + 0.114 * b), clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b), clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)];
}

/** The standard luminance DC table (ITU T.81 K.3): code counts by length 1..16, then the categories 0..11. */
const DC_COUNTS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_CODES = canonicalCodes(DC_COUNTS);
/** An AC table of one symbol, end-of-block (0x00), coded as one 0 bit. */
const AC_COUNTS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_EOB = canonicalCodes(AC_COUNTS)[0];

/** Huffman codes in canonical order for code counts by length (T.81 Annex C). */
function canonicalCodes(counts: number[]): Array<{ code: number; length: number }> {
  const out: Array<{ code: number; length: number }> = [];
  let code = 0;
  counts.forEach((count, i) => {
    for (let k = 0; k < count; k++) out.push({ code: code++, length: i + 1 });
    code <<= 1;
  });
  return out;
}

function encodeDc(bits: BitWriter, diff: number): void {
  const magnitude = Math.abs(diff);
  const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
  const { code, length } = DC_CODES[category];
  bits.write(code, length);
  // Negative values are sent as diff - 1 in `category` bits (one's complement).
  if (category > 0) bits.write(diff < 0 ? diff - 1 + (1 << category) : diff, category);
}

function segment(marker: number, body: number[]): Buffer {
  const length = body.length + 2;
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...body]);
}

const HEADER_START = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  // One quantisation table of ones: the DC values are exact.
  segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
]);

function frame(width: number, height: number): Buffer {
  const components = [1, 2, 3].flatMap((id) => [id, 0x11, 0]);
  return segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, ...components]);
}

const TABLES = Buffer.concat([segment(0xc4, [0x00, ...DC_COUNTS, ...DC_CODES.map((_, category) => category)]), segment(0xc4, [0x10, ...AC_COUNTS, 0x00])]);
const SCAN = segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);

/** MSB-first bits with JPEG's byte stuffing (a 0x00 after every 0xFF). */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.flush();
    }
  }

  /** The bytes, the last one padded with 1 bits. */
  finish(): Buffer {
    if (this.count > 0) this.write(0xff >> this.count, 8 - this.count);
    return Buffer.from(this.bytes);
  }

  private flush(): void {
    this.bytes.push(this.current);
    if (this.current === 0xff) this.bytes.push(0);
    this.current = 0;
    this.count = 0;
  }
}

/** Width and height of a baseline or progressive JPEG (from its SOF segment), or undefined. */
export function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return undefined;
}
