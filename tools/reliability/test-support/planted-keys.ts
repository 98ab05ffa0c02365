/**
 * Recognisable fake keys for leak tests, and a collector of everything a run showed
 * (messages, stacks, logs, files, child output) to search for them.
 */
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { providerDescriptors, type ProviderDescriptor } from '@boards/core';

/** Random letters g-z: never a substring of the hex ids, hashes and request ids runs print. */
function marker(length: number): string {
  return Array.from({ length }, () => 'ghijklmnopqrstuvwxyz'[randomInt(20)]).join('');
}

export interface PlantedProvider {
  name: string;
  /** The variable its SDK reads the key from. */
  variable: string;
  /** The key as the SDK gets it (for a key given in parts: the parts as config combines them). */
  key: string;
  /** Variable -> value planted: the key itself, or (for a descriptor with `key.parts`) its parts. */
  planted: Record<string, string>;
  /** True when the key is planted in parts (the descriptor's `key.parts`). */
  inParts: boolean;
}

export interface PlantedKeys {
  /** Unique to this run; appears only inside the planted keys. */
  readonly marker: string;
  /** One planted key per installed provider (its descriptor). */
  readonly providers: PlantedProvider[];
  /** A credential of some other service kept in BOARDS_GENERATOR_API_KEYS. */
  readonly other: string;
  /** Every string whose appearance anywhere is a leak. */
  readonly needles: string[];
  /** The planted provider `name`. */
  of(name: string): PlantedProvider;
}

export function plantKeys(descriptors: ProviderDescriptor[] = providerDescriptors()): PlantedKeys {
  const m = marker(14);
  const needles = [m, m.slice(0, 7)];
  const providers = descriptors.map((d): PlantedProvider => {
    const parts = d.key.parts;
    if (!parts) {
      const key = `PLANTED_${d.name}_${m}k`;
      return { name: d.name, variable: d.key.variable, key, planted: { [d.key.variable]: key }, inParts: false };
    }
    const values = parts.variables.map((_v, j) => `PLANTED-${d.name}-part${j}-${m}p`);
    // Each part is a needle of its own: a part shown without the others is a leak too.
    needles.push(...values);
    const planted = Object.fromEntries(parts.variables.map((v, j) => [v, values[j]]));
    return { name: d.name, variable: d.key.variable, key: values.join(parts.separator), planted, inParts: true };
  });
  const of = (name: string) => {
    const found = providers.find((p) => p.name === name);
    if (!found) throw new Error(`no key was planted for provider ${name}`);
    return found;
  };
  // The marker on its own and its first half: a key cut short or re-quoted still shows it.
  return { marker: m, providers, other: `ghp_PLANTED_${m}x`, needles, of };
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
