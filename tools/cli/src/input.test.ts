import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defineGenerator, type InputValidationError } from '@boards/core';
import { parseArgs } from './args';
import { tempDir, removeTempDirs } from './cli-process';
import { buildRawInput, checkLocalFiles, closest, inputFlagSpecs } from './input';
import { inputFields, type InputField } from './schema-fields';

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

describe('checkLocalFiles', () => {
  const generator = defineGenerator({
    id: 'files-test',
    title: 't',
    description: 't',
    provider: 'openai',
    model: 'm',
    artifactType: 'text',
    inputSchema: z.strictObject({
      audio: z.string().describe('Audio: a local path, file:// or https:// URL'),
      images: z.array(z.string()).optional().describe('Images: local paths or URLs'),
      prompt: z.string().optional().describe('Words'),
    }),
    price: { usd: '0.01', unit: 'request', checkedOn: '2026-11-22' },
    cheapestInput: { audio: 'a.wav' },
    estimateCost: () => ({ known: true, micros: 1, basis: 't' }),
    run: async () => ({ artifacts: [] }),
  });
  const fields = inputFields(generator);
  const issuesOf = (input: Record<string, unknown>, cwd: string) => {
    try {
      checkLocalFiles(generator, fields, input, cwd);
      return [];
    } catch (error) {
      return (error as InputValidationError).issues;
    }
  };

  it('names the field of a missing file, before any estimate or request', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'here.png'), 'x');
    expect(issuesOf({ audio: './nope.wav', images: ['here.png', 'gone.png'], prompt: 'nope.txt' }, cwd)).toEqual([
      { field: 'audio', message: 'no such file: "./nope.wav" (--audio)' },
      { field: 'images.1', message: 'no such file: "gone.png" (--images)' },
    ]);
  });

  it('refuses a FIFO or a device, and leaves URLs to the download', () => {
    const cwd = tempDir();
    execFileSync('mkfifo', [join(cwd, 'pipe.wav')]);
    expect(issuesOf({ audio: 'pipe.wav' }, cwd)).toEqual([{ field: 'audio', message: '"pipe.wav" is not a regular file (--audio)' }]);
    expect(issuesOf({ audio: '/dev/zero' }, cwd)).toHaveLength(1);
    expect(issuesOf({ audio: 'https://example.com/a.wav', images: ['data:image/png;base64,AAAA'] }, cwd)).toEqual([]);
  });
});
