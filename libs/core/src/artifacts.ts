/** What generators produce. Every artifact is stored; `storageUrl` is where its bytes live. */
export type ArtifactType = 'image' | 'video' | 'audio' | 'text';

interface StoredArtifactBase {
  /** Stable location of the stored bytes (file:// for the local store). */
  storageUrl: string;
  mimeType: string;
  /** Size of the stored bytes. */
  sizeBytes: number;
  /** SHA-256 of the stored bytes, hex. */
  sha256: string;
}

export interface ImageArtifact extends StoredArtifactBase {
  type: 'image';
  width: number;
  height: number;
}

export interface VideoArtifact extends StoredArtifactBase {
  type: 'video';
  width?: number;
  height?: number;
  /** Seconds. */
  durationSeconds?: number;
  fps?: number;
}

export interface AudioArtifact extends StoredArtifactBase {
  type: 'audio';
  durationSeconds?: number;
  sampleRate?: number;
  channels?: number;
}

export interface TextArtifact extends StoredArtifactBase {
  type: 'text';
  text: string;
}

export type Artifact = ImageArtifact | VideoArtifact | AudioArtifact | TextArtifact;

/**
 * How a generator's input names a file it needs (an image to edit, audio to
 * transcribe): a local path, a file:// / http(s):// / data: URL, or a stored artifact's storageUrl.
 */
export type ArtifactRef = string;

export interface ResolvedInput {
  bytes: Uint8Array;
  mimeType: string;
  /** A file name to give providers that want one. */
  fileName: string;
}
