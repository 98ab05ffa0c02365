/** Options of {@link encodeMp4}. */
export interface Mp4Options {
  /** Frame width in pixels. */
  width: number;
  /** Frame height in pixels. */
  height: number;
  /** Duration reported by mvhd/tkhd/mdhd, in seconds. */
  durationSeconds: number;
  /** Frames per second of the (empty) sample table. Default 24. */
  fps?: number;
}

const TIMESCALE = 1000;
const MATRIX = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, body]);
}

function u32(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
}

function u16(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => b.writeUInt16BE(v & 0xffff, i * 2));
  return b;
}

const fullBox = (type: string, version: number, flags: number, ...parts: Buffer[]) => box(type, u32(((version & 255) << 24) | (flags & 0xffffff)), ...parts);

function sampleTable(frames: number, delta: number, sampleSize: number, chunkOffset: number, width: number, height: number): Buffer {
  const visualEntry = box(
    'avc1',
    Buffer.alloc(6), // reserved
    u16(1), // data_reference_index
    Buffer.alloc(16), // pre_defined + reserved
    u16(width, height),
    u32(0x00480000, 0x00480000, 0), // 72 dpi, reserved
    u16(1), // frame_count
    Buffer.alloc(32), // compressorname
    u16(0x0018, 0xffff), // depth, pre_defined
  );
  return box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), visualEntry),
    fullBox('stts', 0, 0, u32(1, frames, delta)),
    fullBox('stsc', 0, 0, u32(1, 1, frames, 1)),
    fullBox('stsz', 0, 0, u32(sampleSize, frames)),
    fullBox('stco', 0, 0, u32(1, chunkOffset)),
  );
}

/**
 * Encodes a small, well-formed ISO-BMFF MP4 (ftyp, moov with mvhd/trak/tkhd/mdia, mdat) that
 * reports the requested duration and frame size. The frames are placeholders: the container
 * parses, the video does not decode.
 */
export function encodeMp4(options: Mp4Options): Buffer<ArrayBuffer> {
  const { width, height, durationSeconds } = options;
  const fps = options.fps ?? 24;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 65535 || height > 65535) {
    throw new RangeError(`encodeMp4: invalid size ${width}x${height}`);
  }
  if (!(durationSeconds > 0) || durationSeconds > 3600) throw new RangeError(`encodeMp4: invalid duration ${durationSeconds}`);
  const duration = Math.round(durationSeconds * TIMESCALE);
  const frames = Math.max(1, Math.round(durationSeconds * fps));
  const delta = Math.max(1, Math.floor(duration / frames));
  const sampleSize = 8;
  const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'ascii'));
  const mdatPayload = Buffer.alloc(frames * sampleSize);
  const build = (chunkOffset: number) =>
    box(
      'moov',
      fullBox('mvhd', 0, 0, u32(0, 0, TIMESCALE, duration, 0x00010000), u16(0x0100, 0), u32(0, 0), u32(...MATRIX), Buffer.alloc(24), u32(2)),
      box(
        'trak',
        fullBox('tkhd', 0, 3, u32(0, 0, 1, 0, duration, 0, 0), u16(0, 0, 0, 0), u32(...MATRIX), u32(width * 0x10000, height * 0x10000)),
        box(
          'mdia',
          fullBox('mdhd', 0, 0, u32(0, 0, TIMESCALE, duration), u16(0x55c4, 0)), // language 'und'
          fullBox('hdlr', 0, 0, u32(0), Buffer.from('vide', 'ascii'), Buffer.alloc(12), Buffer.from('VideoHandler\0', 'ascii')),
          box(
            'minf',
            fullBox('vmhd', 0, 1, u16(0, 0, 0, 0)),
            box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
            sampleTable(frames, delta, sampleSize, chunkOffset, width, height),
          ),
        ),
      ),
    );
  // The moov size does not depend on the chunk offset value, so build once to measure.
  const moovSize = build(0).length;
  const moov = build(ftyp.length + moovSize + 8);
  return Buffer.concat([ftyp, moov, box('mdat', mdatPayload)]);
}
