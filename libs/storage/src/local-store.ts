import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidConfigError, extensionFor, type Artifact, type ArtifactDraft, type ArtifactStore, type ResolveOptions, type ResolvedInput } from '@boards/core';
import { draftMimeType, mediaFields, toArtifact } from './artifact';
import { probeDirectory, writeOnce } from './content-store';
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

  /**
   * Checks that artifacts of `generatorId` can be stored, before a generation is paid for:
   * creates their directory (`<root>/<generatorId>`, or the root) and writes, syncs and removes
   * a probe file there. An InvalidConfigError naming the root's setting and the directory
   * otherwise (a path under /proc, a read-only or full disk). Returns the directory.
   */
  async assertWritable(generatorId?: string): Promise<string> {
    const dir = generatorId === undefined ? this.root : this.dirOf(generatorId);
    await probeDirectory(dir, this.rootSetting);
    return dir;
  }

  async put(draft: ArtifactDraft, meta: { generatorId: string }): Promise<Artifact> {
    const dir = this.dirOf(meta.generatorId);
    const fields = mediaFields(draft, meta.generatorId);
    const mimeType = draftMimeType(draft);
    const sha256 = createHash('sha256').update(draft.bytes).digest('hex');
    const fileName = `${sha256.slice(0, 16)}.${extensionFor(mimeType)}`;
    const path = await writeOnce(dir, fileName, draft.bytes, this.rootSetting);
    return toArtifact(fields, { storageUrl: pathToFileURL(path).href, mimeType, sizeBytes: draft.bytes.byteLength, sha256 });
  }

  private dirOf(generatorId: string): string {
    // The id becomes a directory name: never let it climb out of the root.
    if (!SAFE_DIR_NAME.test(generatorId)) {
      throw new InvalidConfigError('generatorId', `${JSON.stringify(generatorId)} cannot name a storage directory`);
    }
    return join(this.root, generatorId);
  }

  resolve(ref: string, options: { signal: AbortSignal } & ResolveOptions): Promise<ResolvedInput> {
    return resolveRef(ref, { signal: options.signal, timeoutMs: this.downloadTimeoutMs, accept: options.accept });
  }
}
