import { seedBytes } from './seed';

/**
 * A lossless WebP (VP8L) of `width` x `height` in one colour derived from `seed`. Each of the five
 * prefix codes is a "simple" code of one symbol, which takes no bits a pixel: the image is its
 * headers, whatever its size, and decodable by any WebP reader.
 */
export function encodeWebp(width: number, height: number, seed: unknown): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 16384 || height > 16384) {
    throw new RangeError(`WebP size must be 1..16384 x 1..16384, not ${width}x${height}`);
  }
  const [red, green, blue] = seedBytes(seed);
  const bits = new LsbWriter();
  bits.write(0x2f, 8); // VP8L signature
  bits.write(width - 1, 14);
  bits.write(height - 1, 14);
  bits.write(0, 1); // alpha is not used
  bits.write(0, 3); // version 0
  bits.write(0, 1); // no transform
  bits.write(0, 1); // no colour cache
  bits.write(0, 1); // no meta prefix codes
  // Green (with length prefixes), red, blue, alpha, distance: one symbol each.
  for (const symbol of [green, red, blue, 255, 0]) {
    bits.write(1, 1); // simple code
    bits.write(0, 1); // one symbol
    const wide = symbol > 1;
    bits.write(wide ? 1 : 0, 1);
    bits.write(symbol, wide ? 8 : 1);
  }
  const data = bits.finish();
  const chunk = Buffer.concat([Buffer.from('VP8L', 'ascii'), u32(data.length), data, Buffer.alloc(data.length % 2)]);
  return Buffer.concat([Buffer.from('RIFF', 'ascii'), u32(4 + chunk.length), Buffer.from('WEBP', 'ascii'), chunk]);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value, 0);
  return out;
}

/** LSB-first bits, as VP8L reads them. */
class LsbWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  write(value: number, length: number): void {
    for (let i = 0; i < length; i++) {
      this.current |= ((value >> i) & 1) << this.count;
      if (++this.count === 8) {
        this.bytes.push(this.current);
        this.current = 0;
        this.count = 0;
      }
    }
  }

  finish(): Buffer {
    if (this.count > 0) this.bytes.push(this.current);
    return Buffer.from(this.bytes);
  }
}

/** Width and height of a lossless (VP8L) WebP, or undefined for another file. */
export function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 25 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 16) !== 'WEBPVP8L' || bytes[20] !== 0x2f) return undefined;
  const bits = bytes.readUInt32LE(21);
  return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
}
