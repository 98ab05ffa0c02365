import { crc32 } from 'node:zlib';
import { mediaProblem } from './media-check';
import { silentWav } from './media-write';

// The emulator writes well-formed PNGs: use them as samples (a test-only, lazy import, as media.test.ts does).
let encodePng: (width: number, height: number, seed?: unknown) => Uint8Array;
beforeAll(async () => {
  ({ encodePng } = await import('@boards/emulator'));
});

const png = (size: number) => Buffer.from(encodePng(size, size, 7));

/** A valid PNG of `size` x `rows` whose IHDR then claims `size` x `size` (its CRC fixed). */
function claimingMoreRows(size: number, rows: number): Buffer {
  const bytes = Buffer.from(encodePng(size, rows, 7));
  bytes.writeUInt32BE(size, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)) >>> 0, 29);
  return bytes;
}

describe('mediaProblem: does an output decode to its declared size?', () => {
  it('accepts whole PNG and WAV files', async () => {
    expect(await mediaProblem(png(64))).toBeUndefined();
    expect(await mediaProblem(silentWav(0.5))).toBeUndefined();
  });

  it('refuses a PNG cut short (no IEND), a bad CRC, and pixel data short of the declared size', async () => {
    const whole = png(64);
    expect(await mediaProblem(whole.subarray(0, whole.length - 12))).toMatch(/no IEND/);
    expect(await mediaProblem(whole.subarray(0, whole.length - 20))).toMatch(/PNG chunk IDAT is cut short/);
    const flipped = png(64);
    flipped[40] ^= 0xff;
    expect(await mediaProblem(flipped)).toMatch(/fails its CRC/);
    expect(await mediaProblem(claimingMoreRows(64, 10))).toMatch(/pixel data is \d+ of \d+ bytes for 64x64/);
  });

  it('refuses a WAV whose data chunk is cut, an MP4 box that runs past the end and a JPEG without its end marker', async () => {
    const wav = silentWav(0.5);
    expect(await mediaProblem(wav.subarray(0, wav.length - 100))).toMatch(/WAVE declares|WAV data declares/);
    const box = Buffer.alloc(32);
    box.writeUInt32BE(16, 0);
    box.write('ftypisom', 4, 'ascii');
    box.writeUInt32BE(4096, 16);
    box.write('moov', 20, 'ascii');
    expect(await mediaProblem(box)).toMatch(/MP4 box moov declares 4096 bytes/);
    expect(await mediaProblem(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]))).toMatch(/JPEG has no end-of-image/);
  });

  it('refuses an MP3 whose last frame is cut short', async () => {
    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames.
    const frame = Buffer.alloc(417);
    frame.set([0xff, 0xfb, 0x90, 0x00]);
    expect(await mediaProblem(Buffer.concat([frame, frame]))).toBeUndefined();
    expect(await mediaProblem(Buffer.concat([frame, frame.subarray(0, 200)]))).toMatch(/MP3 frame 2 is cut short/);
  });
});
