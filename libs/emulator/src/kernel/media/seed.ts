import { hash } from 'node:crypto';

/** 32 deterministic bytes derived from any seed value (string, number or JSON-able object). */
export function seedBytes(seed: unknown): Buffer {
  const text = typeof seed === 'string' ? seed : JSON.stringify(seed ?? null);
  // One-shot hash: no Hash object per call (the emulator derives a seed or two per request).
  return hash('sha256', text, 'buffer');
}

/** A deterministic unsigned 32-bit integer derived from a seed. */
export function seedInt(seed: unknown): number {
  return seedBytes(seed).readUInt32BE(0);
}
