import { encodeJpeg, jpegSize } from './jpeg';
import { encodeWebp, webpSize } from './webp';
import { inflateSync } from 'node:zlib';
import { FileStore } from '../files';
import { ByteLru } from './cache';
import { encodeMp4 } from './mp4';
import { encodePng, pngSize } from './png';
import { encodeWav, wavDurationSeconds } from './wav';

// An independent CRC-32 (table-driven), so the test does not trust the encoder's own CRC code.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const chunks = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const stored = png.readUInt32BE(offset + 8 + length);
    chunks.push({ type, data, crcOk: stored === crc(png.subarray(offset + 4, offset + 8 + length)) });
    offset += 12 + length;
  }
  return chunks;
}

describe('encodePng', () => {
  it('writes a valid PNG: signature, IHDR with the size, a 16-colour palette, correct CRCs, whole IDAT rows, IEND', () => {
    const png = encodePng(300, 200, 'seed');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks = pngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'tEXt', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    const ihdr = chunks[0].data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], ihdr[12]]).toEqual([300, 200, 4, 3, 0]);
    expect(chunks[1].data).toHaveLength(16 * 3);
    const raw = inflateSync(chunks[3].data);
    expect(raw.length).toBe(200 * (1 + 150));
    for (let y = 0; y < 200; y++) expect(raw[y * 151]).toBe(0);
    // Diagonal bands: the top-left pixel has colour 0, the bottom-right colour 15.
    expect(raw[1] >> 4).toBe(0);
    expect(raw[199 * 151 + 150] & 15).toBe(15);
    expect(pngSize(png)).toEqual({ width: 300, height: 200 });
  });

  it('is deterministic for the same seed and differs for another seed (its palette)', () => {
    expect(encodePng(64, 64, 'a').equals(encodePng(64, 64, 'a'))).toBe(true);
    expect(encodePng(64, 64, 'a').equals(encodePng(64, 64, 'b'))).toBe(false);
    const palettes = new Set(Array.from({ length: 50 }, (_, i) => pngChunks(encodePng(64, 64, i))[1].data.toString('hex')));
    expect(palettes.size).toBe(50);
  });

  it('encodes 2048x2048 and rejects impossible sizes', () => {
    expect(pngSize(encodePng(2048, 2048, 'big'))).toEqual({ width: 2048, height: 2048 });
    expect(() => encodePng(0, 10)).toThrow(RangeError);
    expect(() => encodePng(1.5, 10)).toThrow(RangeError);
  });
});

describe('ByteLru', () => {
  it('makes a value once per key, keeps the most recently used within its byte budget, and never holds more', () => {
    const cache = new ByteLru(10);
    let made = 0;
    const make = (n: number) => () => (made++, Buffer.alloc(n));
    cache.get('a', make(4));
    cache.get('b', make(4));
    expect(cache.get('a', make(4))).toHaveLength(4);
    expect(made).toBe(2);
    cache.get('c', make(4)); // over budget: the least recently used ('b') goes
    expect([cache.count, cache.bytes]).toEqual([2, 8]);
    cache.get('a', make(4));
    cache.get('b', make(4));
    expect(made).toBe(4);
    expect(cache.get('big', make(11))).toHaveLength(11); // larger than the budget: made, not kept
    expect(cache.bytes).toBeLessThanOrEqual(10);
  });
});

describe('encodeWav', () => {
  it('writes a 16-bit PCM mono RIFF/WAVE with the requested duration', () => {
    const wav = encodeWav(1.5, 'tone', 16000);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([1, 1, 16000, 16]);
    expect(wav.toString('ascii', 36, 40)).toBe('data');
    expect(wav.readUInt32LE(40)).toBe(1.5 * 16000 * 2);
    expect(wavDurationSeconds(wav)).toBe(1.5);
    expect(wav.subarray(44).some((b) => b !== 0)).toBe(true);
  });

  it('is deterministic and reads no duration from non-WAV bytes', () => {
    expect(encodeWav(0.2, 1).equals(encodeWav(0.2, 1))).toBe(true);
    expect(encodeWav(0.2, 1).equals(encodeWav(0.2, 2))).toBe(false);
    expect(wavDurationSeconds(Buffer.from('not a wav at all'))).toBeUndefined();
  });
});

type Box = { type: string; start: number; size: number; body: Buffer };
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'dinf']);
function boxes(buf: Buffer, base = 0): Box[] {
  const out: Box[] = [];
  for (let offset = 0; offset < buf.length;) {
    const size = buf.readUInt32BE(offset);
    expect(size).toBeGreaterThanOrEqual(8);
    const box = { type: buf.toString('ascii', offset + 4, offset + 8), start: base + offset, size, body: buf.subarray(offset + 8, offset + size) };
    out.push(box);
    if (CONTAINERS.has(box.type)) out.push(...boxes(box.body, base + offset + 8));
    offset += size;
  }
  return out;
}

describe('encodeMp4', () => {
  it('writes well-formed ISO-BMFF boxes reporting duration and size', () => {
    const mp4 = encodeMp4({ width: 1280, height: 720, durationSeconds: 8 });
    const all = boxes(mp4);
    const byType = (t: string) => all.find((b) => b.type === t)!;
    expect(all.filter((b) => ['ftyp', 'moov', 'mdat'].includes(b.type)).map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat']);
    expect(byType('ftyp').body.toString('ascii', 0, 4)).toBe('isom');
    const mvhd = byType('mvhd').body;
    expect(mvhd.readUInt32BE(12) > 0 && mvhd.readUInt32BE(16) / mvhd.readUInt32BE(12)).toBe(8);
    const tkhd = byType('tkhd').body;
    expect([tkhd.readUInt32BE(76) / 65536, tkhd.readUInt32BE(80) / 65536]).toEqual([1280, 720]);
    expect(byType('hdlr').body.toString('ascii', 8, 12)).toBe('vide');
    const mdat = byType('mdat');
    expect(byType('stco').body.readUInt32BE(8)).toBe(mdat.start + 8);
    const stsz = byType('stsz').body;
    expect(stsz.readUInt32BE(4) * stsz.readUInt32BE(8)).toBe(mdat.size - 8);
    expect(mdat.start + mdat.size).toBe(mp4.length);
  });

  it('reports a vertical size and short duration too', () => {
    const all = boxes(encodeMp4({ width: 720, height: 1280, durationSeconds: 4 }));
    const mdhd = all.find((b) => b.type === 'mdhd')!.body;
    expect(mdhd.readUInt32BE(16) / mdhd.readUInt32BE(12)).toBe(4);
    const tkhd = all.find((b) => b.type === 'tkhd')!.body;
    expect(tkhd.readUInt32BE(80) / 65536).toBe(1280);
    expect(() => encodeMp4({ width: 0, height: 1, durationSeconds: 1 })).toThrow(RangeError);
  });
});

describe('FileStore', () => {
  it('drops the oldest files past its byte budget, always keeps the newest, and counts a replaced file once', () => {
    const store = new FileStore('http://emulator.invalid', 10);
    const a = store.add('.bin', Buffer.alloc(4), 'application/octet-stream');
    const b = store.add('.bin', Buffer.alloc(4), 'application/octet-stream');
    store.put('c.bin', Buffer.alloc(4), 'application/octet-stream');
    expect([store.get(a.name), store.get(b.name)?.name, store.bytes]).toEqual([undefined, b.name, 8]);
    store.put('c.bin', Buffer.alloc(2), 'application/octet-stream');
    expect(store.bytes).toBe(6);
    const big = store.add('.bin', Buffer.alloc(20), 'application/octet-stream');
    expect(store.fromUrl(big.url)?.bytes).toHaveLength(20);
    expect(store.get('c.bin')).toBeUndefined();
  });
});

describe('encodeJpeg and encodeWebp', () => {
  it('make a JPEG (SOI, JFIF, SOF0 of the size, EOI) the same for the same seed and other for another', () => {
    const a = encodeJpeg(37, 21, 'seed');
    expect([...a.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect(a.toString('ascii', 6, 10)).toBe('JFIF');
    expect([...a.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(jpegSize(a)).toEqual({ width: 37, height: 21 });
    expect(encodeJpeg(37, 21, 'seed')).toEqual(a);
    expect(encodeJpeg(37, 21, 'other')).not.toEqual(a);
    expect(() => encodeJpeg(0, 1, 'x')).toThrow(RangeError);
  });

  it('make a lossless WebP (RIFF WEBP VP8L) of the size with an even chunk length', () => {
    const a = encodeWebp(1536, 1024, 'seed');
    expect(a.toString('ascii', 0, 4)).toBe('RIFF');
    expect(a.readUInt32LE(4)).toBe(a.length - 8);
    expect(webpSize(a)).toEqual({ width: 1536, height: 1024 });
    expect(a.length % 2).toBe(0);
    expect(encodeWebp(1536, 1024, 'other')).not.toEqual(a);
    expect(() => encodeWebp(16385, 1, 'x')).toThrow(RangeError);
  });
});
