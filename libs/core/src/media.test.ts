import { probeLocalMedia, sniffMedia } from './media';
import { extensionFor, mimeTypeForPath, silentWav } from './media-write';

describe('media sniffing', () => {
  it('reads WAV duration, rate and channels', () => {
    expect(sniffMedia(silentWav(2.5))).toMatchObject({ mimeType: 'audio/wav', durationSeconds: 2.5, sampleRate: 8000, channels: 1 });
  });

  it('reads PNG dimensions from IHDR', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer);
    view.setUint32(16, 640);
    view.setUint32(20, 480);
    expect(sniffMedia(png)).toMatchObject({ mimeType: 'image/png', width: 640, height: 480 });
  });

  it('probes data: URLs without a network call and gives up on remote URLs', () => {
    const dataUrl = `data:audio/wav;base64,${Buffer.from(silentWav(1)).toString('base64')}`;
    expect(probeLocalMedia(dataUrl)?.durationSeconds).toBe(1);
    expect(probeLocalMedia('https://example.com/a.wav')).toBeUndefined();
    expect(probeLocalMedia('/no/such/file.wav')).toBeUndefined();
  });

  it('maps types and extensions', () => {
    expect(extensionFor('image/jpeg')).toBe('jpg');
    expect(extensionFor('text/plain; charset=utf-8')).toBe('txt');
    expect(mimeTypeForPath('a/b/c.JPEG')).toBe('image/jpeg');
    expect(mimeTypeForPath('x.wav')).toBe('audio/wav');
  });
});

describe('mp4 sniffing', () => {
  it('reads duration, size and frame rate from an ISO-BMFF container', async () => {
    // The emulator writes a well-formed container: use it as the sample (a test-only import).
    const { encodeMp4 } = await import('@boards/emulator');
    const info = sniffMedia(encodeMp4({ width: 640, height: 360, durationSeconds: 4, fps: 25 }));
    expect(info).toMatchObject({ mimeType: 'video/mp4', width: 640, height: 360, durationSeconds: 4, fps: 25 });
  });
});

describe('mp3 sniffing', () => {
  it('reads rate, channels and a constant-bit-rate duration after an ID3 tag', () => {
    // A 10-byte ID3v2 header with a 20-byte tag, then 128 kbit/s 44.1 kHz mono frames: 32 000 bytes = 2 s.
    const tag = Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 20]), Buffer.alloc(20)]);
    const audio = Buffer.alloc(32_000);
    audio.set([0xff, 0xfb, 0x90, 0xc4]);
    expect(sniffMedia(Buffer.concat([tag, audio]))).toMatchObject({ mimeType: 'audio/mpeg', sampleRate: 44100, channels: 1, durationSeconds: 2 });
  });

  it('invents no duration when no frame header follows the tag', () => {
    expect(sniffMedia(Buffer.from('ID3 is a tag format, this is text'))?.durationSeconds).toBeUndefined();
  });
});
