/** Inputs as text: the lines `describe` and `generate <id> --help` print, and the example command. */
import { extensionFor, type AnyGenerator } from '@boards/core';
import { shellQuote } from './output';
import { flagName, type InputField } from './schema-fields';

const TYPE_LABELS: Record<string, string> = { string: 'text', integer: 'integer', number: 'number', object: 'json', null: 'null', unknown: 'value' };

function typeLabel(field: InputField): string {
  if (field.enum && field.type !== 'array') return field.enum.map(String).join('|');
  if (field.type === 'array') return `${TYPE_LABELS[field.itemType ?? 'unknown'] ?? field.itemType},...`;
  if (field.type === 'unknown') return field.unionTypes?.join('|') || 'value';
  return TYPE_LABELS[field.type] ?? field.type;
}

/** Two or three lines per input: flag, type and marks; description; limits. */
export function describeField(field: InputField): string[] {
  const head = [`  ${field.flag}${field.type === 'boolean' ? '' : ` <${typeLabel(field)}>`}`];
  if (field.required) head.push('required');
  if (field.default !== undefined) head.push(`default ${JSON.stringify(field.default)}`);
  const lines = [head.join('  ')];
  if (field.description) lines.push(`      ${field.description}`);
  const limits = limitsOf(field);
  if (limits) lines.push(`      ${limits}`);
  return lines;
}

function limitsOf(f: InputField): string {
  const parts: string[] = [];
  const range = (min?: number, max?: number, unit = '') => {
    const units = (n: number) => (unit && n !== 1 ? `${unit}s` : unit);
    if (min !== undefined && max !== undefined) return `${min} to ${max}${units(max)}`;
    if (min !== undefined) return `at least ${min}${units(min)}`;
    if (max !== undefined) return `at most ${max}${units(max)}`;
    return undefined;
  };
  const numeric = range(f.minimum, f.maximum);
  if (numeric) parts.push(numeric);
  if (f.exclusiveMinimum !== undefined) parts.push(`above ${f.exclusiveMinimum}`);
  if (f.exclusiveMaximum !== undefined) parts.push(`below ${f.exclusiveMaximum}`);
  if (f.multipleOf !== undefined) parts.push(`multiple of ${f.multipleOf}`);
  const length = range(f.minLength, f.maxLength, ' character');
  if (length) parts.push(`length ${length}`);
  const items = range(f.minItems, f.maxItems, ' item');
  if (items) parts.push(items);
  if (f.pattern) parts.push(`matches /${f.pattern}/`);
  if (f.enum && f.type === 'array') parts.push(`each one of: ${f.enum.map(String).join(', ')}`);
  return parts.join('; ');
}

/**
 * `npx boards generate <id> --flag value ...` from the cheapest input. A data: URL (whisper's
 * second of silence) would fill a screen, so it becomes a local file name to substitute.
 */
export function exampleCommand(generator: AnyGenerator, fields: readonly InputField[]): { command: string; replaced?: string } {
  const parts = ['npx boards generate', generator.id];
  const replaced: string[] = [];
  const input = (generator.cheapestInput ?? {}) as Record<string, unknown>;
  const placeholder = (flag: string, value: unknown): unknown => {
    if (typeof value !== 'string' || !value.startsWith('data:')) return value;
    const file = placeholderFile(value);
    replaced.push(`${flag}: the cheapest input is a data: URL; ${file} stands for a file of yours`);
    return file;
  };
  for (const [name, raw] of Object.entries(input)) {
    const flag = fields.find((f) => f.name === name)?.flag ?? `--${flagName(name)}`;
    const value = Array.isArray(raw) ? raw.map((item) => placeholder(flag, item)) : placeholder(flag, raw);
    if (value === undefined) continue;
    if (value === true) parts.push(flag);
    else if (value === false) parts.push(`--no-${flag.slice(2)}`);
    else if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) parts.push(flag, shellQuote(value.join(',')));
    else parts.push(flag, shellQuote(typeof value === 'object' ? JSON.stringify(value) : String(value)));
  }
  return { command: parts.join(' '), replaced: replaced.length ? replaced.join('; ') : undefined };
}

function placeholderFile(dataUrl: string): string {
  const mime = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'application/octet-stream';
  return `./${mime.split('/')[0]}.${extensionFor(mime)}`;
}
