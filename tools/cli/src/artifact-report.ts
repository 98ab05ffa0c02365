/** A stored artifact as `generate` reports it: a JSON entry and a human line. */
import { relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Artifact } from '@boards/core';
import { formatBytes } from './output';

export interface ArtifactEntry {
  type: Artifact['type'];
  /** Absolute local path of the stored file. */
  path: string;
  storageUrl: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
  fps?: number;
  sampleRate?: number;
  channels?: number;
  text?: string;
}

export function artifactEntry(artifact: Artifact): ArtifactEntry {
  const path = artifact.storageUrl.startsWith('file:') ? fileURLToPath(artifact.storageUrl) : artifact.storageUrl;
  const { type, ...rest } = artifact;
  return { type, path, ...rest } as ArtifactEntry;
}

/** Path relative to cwd when it lies below it (shorter to read and to paste). */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** `image/png  1024x1024  9.6 kB`. */
export function mediaFacts(entry: ArtifactEntry): string {
  const facts = [entry.mimeType];
  if (entry.width && entry.height) facts.push(`${entry.width}x${entry.height}`);
  if (entry.durationSeconds !== undefined) facts.push(`${Number(entry.durationSeconds.toFixed(2))}s`);
  if (entry.fps) facts.push(`${entry.fps} fps`);
  if (entry.sampleRate) facts.push(`${entry.sampleRate} Hz`);
  if (entry.type === 'text' && entry.text !== undefined) facts.push(`${entry.text.length} characters`);
  facts.push(formatBytes(entry.sizeBytes));
  return facts.join('  ');
}

/** The first lines of a text artifact, indented, for the terminal. */
export function textPreview(text: string, maxChars = 400): string[] {
  const shown = text.length > maxChars ? `${text.slice(0, maxChars)}...` : text;
  return shown.split('\n').map((line) => `    ${line}`);
}
