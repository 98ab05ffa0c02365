import type { FileStore } from '../../kernel/files';

/**
 * A result with every URL of the emulator's file store replaced by a data URI of its bytes, as fal
 * answers `sync_mode: true` ("the media will be returned as a data URI", fal-js PR 212 schemas).
 */
export function inlineMedia(value: unknown, files: FileStore): unknown {
  if (typeof value === 'string') {
    const file = files.fromUrl(value);
    return file ? `data:${file.contentType};base64,${file.bytes.toString('base64')}` : value;
  }
  if (Array.isArray(value)) return value.map((item) => inlineMedia(item, files));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inlineMedia(item, files)]));
  return value;
}
