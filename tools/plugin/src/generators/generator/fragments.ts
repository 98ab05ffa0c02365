import { readFileSync } from 'node:fs';
import type { NormalizedOptions } from './normalize';

/** The adapter package a scaffolded package imports. */
export const adapterPackage = (o: NormalizedOptions) => `@boards/provider-${o.provider}`;

/**
 * A provider's starter fragment: the lines between `// starter:<name>` and `// starter:end` of
 * its descriptor's `scaffold.starter` file (real TypeScript in the adapter's folder, which lint
 * and typecheck see), re-indented to `indent` spaces, with the __MODEL__, __MODEL_NAME__,
 * __MODEL_VERSION__ and __BODY__ tokens filled in and its `'../src'` imports written as the
 * adapter's package. Undefined when the provider has no such fragment.
 */
export function starterFragment(o: NormalizedOptions, name: string, indent: number, body = ''): string | undefined {
  const lines = readFileSync(o.scaffold.starter, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === `// starter:${name}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.trim() === '// starter:end');
  if (end < 0) throw new Error(`${o.scaffold.starter}: the "${name}" starter fragment has no // starter:end`);
  const own = lines[start].length - lines[start].trimStart().length;
  const [modelName, version = ''] = o.model.split(':');
  return lines
    .slice(start + 1, end)
    .map((l) => `${' '.repeat(indent)}${l.slice(own)}`)
    .join('\n')
    .replace(/from '\.\.\/src(?:\/[\w.-]+)?'/g, `from '${adapterPackage(o)}'`)
    .replace(/__MODEL_NAME__/g, modelName)
    .replace(/__MODEL_VERSION__/g, version)
    .replace(/__MODEL__/g, o.model)
    .replace(/__BODY__/g, body);
}

export function requiredFragment(o: NormalizedOptions, name: string, indent: number, body?: string): string {
  const text = starterFragment(o, name, indent, body);
  if (text === undefined) throw new Error(`${o.scaffold.starter} has no "${name}" starter fragment`);
  return text;
}

/** A fragment's lines as list items (object entries, array elements): trimmed, without their trailing commas. */
export function fragmentItems(o: NormalizedOptions, name: string): string[] {
  return (starterFragment(o, name, 0) ?? '')
    .split('\n')
    .map((l) => l.trim().replace(/,$/, ''))
    .filter(Boolean);
}

/** The unit test's check of the request the adapter sent: the provider's `request` fragment (`request-versioned` for a pinned version). */
export function requestAssertions(o: NormalizedOptions, body: string): string {
  const versioned = o.model.includes(':') ? starterFragment(o, 'request-versioned', 4, body) : undefined;
  return versioned ?? requiredFragment(o, 'request', 4, body);
}
