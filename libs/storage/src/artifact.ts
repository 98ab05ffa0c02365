import { sniffMedia, type Artifact, type ArtifactDraft, type MediaInfo } from '@boards/core';
import { InvalidArtifactError } from './errors';

/** The fields every stored artifact has, known once the bytes are written. */
export interface StoredFacts {
  storageUrl: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

type MediaFields =
  | { type: 'image'; width: number; height: number }
  | { type: 'video'; width?: number; height?: number; durationSeconds?: number; fps?: number }
  | { type: 'audio'; durationSeconds?: number; sampleRate?: number; channels?: number }
  | { type: 'text'; text: string };

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * The draft's mimeType, unless it is blank or generic and the bytes say better:
 * providers often serve files as application/octet-stream.
 */
export function draftMimeType(draft: ArtifactDraft): string {
  const declared = draft.mimeType.trim().toLowerCase();
  if (!GENERIC_TYPES.has(declared)) return declared;
  return sniffMedia(draft.bytes)?.mimeType ?? (draft.type === 'text' ? 'text/plain' : 'application/octet-stream');
}

/**
 * The type-specific fields, from the draft and, where it is silent, from the bytes' headers.
 * Runs before anything is written, so an invalid draft leaves no file behind.
 */
export function mediaFields(draft: ArtifactDraft, generatorId: string): MediaFields {
  if (draft.bytes.byteLength === 0 && draft.type !== 'text') {
    throw new InvalidArtifactError(generatorId, `the ${draft.type} has no bytes`);
  }
  // Header parsing only (no decoding), cheap enough to do even when the draft says everything.
  const sniffed: MediaInfo | undefined = draft.type === 'text' ? undefined : sniffMedia(draft.bytes);
  switch (draft.type) {
    case 'image': {
      const width = draft.width ?? sniffed?.width;
      const height = draft.height ?? sniffed?.height;
      if (!isSize(width) || !isSize(height)) {
        throw new InvalidArtifactError(generatorId, 'image width and height are unknown (not given, and the bytes are not a readable PNG, JPEG or WebP)');
      }
      return { type: 'image', width, height };
    }
    case 'video':
      return definedOnly({
        type: 'video' as const,
        width: draft.width ?? sniffed?.width,
        height: draft.height ?? sniffed?.height,
        durationSeconds: draft.durationSeconds ?? sniffed?.durationSeconds,
        fps: draft.fps ?? sniffed?.fps,
      });
    case 'audio':
      return definedOnly({
        type: 'audio' as const,
        durationSeconds: draft.durationSeconds ?? sniffed?.durationSeconds,
        sampleRate: draft.sampleRate ?? sniffed?.sampleRate,
        channels: draft.channels ?? sniffed?.channels,
      });
    case 'text':
      return { type: 'text', text: draft.text ?? new TextDecoder('utf-8').decode(draft.bytes) };
  }
}

export function toArtifact(fields: MediaFields, stored: StoredFacts): Artifact {
  return { ...fields, ...stored };
}

function isSize(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value > 0;
}

/** Drops undefined fields so artifacts serialise and compare without `key: undefined` noise. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
