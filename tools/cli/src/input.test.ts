import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defineGenerator, silentWav, type InputValidationError } from '@boards/core';
import { parseArgs } from './args';
import { tempDir, removeTempDirs } from '../test-support/cli-process';
import { buildRawInput, checkLocalFiles, closest, inputFlagSpecs } from './input';
import { inputFields, type InputField } from './schema-fields';

afterAll(removeTempDirs);

const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

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
  const issuesOf = async (input: Record<string, unknown>, cwd: string) => {
    try {
      await checkLocalFiles(generator, fields, input, cwd);
      return [];
    } catch (error) {
      return (error as InputValidationError).issues;
    }
  };

  it('names the field of a missing file, before any estimate or request', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'here.png'), PNG_SIGNATURE);
    expect(await issuesOf({ audio: './nope.wav', images: ['here.png', 'gone.png'], prompt: 'nope.txt' }, cwd)).toEqual([
      { field: 'audio', message: 'no such file: "./nope.wav" (--audio)' },
      { field: 'images.1', message: 'no such file: "gone.png" (--images)' },
    ]);
  });

  it('refuses a FIFO or a device, and leaves URLs to the download', async () => {
    const cwd = tempDir();
    execFileSync('mkfifo', [join(cwd, 'pipe.wav')]);
    expect(await issuesOf({ audio: 'pipe.wav' }, cwd)).toEqual([{ field: 'audio', message: '"pipe.wav" is not a regular file (--audio)' }]);
    expect(await issuesOf({ audio: '/dev/zero' }, cwd)).toHaveLength(1);
    expect(await issuesOf({ audio: 'https://example.com/a.wav', images: ['data:image/png;base64,AAAA'] }, cwd)).toEqual([]);
  });

  it("refuses a file over its field type's cap from its size, and one without that type's signature from its first bytes", async () => {
    const cwd = tempDir();
    execFileSync('truncate', ['-s', '300M', join(cwd, 'big.wav')]);
    writeFileSync(join(cwd, 'noise.wav'), Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) % 251)));
    writeFileSync(join(cwd, 'speech.wav'), silentWav(1));
    writeFileSync(join(cwd, 'notes.png'), 'a text file named as an image');
    expect(await issuesOf({ audio: 'big.wav', images: ['notes.png', 'speech.wav'] }, cwd)).toEqual([
      { field: 'audio', message: 'file big.wav is 300 MiB, over the 25 MiB limit for audio inputs (--audio)' },
      { field: 'images.0', message: 'file notes.png is not an image (its content is text/plain) (--images)' },
      { field: 'images.1', message: 'file speech.wav is not an image (its content is audio/wav) (--images)' },
    ]);
    expect(await issuesOf({ audio: 'noise.wav' }, cwd)).toEqual([
      { field: 'audio', message: 'file noise.wav is not audio (no known audio signature) (--audio)' },
    ]);
    expect(await issuesOf({ audio: 'speech.wav' }, cwd)).toEqual([]);
  });

  it('checks a field that says its files are uploaded, typed by its description when its name does not say', async () => {
    const seedance = defineGenerator({
      ...generator,
      id: 'uploads-test',
      inputSchema: z.strictObject({ input_urls: z.array(z.string()).optional().describe('0-2 images to start from; each is uploaded') }),
      cheapestInput: {},
      estimateCost: () => ({ known: true, micros: 1, basis: 't' }),
      run: async () => ({ artifacts: [] }),
    });
    const cwd = tempDir();
    writeFileSync(join(cwd, 'speech.wav'), silentWav(1));
    writeFileSync(join(cwd, 'frame.png'), PNG_SIGNATURE);
    await expect(checkLocalFiles(seedance, inputFields(seedance), { input_urls: ['frame.png', 'speech.wav'] }, cwd)).rejects.toMatchObject({
      issues: [{ field: 'input_urls.1', message: 'file speech.wav is not an image (its content is audio/wav) (--input-urls)' }],
    });
  });
});
