/**
 * Recognisable fake keys for leak tests, and a collector of everything a run showed
 * (messages, stacks, logs, files, child output) to search for them.
 */
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Random letters g-z: never a substring of the hex ids, hashes and request ids runs print. */
function marker(length: number): string {
  return Array.from({ length }, () => 'ghijklmnopqrstuvwxyz'[randomInt(20)]).join('');
}

export interface PlantedKeys {
  /** Unique to this run; appears only inside the planted keys. */
  readonly marker: string;
  readonly replicate: string;
  readonly openai: string;
  readonly falId: string;
  readonly falSecret: string;
  /** FAL_KEY as the config layer combines it from FAL_KEY_ID + FAL_KEY_SECRET. */
  readonly fal: string;
  /** A credential of some other service kept in BOARDS_GENERATOR_API_KEYS. */
  readonly other: string;
  /** Every string whose appearance anywhere is a leak. */
  readonly needles: string[];
}

export function plantKeys(): PlantedKeys {
  const m = marker(14);
  const keys = {
    marker: m,
    replicate: `r8_PLANTED_${m}r`,
    openai: `sk-PLANTED-${m}o`,
    falId: `PLANTED-fal-id-${m}i`,
    falSecret: `PLANTED-secret-${m}s`,
    other: `ghp_PLANTED_${m}x`,
  };
  // The marker on its own and its first half: a key cut short or re-quoted still shows it.
  return { ...keys, fal: `${keys.falId}:${keys.falSecret}`, needles: [m, m.slice(0, 7), keys.falId, keys.falSecret] };
}

/** Everything a run showed, by where it was shown. */
export class Shown {
  readonly items: Array<{ where: string; text: string }> = [];

  add(where: string, value: unknown): void {
    this.items.push({ where, text: textOf(value) });
  }

  /** Every regular file under `dir`, read as latin1 (keys are ASCII, so binary files are searched too). */
  addFiles(where: string, dir: string): number {
    let count = 0;
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else {
          this.items.push({ where: `${where}: ${path}`, text: readFileSync(path, 'latin1') });
          count++;
        }
      }
    };
    walk(dir);
    return count;
  }

  /** The places a planted key was shown, with some context around it (empty when clean). */
  leaks(keys: PlantedKeys): string[] {
    return this.items.flatMap(({ where, text }) => {
      const needle = keys.needles.find((n) => text.includes(n));
      if (!needle) return [];
      const at = text.indexOf(needle);
      return [`${where}: ...${text.slice(Math.max(0, at - 80), at + 60).replace(/\s+/g, ' ')}...`];
    });
  }
}

/** An error with everything it carries (message, stack, own fields, causes), or any value as text. */
export function textOf(value: unknown, depth = 0): string {
  if (value instanceof Error) {
    const own = safeJson(Object.fromEntries(Object.entries(value)));
    const cause = depth < 4 && value.cause !== undefined ? `\ncause: ${textOf(value.cause, depth + 1)}` : '';
    return `${value.name}: ${value.message}\n${value.stack ?? ''}\n${own}${cause}`;
  }
  return typeof value === 'string' ? value : safeJson(value);
}

function safeJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? `<${v.length} bytes>` : v)) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
