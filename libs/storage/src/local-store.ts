import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidConfigError, extensionFor, type Artifact, type ArtifactDraft, type ArtifactStore, type ResolveOptions, type ResolvedInput } from '@boards/core';
import { draftMimeType, mediaFields, toArtifact } from './artifact';
import { writeOnce } from './content-store';
import { resolveRef } from './resolve-ref';

export interface LocalStoreOptions {
  /**
   * Directory for artifacts, resolved against process.cwd(). Default: `./boards-output`.
   * Storage reads no environment: the caller passes BOARDS_STORAGE_DIR (@boards/config `storageDir()`), as the CLI does.
   */
  root?: string;
  /** Deadline for downloading an http(s) input, in ms. No env var. Default: 60000. */
  downloadTimeoutMs?: number;
  /** What set `root`, for error messages (the CLI passes `--out` or BOARDS_STORAGE_DIR). Default: BOARDS_STORAGE_DIR. */
  rootSetting?: string;
}

const SAFE_DIR_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Stores artifacts as `<root>/<generatorId>/<first 16 hex of sha256>.<ext>`: content-addressed,
 * so storing the same bytes again returns the same file instead of a copy.
 */
export class LocalArtifactStore implements ArtifactStore {
  readonly root: string;
  private readonly downloadTimeoutMs: number;
  private readonly rootSetting: string;

  constructor(options: LocalStoreOptions = {}) {
    this.root = resolve(options.root ?? 'boards-output');
    this.downloadTimeoutMs = options.downloadTimeoutMs ?? 60_000;
    this.rootSetting = options.rootSetting ?? 'BOARDS_STORAGE_DIR';
  }

  async put(draft: ArtifactDraft, meta: { generatorId: string }): Promise<Artifact> {
    // The id becomes a directory name: never let it climb out of the root.
    if (!SAFE_DIR_NAME.test(meta.generatorId)) {
      throw new InvalidConfigError('generatorId', `${JSON.stringify(meta.generatorId)} cannot name a storage directory`);
    }
    const fields = mediaFields(draft, meta.generatorId);
    const mimeType = draftMimeType(draft);
    const sha256 = createHash('sha256').update(draft.bytes).digest('hex');
    const fileName = `${sha256.slice(0, 16)}.${extensionFor(mimeType)}`;
    const path = await writeOnce(join(this.root, meta.generatorId), fileName, draft.bytes, this.rootSetting);
    return toArtifact(fields, { storageUrl: pathToFileURL(path).href, mimeType, sizeBytes: draft.bytes.byteLength, sha256 });
  }

  resolve(ref: string, options: { signal: AbortSignal } & ResolveOptions): Promise<ResolvedInput> {
    return resolveRef(ref, { signal: options.signal, timeoutMs: this.downloadTimeoutMs, accept: options.accept });
  }
}
