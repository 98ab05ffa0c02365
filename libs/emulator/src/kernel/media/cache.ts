/**
 * A least-recently-used cache of byte buffers bounded by their total size: the emulator's
 * synthesised media by input (the same input's media is made once) and the PNG encoder's
 * pixel data by size. A value larger than the whole budget is made but not kept.
 */
export class ByteLru {
  private readonly entries = new Map<string, Buffer>();
  private size = 0;

  constructor(readonly maxBytes: number) {}

  /** Bytes held now (never above `maxBytes`). */
  get bytes(): number {
    return this.size;
  }

  get count(): number {
    return this.entries.size;
  }

  /** The buffer for `key`: the cached one (now the most recently used), or `make()`'s, kept while the budget allows. */
  get<T extends Buffer>(key: string, make: () => T): T {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as T;
    }
    const value = make();
    if (value.length > this.maxBytes) return value;
    this.entries.set(key, value);
    this.size += value.length;
    for (const [oldest, bytes] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= bytes.length;
    }
    return value;
  }
}
