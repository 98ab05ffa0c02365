import { seedInt } from './seed';

/** Default sample rate of {@link encodeWav}. */
export const WAV_SAMPLE_RATE = 24_000;

/**
 * Encodes a 16-bit PCM mono WAV of `durationSeconds`: a sine tone whose pitch (220..880 Hz)
 * derives from `seed`. Same arguments, same bytes.
 */
export function encodeWav(durationSeconds: number, seed: unknown = 0, sampleRate = WAV_SAMPLE_RATE): Buffer<ArrayBuffer> {
  if (!(durationSeconds >= 0) || !Number.isFinite(durationSeconds) || durationSeconds > 3600) {
    throw new RangeError(`encodeWav: invalid duration ${durationSeconds} (0..3600 s)`);
  }
  if (!Number.isInteger(sampleRate) || sampleRate < 1000 || sampleRate > 192_000) {
    throw new RangeError(`encodeWav: invalid sample rate ${sampleRate}`);
  }
  const samples = Math.round(durationSeconds * sampleRate);
  const dataBytes = samples * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28); // byte rate
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  const frequency = 220 + (seedInt(seed) % 661);
  const step = (2 * Math.PI * frequency) / sampleRate;
  for (let i = 0; i < samples; i++) {
    out.writeInt16LE(Math.round(Math.sin(i * step) * 0.3 * 32767), 44 + i * 2);
  }
  return out;
}

/** Duration in seconds of a PCM WAV (from its fmt and data chunks), or undefined when unreadable. */
export function wavDurationSeconds(bytes: Buffer): number | undefined {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') return undefined;
  let byteRate = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 20 <= bytes.length) byteRate = bytes.readUInt32LE(offset + 16);
    if (id === 'data') {
      const available = Math.min(size, bytes.length - offset - 8);
      return byteRate > 0 ? available / byteRate : undefined;
    }
    offset += 8 + size + (size % 2);
  }
  return undefined;
}
