import { mediaSignature } from './media';
import { silentWav } from './media-write';

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');
const ascii = (text: string) => Buffer.from(text, 'latin1');

/** One MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz): frames are 417 bytes long. */
const MP3_FRAME = Buffer.concat([hex('fffb9000'), Buffer.alloc(413)]);
/** One AAC ADTS frame (44.1 kHz, stereo) of 16 bytes. */
const ADTS_FRAME = Buffer.concat([hex('fff15080021ffc'), Buffer.alloc(9)]);

describe('mediaSignature: the type of an input from its first bytes', () => {
  it.each([
    ['PNG', hex('89504e470d0a1a0a 0000000d49484452'), 'image/png', ['image']],
    ['JPEG', hex('ffd8ffe000104a464946'), 'image/jpeg', ['image']],
    ['GIF', ascii('GIF89a\x01\x00\x01\x00'), 'image/gif', ['image']],
    ['WebP', ascii('RIFF\x24\x00\x00\x00WEBPVP8 '), 'image/webp', ['image']],
    ['AVIF', Buffer.concat([hex('0000001c'), ascii('ftypavif')]), 'image/avif', ['image']],
    ['WAV', Buffer.from(silentWav(1)), 'audio/wav', ['audio']],
    ['FLAC', ascii('fLaC\x00\x00\x00\x22'), 'audio/flac', ['audio']],
    ['MP3 with an ID3 tag', ascii('ID3\x04\x00\x00\x00\x00\x00\x00'), 'audio/mpeg', ['audio']],
    ['MP3 frames', Buffer.concat([MP3_FRAME, MP3_FRAME]), 'audio/mpeg', ['audio']],
    ['AAC (ADTS)', Buffer.concat([ADTS_FRAME, ADTS_FRAME]), 'audio/aac', ['audio']],
    ['M4A', Buffer.concat([hex('00000020'), ascii('ftypM4A ')]), 'audio/mp4', ['audio']],
    ['Ogg', ascii('OggS\x00\x02'), 'audio/ogg', ['audio', 'video']],
    ['MP4', Buffer.concat([hex('00000018'), ascii('ftypisom')]), 'video/mp4', ['video', 'audio']],
    ['WebM', Buffer.concat([hex('1a45dfa3 9f4286810142f7810142f2810442f381084282'), ascii('webm')]), 'video/webm', ['video', 'audio']],
    ['AVI', ascii('RIFF\x00\x00\x00\x00AVI LIST'), 'video/x-msvideo', ['video']],
  ])('knows %s', (_name, head, mimeType, kinds) => {
    expect(mediaSignature(head)).toEqual({ mimeType, kinds });
  });

  it('finds no signature in text, zeros or bytes that only start like an MP3 frame', () => {
    expect(mediaSignature(ascii('root:x:0:0:root:/root:/bin/bash\n'))).toBeUndefined();
    expect(mediaSignature(new Uint8Array(65536))).toBeUndefined();
    expect(mediaSignature(new Uint8Array())).toBeUndefined();
    // A frame header, then no second frame where the first one ends.
    expect(mediaSignature(Buffer.concat([MP3_FRAME, Buffer.alloc(100)]))).toBeUndefined();
  });

  it('looks at the first bytes only, however long the input', () => {
    const wav = Buffer.from(silentWav(1));
    expect(mediaSignature(Buffer.concat([wav, Buffer.alloc(1 << 20)]))).toEqual({ mimeType: 'audio/wav', kinds: ['audio'] });
  });
});
