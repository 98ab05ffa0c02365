/**
 * The media probes read bytes from providers and users: for any bytes, random or a valid file
 * broken in a structured way (bit flips, cuts, a length field set to 0, 1 or 2^31-1, a cut just
 * inside a box or chunk), each returns (a description, a problem, or "not recognised") and never
 * throws; a throw may only be the project's typed error. Each call is also timed.
 */
import fc from 'fast-check';
import { BoardsError } from './errors';
import { mediaSignature, sniffMedia } from './media';
import { mediaProblem } from './media-check';
import { silentWav } from './media-write';

/** No call may take this much CPU time: the inputs are at most a few kilobytes. */
const CALL_MS = 100;

/** This process's CPU time: a bound on the probes' work that a busy machine's scheduler does not move. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * A box, chunk or segment of a sample: where its length field is, and how that length relates
 * to its extent (`stored = end - start - bias`: an MP4 box's size counts its header, a PNG
 * chunk's counts neither header nor CRC). `parents` are the boxes that contain it.
 */
interface Box {
  start: number;
  end: number;
  lengthAt: number;
  width: 2 | 4;
  little?: boolean;
  bias: number;
  parents: number[];
}
interface Sample {
  name: string;
  bytes: Uint8Array;
  boxes: Box[];
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

function pngSample(name: string, bytes: Uint8Array): Sample {
  const boxes: Box[] = [];
  for (let i = 8; i + 12 <= bytes.length; i += 12 + view(bytes).getUint32(i)) {
    boxes.push({ start: i, end: i + 12 + view(bytes).getUint32(i), lengthAt: i, width: 4, bias: 12, parents: [] });
  }
  return { name, bytes, boxes };
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl']);
function mp4Sample(name: string, bytes: Uint8Array): Sample {
  const boxes: Box[] = [];
  const walk = (from: number, to: number, parents: number[]) => {
    for (let i = from; i + 8 <= to && view(bytes).getUint32(i) >= 8; i += view(bytes).getUint32(i)) {
      boxes.push({ start: i, end: i + view(bytes).getUint32(i), lengthAt: i, width: 4, bias: 0, parents });
      if (CONTAINERS.has(ascii(bytes, i + 4, i + 8))) walk(i + 8, i + view(bytes).getUint32(i), [...parents, boxes.length - 1]);
    }
  };
  walk(0, bytes.length, []);
  return { name, bytes, boxes };
}

function riffSample(name: string, bytes: Uint8Array): Sample {
  const boxes: Box[] = [{ start: 0, end: bytes.length, lengthAt: 4, width: 4, little: true, bias: 8, parents: [] }];
  for (let i = 12; i + 8 <= bytes.length;) {
    const size = view(bytes).getUint32(i + 4, true);
    boxes.push({ start: i, end: i + 8 + size, lengthAt: i + 4, width: 4, little: true, bias: 8, parents: [0] });
    i += 8 + size + (size % 2);
  }
  return { name, bytes, boxes };
}

function jpegSample(): Sample {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const bytes = Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, new Array(65).fill(1)),
    ...segment(0xc0, [8, 0, 16, 0, 32, 1, 1, 0x11, 0]),
    ...segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x12,
    0x34,
    0xff,
    0xd9,
  ]);
  const boxes: Box[] = [];
  for (let i = 2; i + 4 <= bytes.length && bytes[i] === 0xff && bytes[i + 1] !== 0xd9;) {
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    boxes.push({ start: i, end: i + 2 + length, lengthAt: i + 2, width: 2, bias: 2, parents: [] });
    i += 2 + length;
  }
  return { name: 'JPEG', bytes, boxes };
}

function mp3Sample(): Sample {
  // An ID3v2 tag of 20 bytes, then two 128 kbit/s 44.1 kHz frames of 417 bytes.
  const frame = new Uint8Array(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]);
  const bytes = Uint8Array.from([...Buffer.from('ID3'), 4, 0, 0, 0, 0, 0, 20, ...new Uint8Array(20), ...frame, ...frame]);
  return { name: 'MP3', bytes, boxes: [{ start: 0, end: 30, lengthAt: 6, width: 4, bias: 10, parents: [] }] };
}

function webpSample(): Sample {
  const bytes = new Uint8Array(30 + 10);
  bytes.set(Buffer.from('RIFF'), 0);
  view(bytes).setUint32(4, bytes.length - 8, true);
  bytes.set(Buffer.from('WEBPVP8X'), 8);
  view(bytes).setUint32(16, 10, true);
  bytes.set([15, 0, 0, 7, 0, 0], 24);
  return riffSample('WebP', bytes);
}

let samples: Sample[] = [];
beforeAll(async () => {
  // Well-formed PNG, WAV and MP4 from the emulator's encoders (a test-only import).
  const { encodeMp4, encodePng, encodeWav } = await import('@boards/emulator');
  samples = [
    pngSample('PNG', encodePng(4, 3)),
    mp4Sample('MP4', encodeMp4({ width: 64, height: 48, durationSeconds: 0.2, fps: 10 })),
    riffSample('WAV', encodeWav(0.01, 0, 8000)),
    riffSample('WAV (core)', silentWav(0.01)),
    jpegSample(),
    mp3Sample(),
    webpSample(),
  ];
});

const VALUES_32 = [0, 1, 7, 8, 0x7fffffff, 0x80000000, 0xffffffff];
const VALUES_16 = [0, 1, 2, 0x7fff, 0xffff];

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'cut'; at: number }
  | { op: 'length'; box: number; value: number }
  | { op: 'cut-inside'; box: number; into: number }
  | { op: 'shrink'; box: number; keep: number }
  | { op: 'splice'; at: number; insert: Uint8Array };

function setLength(bytes: Uint8Array, box: Box, value: number): void {
  if (box.lengthAt + box.width > bytes.length) return;
  if (box.width === 4) view(bytes).setUint32(box.lengthAt, value >>> 0, box.little);
  else view(bytes).setUint16(box.lengthAt, value & 0xffff, box.little);
}

function mutate(sample: Sample, mutations: Mutation[]): Uint8Array {
  let bytes = Uint8Array.from(sample.bytes);
  const boxAt = (n: number) => sample.boxes[n % sample.boxes.length];
  for (const m of mutations) {
    const at = (n: number) => (bytes.length === 0 ? 0 : n % bytes.length);
    if (m.op === 'flip' && bytes.length > 0) bytes[at(m.at)] ^= 1 << m.bit;
    else if (m.op === 'cut') bytes = bytes.subarray(0, at(m.at));
    else if (m.op === 'length') {
      const box = boxAt(m.box);
      setLength(bytes, box, (box.width === 4 ? VALUES_32 : VALUES_16)[m.value % (box.width === 4 ? VALUES_32 : VALUES_16).length]);
    } else if (m.op === 'cut-inside') bytes = bytes.subarray(0, Math.min(bytes.length, boxAt(m.box).start + m.into));
    else if (m.op === 'shrink') {
      // The box keeps `keep` bytes past its header and ends the file; it and every box around it
      // say so: a short box whose sizes all agree, which the container checks cannot tell from a real one.
      const box = boxAt(m.box);
      const end = Math.min(bytes.length, box.end, Math.max(box.lengthAt + box.width, box.start + box.bias + m.keep));
      bytes = bytes.slice(0, end);
      for (const b of [box, ...box.parents.map((p) => sample.boxes[p])]) setLength(bytes, b, end - b.start - b.bias);
    } else if (m.op === 'splice') bytes = Uint8Array.from([...bytes.subarray(0, at(m.at)), ...m.insert, ...bytes.subarray(at(m.at))]);
  }
  return bytes;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('length' as const), box: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant('cut-inside' as const), box: fc.nat(), into: fc.integer({ min: 0, max: 24 }) }),
  fc.record({ op: fc.constant('shrink' as const), box: fc.nat(), keep: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), insert: fc.uint8Array({ maxLength: 16 }) }),
);

/** A valid sample broken by one to three mutations. */
const broken = () =>
  fc.record({ sample: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }).map(({ sample, mutations }) => ({
    name: samples[sample % samples.length].name,
    bytes: mutate(samples[sample % samples.length], mutations),
  }));

/** Random bytes, some behind a real signature so that they reach the format's parser. */
const random = () =>
  fc
    .record({
      prefix: fc.constantFrom(
        '',
        '\x89PNG\r\n\x1a\n',
        '\xff\xd8',
        'RIFF\x10\x00\x00\x00WAVE',
        'RIFF\x10\x00\x00\x00WEBP',
        '\x00\x00\x00\x10ftyp',
        'ID3',
        '\xff\xfb',
      ),
      tail: fc.uint8Array({ maxLength: 512 }),
    })
    .map(({ prefix, tail }) => ({ name: `random after ${JSON.stringify(prefix)}`, bytes: Uint8Array.from([...Buffer.from(prefix, 'latin1'), ...tail]) }));

/** Runs `call`; fails when it throws anything but a BoardsError or takes CALL_MS or more. */
async function returnsInTime(name: string, call: () => unknown): Promise<void> {
  const started = cpuMs();
  try {
    await call();
  } catch (error) {
    if (!BoardsError.isInstance(error)) throw new Error(`${name}: threw ${String(error)} instead of returning`);
  }
  const ms = cpuMs() - started;
  if (ms >= CALL_MS) throw new Error(`${name}: took ${ms.toFixed(0)} ms of CPU`);
}

/** Every numeric fact sniffMedia reports is a finite, non-negative number. */
function saneFacts(bytes: Uint8Array): void {
  const info = sniffMedia(bytes);
  for (const [key, value] of Object.entries(info ?? {})) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) throw new Error(`sniffMedia gave ${key} ${value}`);
  }
}

async function probeAll({ name, bytes }: { name: string; bytes: Uint8Array }): Promise<void> {
  await returnsInTime(`sniffMedia(${name})`, () => saneFacts(bytes));
  await returnsInTime(`mediaSignature(${name})`, () => mediaSignature(bytes));
  await returnsInTime(`mediaProblem(${name})`, () => mediaProblem(bytes));
}

describe('media probes on hostile bytes', () => {
  it('read no field outside its box: a 32-byte MP4 that mediaProblem accepts is an MP4 without facts', async () => {
    // ftyp (16 bytes), then moov (16) holding an mvhd box of 8 bytes: no version, no timescale.
    const bytes = Buffer.concat([
      Buffer.from('00000010', 'hex'),
      Buffer.from('ftypisom'),
      Buffer.alloc(4),
      Buffer.from('00000010', 'hex'),
      Buffer.from('moov'),
      Buffer.from('00000008', 'hex'),
      Buffer.from('mvhd'),
    ]);
    expect(bytes).toHaveLength(32);
    await expect(mediaProblem(bytes)).resolves.toBeUndefined();
    expect(sniffMedia(bytes)).toEqual({ mimeType: 'video/mp4', extension: 'mp4' });
    // The same short box as mdhd, tkhd, hdlr and stts (after a video hdlr).
    for (const type of ['mdhd', 'tkhd', 'hdlr']) expect(sniffMedia(Buffer.from(bytes).fill(type, 28, 32))).toEqual({ mimeType: 'video/mp4', extension: 'mp4' });
  });

  it('do not recurse without end into boxes nested 50 000 deep', () => {
    const depth = 50_000;
    const bytes = Buffer.alloc(16 + depth * 8);
    bytes.write('\x00\x00\x00\x10ftypisom', 0, 'latin1');
    for (let i = 0; i < depth; i++) {
      bytes.writeUInt32BE(bytes.length - 16 - i * 8, 16 + i * 8);
      bytes.write('moov', 20 + i * 8, 'latin1');
    }
    expect(sniffMedia(bytes)).toEqual({ mimeType: 'video/mp4', extension: 'mp4' });
  });

  it('reject a PNG whose IHDR is too short to hold its fields', async () => {
    const { crc32 } = await import('node:zlib');
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(data, crc32(Buffer.from(type, 'latin1'))) >>> 0, 0);
      return Buffer.concat([head, data, crc]);
    };
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', Buffer.alloc(0))]);
    await expect(mediaProblem(png)).resolves.toBe('PNG IHDR chunk is 0 bytes, not 13');
  });

  // 2,500 inputs in all, a third random bytes and two thirds broken files, in two tests.
  it('return for random bytes, within the time bound', async () => {
    await fc.assert(fc.asyncProperty(random(), probeAll), { numRuns: 850 });
  });

  it('return for valid files broken by flips, cuts, length fields and short boxes, within the time bound', async () => {
    // The samples themselves first: the mutations start from files the probes read.
    for (const sample of samples) expect(sniffMedia(sample.bytes)).toBeDefined();
    await fc.assert(fc.asyncProperty(broken(), probeAll), { numRuns: 1650 });
  });
});
