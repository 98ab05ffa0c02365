/**
 * Writing media: the file extension and media type a stored artifact gets, and the smallest
 * honest sample a live test sends. Reading what media holds is media.ts.
 */

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/mpeg': 'mp3',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
  'image/gif': 'gif',
  'text/plain': 'txt',
  'application/json': 'json',
};

export function extensionFor(mimeType: string): string {
  return EXTENSIONS[mimeType.split(';')[0].trim()] ?? 'bin';
}

export function mimeTypeForPath(path: string): string {
  const ext = path.split(/[?#]/)[0].split('.').pop()?.toLowerCase() ?? '';
  const found = Object.entries(EXTENSIONS).find(([, e]) => e === ext || (ext === 'jpeg' && e === 'jpg'));
  return found ? found[0] : 'application/octet-stream';
}

/** A valid 16-bit PCM WAV of silence (mono by default): the smallest honest audio input for live tests. */
export function silentWav(seconds: number, sampleRate = 8000, channels = 1): Uint8Array {
  const blockAlign = channels * 2;
  const dataBytes = Math.round(seconds * sampleRate) * blockAlign;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(channels, 22);
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * blockAlign, 28);
  buffer.writeUInt16LE(blockAlign, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  return new Uint8Array(buffer);
}
