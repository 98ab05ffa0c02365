import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './args';
import { tempDir, removeTempDirs } from './cli-process';
import { buildRawInput, closest, inputFlagSpecs } from './input';
import type { InputField } from './schema-fields';

afterAll(removeTempDirs);

const field = (name: string, type: InputField['type'], extra: Partial<InputField> = {}): InputField => ({
  name,
  flag: `--${name.replace(/_/g, '-')}`,
  type,
  required: false,
  ...extra,
});
const fields = [
  field('prompt', 'string'),
  field('num_images', 'integer'),
  field('guidance', 'number'),
  field('upsample', 'boolean'),
  field('image_urls', 'array', { itemType: 'string' }),
  field('sizes', 'array', { itemType: 'integer' }),
  field('strength', 'unknown', { unionTypes: ['number', 'string'] }),
  field('out', 'string'),
];
const specs = inputFlagSpecs(fields, new Set(['out', 'json']));

function build(argv: string[], inputFile?: string) {
  const parsed = parseArgs(argv, specs, { allowUnknown: true });
  return buildRawInput(parsed, fields, { inputFile, cwd: '/', knownFlags: specs.map((s) => s.name) });
}

describe('flags to input', () => {
  it('maps kebab-case flags to snake_case fields and coerces by type', () => {
    const { input, issues } = build(['--prompt', 'a cat', '--num-images', '2', '--guidance', '3.5', '--upsample', '--strength', '0.7']);
    expect(issues).toEqual([]);
    expect(input).toEqual({ prompt: 'a cat', num_images: 2, guidance: 3.5, upsample: true, strength: 0.7 });
  });

  it('reads lists from repeated flags, comma lists and JSON, never splitting a data: URL', () => {
    const { input } = build(['--image-urls', 'a.png,b.png', '--image-urls', 'data:image/png;base64,AAAA', '--sizes', '[1,2]', '--sizes', '3']);
    expect(input).toEqual({ image_urls: ['a.png', 'b.png', 'data:image/png;base64,AAAA'], sizes: [1, 2, 3] });
  });

  it('reports values of the wrong type and unknown flags as field issues', () => {
    const { issues } = build(['--num-images', 'two', '--num-imgs', '2']);
    expect(issues).toEqual([
      { field: 'num_images', message: 'expected an integer, got "two" (--num-images)' },
      { field: 'num_imgs', message: 'unknown option --num-imgs; did you mean --num-images?' },
    ]);
  });

  it('leaves a field whose flag the CLI owns to --input-file, which flags override', () => {
    expect(specs.map((s) => s.name)).not.toContain('out');
    const file = join(tempDir(), 'in.json');
    writeFileSync(file, JSON.stringify({ out: 'x', prompt: 'from file', num_images: 3 }));
    expect(build(['--prompt', 'from flag'], file).input).toEqual({ out: 'x', prompt: 'from flag', num_images: 3 });
  });

  it('suggests the nearest flag', () => {
    expect(closest('promt', ['prompt', 'seed'])).toBe('prompt');
    expect(closest('zzz', ['prompt', 'seed'])).toBeUndefined();
  });
});
