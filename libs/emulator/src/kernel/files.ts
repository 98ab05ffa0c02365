import { randomUUID } from 'node:crypto';

export interface StoredFile {
  name: string;
  bytes: Buffer;
  contentType: string;
}

/** Bytes of files a store keeps at most: a long-running emulator must not grow without bound (oldest files go first). */
export const MAX_STORED_FILE_BYTES = 512 * 1024 * 1024;

/** Generated and uploaded files, served under `${url}/files/<name>`. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private size = 0;

  constructor(
    private readonly baseUrl: string,
    /** Past this many bytes in all, the oldest files are dropped (the newest is always kept). */
    private readonly maxBytes = MAX_STORED_FILE_BYTES,
  ) {}

  /** Bytes of the files held now. */
  get bytes(): number {
    return this.size;
  }

  /** Stores bytes under a fresh unique name ending in `suffix` (e.g. '.png' or '-photo.jpg'); returns the file and its URL. */
  add(suffix: string, bytes: Buffer, contentType: string): StoredFile & { url: string } {
    const file = this.put(`${randomUUID().replace(/-/g, '').slice(0, 20)}${suffix}`, bytes, contentType);
    return { ...file, url: this.urlOf(file.name) };
  }

  /** Stores bytes under a chosen name (replacing any file of that name). */
  put(name: string, bytes: Buffer, contentType: string): StoredFile {
    const file = { name, bytes, contentType };
    const previous = this.files.get(name);
    if (previous) this.size -= previous.bytes.length;
    this.files.delete(name);
    this.files.set(name, file);
    this.size += bytes.length;
    for (const [oldest, stored] of this.files) {
      if (this.size <= this.maxBytes || oldest === name) break;
      this.files.delete(oldest);
      this.size -= stored.bytes.length;
    }
    return file;
  }

  get(name: string): StoredFile | undefined {
    return this.files.get(name);
  }

  urlOf(name: string): string {
    return `${this.baseUrl}/files/${encodeURIComponent(name)}`;
  }

  /** The stored file a URL of this store points to, or undefined for other URLs. */
  fromUrl(url: string): StoredFile | undefined {
    const prefix = `${this.baseUrl}/files/`;
    return url.startsWith(prefix) ? this.files.get(decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0])) : undefined;
  }
}
