import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addProjectConfiguration, formatFiles, logger, readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { registerProvider, type ProviderDescriptor } from '@boards/core';
import { generatorGenerator } from './generator';
import type { GeneratorGeneratorSchema } from './schema';
import { titleOf } from './normalize';
import { filesUnder, read } from '../../../test-support/scaffold-tree';

// The workspace formats with prettier, an ES module that jest cannot import (formatFiles would
// skip it, and the empty workspace names a formatter that is not installed): the spec watches the
// call instead, and the snapshots show the files as the templates write them.
jest.mock('@nx/devkit', () => ({ ...jest.requireActual('@nx/devkit'), formatFiles: jest.fn(async () => undefined) }));

const fluxDev: GeneratorGeneratorSchema = { name: 'demo-gen', provider: 'fal', model: 'fal-ai/flux/dev', artifact: 'image', skipInstall: true };

const scratch = mkdtempSync(join(tmpdir(), 'boards-scaffold-snapshots-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stored fal queue document of `model` whose input has `properties` (and `required`), returning a video: written to a file for --snapshot. */
function videoSnapshot(model: string, properties: Record<string, unknown>, required: string[]): string {
  const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
  const document = {
    openapi: '3.0.4',
    components: {
      schemas: {
        Input: { type: 'object', properties, required },
        Output: { type: 'object', properties: { video: { type: 'object', properties: { url: { type: 'string' } } } } },
      },
    },
    paths: {
      [`/${model}`]: { post: { requestBody: json('Input') } },
      [`/${model}/requests/{request_id}`]: { get: { responses: { '200': json('Output') } } },
    },
  };
  const file = join(scratch, `${model.replace(/\W+/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ provenance: { urls: [], fetchedAt: '2026-12-08T00:00:00Z', how: 'written by the test' }, provider: 'fal', model, document }),
  );
  return file;
}

describe('@boards/tools:generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('generates exactly the package files of the repository conventions', async () => {
    await generatorGenerator(tree, fluxDev);
    expect(filesUnder(tree, 'packages/demo-gen').sort()).toEqual(
      [
        'README.md',
        'jest.config.js',
        'package.json',
        'project.json',
        'snapshot.json',
        'tsconfig.json',
        'src/demo-gen.generator.ts',
        'src/demo-gen.live.test.ts',
        'src/demo-gen.test.ts',
        'src/index.ts',
      ]
        .map((f) => `packages/demo-gen/${f}`)
        .sort(),
    );
    expect(readJson(tree, 'packages/demo-gen/package.json')).toMatchObject({
      name: '@boards/demo-gen',
      main: './src/index.ts',
      types: './src/index.ts',
      boards: { generator: 'demo-gen' },
      dependencies: { '@boards/core': '*', '@boards/cost': '*', '@boards/provider-fal': '*', zod: expect.any(String) },
      devDependencies: { '@boards/testing': '*' },
    });
    expect(readJson(tree, 'packages/demo-gen/project.json')).toMatchObject({
      name: 'demo-gen',
      tags: ['layer:generator', 'generator', 'fal', 'image', 'family:demo-gen'],
    });
    // Its targets are inferred from its files by the workspace plugin, none declared by hand.
    expect(readJson(tree, 'packages/demo-gen/project.json').targets).toBeUndefined();
    expect(read(tree, 'packages/demo-gen/src/index.ts')).toContain('export { demoGen as generator, demoGen, demoGenInput }');
    for (const file of filesUnder(tree, 'packages/demo-gen')) expect(read(tree, file)).not.toMatch(/TODO|<%|__name__/);
  });

  it('fills in a published price it knows, with its unit, date and source, and says so in the README', async () => {
    await generatorGenerator(tree, fluxDev);
    const source = read(tree, 'packages/demo-gen/src/demo-gen.generator.ts');
    expect(source).toContain("usd: '0.025'");
    expect(source).toContain("unit: 'megapixel'");
    expect(source).toContain("checkedOn: '2026-11-22'");
    expect(source).toContain('estimateFromPrice(price, input.num_images * billedMegapixels(input.image_size))');
    const readme = read(tree, 'packages/demo-gen/README.md');
    expect(readme).toContain('$0.025 per megapixel (checked 2026-11-22)');
    expect(readme).toContain('from its table of published prices');
    expect(readme).toContain('one image from the cheapest input, about $0.025');
  });

  it('uses --price, --unit, --checkedOn and --source as given', async () => {
    await generatorGenerator(tree, { ...fluxDev, price: 0.04, unit: 'image', checkedOn: '2026-10-01', source: 'https://example.com/p' });
    const source = read(tree, 'packages/demo-gen/src/demo-gen.generator.ts');
    expect(source).toContain("const price = { usd: '0.04', unit: 'image', checkedOn: '2026-10-01', source: 'https://example.com/p' } as const;");
    expect(source).not.toContain('billedMegapixels');
    expect(read(tree, 'packages/demo-gen/src/demo-gen.test.ts')).toContain('micros: 80_000');
    expect(read(tree, 'packages/demo-gen/README.md')).not.toContain('table of published prices');
  });

  it("builds a fal package from the endpoint's seeded snapshot: fields, defaults, uploads, family, snapshot check", async () => {
    await generatorGenerator(tree, { provider: 'fal', model: 'fal-ai/flux-pro/kontext', family: 'flux-kontext', skipInstall: true });
    const source = read(tree, 'packages/flux-pro-kontext/src/flux-pro-kontext.generator.ts');
    expect(source).toContain('image_url: z.string().min(1)');
    expect(source).toContain("uploads: { image_url: 'image' }");
    expect(source).toContain(".default('jpeg')");
    expect(source).toContain("family: 'flux-kontext'");
    expect(source).toContain("cheapestInput: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', num_images: 1 }");
    expect(source).toContain("usd: '0.04'");
    expect(readJson(tree, 'packages/flux-pro-kontext/project.json').tags).toContain('family:flux-kontext');
    expect(read(tree, 'packages/flux-pro-kontext/src/flux-pro-kontext.test.ts')).toContain('describeSnapshotCheck(fluxProKontext, __dirname);');
    const snapshot = readJson(tree, 'packages/flux-pro-kontext/snapshot.json');
    expect(snapshot).toMatchObject({ provider: 'fal', model: 'fal-ai/flux-pro/kontext' });
    expect(snapshot.provenance.how).toMatch(/seeded offline from the fal client's endpoint types .*boards drift --update/);
  });

  it('dates a given price today when --checkedOn is left out', async () => {
    await generatorGenerator(tree, { ...fluxDev, model: 'fal-ai/some-new-model', price: '0.01' });
    expect(read(tree, 'packages/demo-gen/src/demo-gen.generator.ts')).toContain(`checkedOn: '${new Date().toISOString().slice(0, 10)}'`);
  });

  it('refuses a model without a known price unless --price is given, and refuses $0', async () => {
    await expect(generatorGenerator(tree, { ...fluxDev, model: 'fal-ai/some-new-model' })).rejects.toThrow(
      /--price: no published price is known.*fal-ai\/some-new-model.*or --price=unknown .*never estimated as \$0/,
    );
    await expect(generatorGenerator(tree, { ...fluxDev, price: '0' })).rejects.toThrow(/--price: a price of \$0 is refused/);
    await expect(generatorGenerator(tree, { ...fluxDev, price: 'cheap' })).rejects.toThrow(/--price/);
    await expect(generatorGenerator(tree, { ...fluxDev, unit: 'image' })).rejects.toThrow(/--unit: image needs --price/);
    await expect(generatorGenerator(tree, { ...fluxDev, price: 'unknown' })).rejects.toThrow(
      /--price: the plugin knows the published price of fal-ai\/flux\/dev/,
    );
    await expect(generatorGenerator(tree, { ...fluxDev, reason: 'none' })).rejects.toThrow(/--reason: .* pass it with --price=unknown/);
    expect(tree.exists('packages/demo-gen')).toBe(false);
  });

  describe('a price that cannot be verified (--price=unknown)', () => {
    const flux2 = { provider: 'fal', model: 'fal-ai/flux-2', price: 'unknown', unit: 'megapixel', checkedOn: '2026-12-08', skipInstall: true } as const;

    it('declares unknownPrice with the reason, date, source and unit, and still counts the unit', async () => {
      await generatorGenerator(tree, { ...flux2, reason: 'fal publishes none for it' });
      const source = read(tree, 'packages/flux-2/src/flux-2.generator.ts');
      expect(source).toContain("import { estimateFromPrice, unknownPrice } from '@boards/cost';");
      expect(source).toMatch(
        /const price = unknownPrice\(\{\s+reason: 'fal publishes none for it',\s+checkedOn: '2026-12-08',\s+source: 'https:\/\/fal.ai\/models\/fal-ai\/flux-2',\s+unit: 'megapixel',\s+\}\);/,
      );
      expect(source).toContain('estimateFromPrice(price, input.num_images * billedMegapixels(input.image_size))');
      expect(source).not.toMatch(/usd:/);
      expect(read(tree, 'packages/flux-2/src/flux-2.test.ts')).toContain(
        "expect(flux2.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per megapixel is unknown') });",
      );
      const readme = read(tree, 'packages/flux-2/README.md');
      expect(readme).toContain('| price | unknown per megapixel (checked 2026-12-08) |');
      expect(readme).toContain('one image from the cheapest input, cost unknown (refused unless BOARDS_LIVE_ALLOW_UNKNOWN_COST=1)');
      expect(readme).toContain('No price could be verified (checked 2026-12-08: fal publishes none for it). The estimate is unknown, never $0');
      expect(readme).not.toMatch(/\$\d+\.\d/);
    });

    it('says where the price was looked for when no reason is given, and the summary says unknown', async () => {
      const callback = await generatorGenerator(tree, { ...flux2, unit: undefined });
      callback();
      expect(read(tree, 'packages/flux-2/src/flux-2.generator.ts')).toContain(
        "reason: 'no price for fal-ai/flux-2 could be verified on https://fal.ai/models/fal-ai/flux-2'",
      );
      // Without --unit, the unit of an image: the estimate counts images.
      expect(read(tree, 'packages/flux-2/src/flux-2.generator.ts')).toContain('estimateFromPrice(price, input.num_images)');
      expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('Price: unknown / image (checked 2026-12-08: no price for fal-ai/flux-2'));
    });
  });

  describe('video priced per second of duration', () => {
    const veoFast = { provider: 'fal', model: 'fal-ai/veo3.1/fast', price: '0.15', unit: 'second', checkedOn: '2026-12-08', skipInstall: true } as const;

    it("multiplies by a duration enum of strings ('8s'), and the cheapest input asks for the shortest one without a soundtrack", async () => {
      await generatorGenerator(tree, veoFast);
      const source = read(tree, 'packages/veo3-1-fast/src/veo3-1-fast.generator.ts');
      expect(source).toContain("import { estimateFromPrice, seconds } from '@boards/cost';");
      expect(source).toContain('estimateCost: (input) => estimateFromPrice(price, seconds(input.duration)),');
      expect(source).toMatch(/cheapestInput: \{ prompt: 'a red circle on a white background', duration: '4s', generate_audio: false, resolution: '720p' \}/);
      // The test input takes the default duration, 8s: 8 x $0.15.
      expect(read(tree, 'packages/veo3-1-fast/src/veo3-1-fast.test.ts')).toContain('toMatchObject({ known: true, micros: 1_200_000 })');
      expect(read(tree, 'packages/veo3-1-fast/README.md')).toContain('one video from the cheapest input, about $0.60');
    });

    it("reads durations written as numbers or as bare strings ('5'), and leaves a length the provider picks unknown", async () => {
      const prompt = { type: 'string', description: 'What the video shows' };
      await generatorGenerator(tree, {
        ...veoFast,
        name: 'clip-int',
        model: 'fal-ai/clip-int',
        snapshot: videoSnapshot('fal-ai/clip-int', { prompt, duration: { type: 'integer', minimum: 2, maximum: 10, default: 5 } }, ['prompt']),
      });
      const int = read(tree, 'packages/clip-int/src/clip-int.generator.ts');
      expect(int).toContain('estimateFromPrice(price, input.duration)');
      expect(int).toContain('duration: 2 }');
      expect(read(tree, 'packages/clip-int/src/clip-int.test.ts')).toContain('micros: 750_000');
      await generatorGenerator(tree, {
        ...veoFast,
        name: 'clip-str',
        model: 'fal-ai/clip-str',
        snapshot: videoSnapshot('fal-ai/clip-str', { prompt, duration: { type: 'string', enum: ['10', '5'], default: '10' } }, ['prompt']),
      });
      expect(read(tree, 'packages/clip-str/src/clip-str.generator.ts')).toContain("duration: '5' }");
      expect(read(tree, 'packages/clip-str/README.md')).toContain('about $0.75');
      await generatorGenerator(tree, {
        ...veoFast,
        name: 'clip-free',
        model: 'fal-ai/clip-free',
        snapshot: videoSnapshot('fal-ai/clip-free', { prompt, duration: { type: 'string', enum: ['4s', '6s'] } }, ['prompt']),
      });
      const free = read(tree, 'packages/clip-free/src/clip-free.generator.ts');
      expect(free).toContain("unknownCost('the provider picks the video length: pass duration for an estimate')");
      expect(free).toContain("duration: '4s' }");
      expect(read(tree, 'packages/clip-free/src/clip-free.test.ts')).toContain("duration: '4s' }");
    });
  });

  it('sends a real sample of each media a required upload takes: a WAV for audio, an MP4 for video', async () => {
    await generatorGenerator(tree, { provider: 'fal', model: 'veed/lipsync', artifact: 'video', price: 'unknown', unit: 'second', skipInstall: true });
    const source = read(tree, 'packages/lipsync/src/lipsync.generator.ts');
    expect(source).toContain("import { RED_CIRCLE_MP4, SILENT_WAV } from '@boards/core';");
    expect(source).toContain("uploads: { audio_url: 'audio', video_url: 'video' }");
    expect(source).toContain('cheapestInput: { audio_url: SILENT_WAV, video_url: RED_CIRCLE_MP4 }');
    expect(source).toContain('export { RED_CIRCLE_MP4, SILENT_WAV };');
    // Billed per second of output whose length no input sets: unknown, whatever the price.
    expect(source).toContain("estimateCost: () => unknownCost('billed per second of output, and the output length is not an input of this model')");
    expect(read(tree, 'packages/lipsync/src/lipsync.test.ts')).toContain("import { lipsync, RED_CIRCLE_MP4, SILENT_WAV } from './lipsync.generator';");
    expect(read(tree, 'packages/lipsync/README.md')).toMatch(/^Audio to video with/m);
  });

  it('reads the media of a file input from the document: its name, else what its description says', async () => {
    const snapshot = videoSnapshot(
      'fal-ai/dub',
      {
        prompt: { type: 'string' },
        tail_image_url: { type: 'string', description: 'The last frame' },
        reference_url: { type: 'string', description: 'URL of the audio track to follow' },
        webhook_url: { type: 'string', description: 'Where to post the result' },
      },
      ['prompt', 'reference_url'],
    );
    await generatorGenerator(tree, { provider: 'fal', model: 'fal-ai/dub', price: 'unknown', unit: 'second', snapshot, skipInstall: true });
    const source = read(tree, 'packages/dub/src/dub.generator.ts');
    expect(source).toContain("uploads: { reference_url: 'audio', tail_image_url: 'image' }");
    expect(source).toContain("cheapestInput: { prompt: 'a red circle on a white background', reference_url: SILENT_WAV }");
    expect(source).toMatch(/webhook_url: z\.string\(\)\.optional\(\)/);
  });

  it('takes a frame as an image, gives a required resolution its cheapest value, and names each invalid field once', async () => {
    const snapshot = videoSnapshot(
      'fal-ai/frames',
      {
        prompt: { type: 'string' },
        first_frame_url: { type: 'string', description: 'URL of the first frame of the video' },
        resolution: { type: 'string', enum: ['1080p', '720p', '480p'] },
      },
      ['prompt', 'first_frame_url', 'resolution'],
    );
    await generatorGenerator(tree, { provider: 'fal', model: 'fal-ai/frames', price: 'unknown', unit: 'second', snapshot, skipInstall: true });
    const source = read(tree, 'packages/frames/src/frames.generator.ts');
    expect(source).toContain("uploads: { first_frame_url: 'image' }");
    expect(source).toContain("cheapestInput: { prompt: 'a red circle on a white background', first_frame_url: RED_CIRCLE_PNG, resolution: '480p' }");
    const test = read(tree, 'packages/frames/src/frames.test.ts');
    const invalid = test.split('\n').find((line) => line.includes("'not-a-value'"));
    expect(invalid).toContain("resolution: 'not-a-value'");
    expect(invalid?.match(/resolution:/g)).toHaveLength(1);
  });

  it('prices speech per 1,000 characters of the text sent, whether the document calls it text or prompt', async () => {
    await generatorGenerator(tree, {
      provider: 'fal',
      model: 'fal-ai/minimax/speech-2.6-turbo',
      name: 'speech',
      price: '0.06',
      unit: '1k-characters',
      checkedOn: '2026-12-08',
      skipInstall: true,
    });
    expect(read(tree, 'packages/speech/src/speech.generator.ts')).toContain('estimateFromPrice(price, input.prompt.length / 1000)');
    // 'a lighthouse at dusk': 20 characters at $0.06 per 1,000.
    expect(read(tree, 'packages/speech/src/speech.test.ts')).toContain('micros: 1_200 })');
  });

  it("takes the model off the catalogue's list of models left out, and says so", async () => {
    const leftOut = (model: string) => ({ provider: 'fal', model, reason: 'no price verified', since: '2026-12-07' });
    tree.write('tools/catalogue/left-out.json', JSON.stringify({ $comment: 'kept', models: [leftOut('fal-ai/flux-2'), leftOut('fal-ai/other')] }));
    const callback = await generatorGenerator(tree, { provider: 'fal', model: 'fal-ai/flux-2', price: 'unknown', skipInstall: true });
    expect(readJson(tree, 'tools/catalogue/left-out.json')).toEqual({ $comment: 'kept', models: [leftOut('fal-ai/other')] });
    callback();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('Took fal-ai/flux-2 off tools/catalogue/left-out.json (it was left out: no price verified).'),
    );
  });

  it('refuses a name that exists, as a directory or as an Nx project', async () => {
    await generatorGenerator(tree, fluxDev);
    await expect(generatorGenerator(tree, fluxDev)).rejects.toThrow('Invalid --name: packages/demo-gen already exists');
    addProjectConfiguration(tree, 'taken', { root: 'libs/taken' });
    await expect(generatorGenerator(tree, { ...fluxDev, name: 'taken' })).rejects.toThrow('an Nx project named taken already exists at libs/taken');
    await expect(generatorGenerator(tree, { ...fluxDev, name: 'Bad_Name' })).rejects.toThrow(/--name: "Bad_Name" is not a kebab-case id/);
  });

  it('refuses combinations its adapters cannot scaffold, naming the option', async () => {
    await expect(generatorGenerator(tree, { ...fluxDev, provider: 'openai', model: 'sora-2', artifact: 'video', price: '0.1' })).rejects.toThrow(
      /--artifact: video is not scaffolded for openai/,
    );
    await expect(generatorGenerator(tree, { ...fluxDev, provider: 'replicate', model: 'a/b', price: '0.01', unit: 'megapixel' })).rejects.toThrow(
      /--unit: megapixel is scaffolded for fal/,
    );
    await expect(generatorGenerator(tree, { ...fluxDev, provider: 'replicate', model: 'not a model', price: '0.01' })).rejects.toThrow(/--model/);
    await expect(
      generatorGenerator(tree, { ...fluxDev, provider: 'kie', model: 'seedream/4.5-text-to-image', artifact: 'video', price: '0.1' }),
    ).rejects.toThrow(/--artifact: video is not scaffolded for kie \(its adapter supports image\)/);
    // An installed adapter without scaffold facts is named as such, not as an unknown provider.
    registerProvider({ name: 'acme', displayName: 'Acme', key: { variable: 'ACME_KEY' } } as ProviderDescriptor);
    await expect(generatorGenerator(tree, { ...fluxDev, provider: 'acme', model: 'acme/sketch', price: '0.02' })).rejects.toThrow(
      /--provider: Acme's adapter is installed but describes no scaffold .* or scaffold for fal, kie, openai, replicate/,
    );
    await expect(generatorGenerator(tree, { ...fluxDev, provider: 'nope' })).rejects.toThrow(/--provider: "nope" is not one of fal, kie, openai, replicate/);
  });

  it('warns when the emulator holds no snapshot of the model, and not when it or another package does', async () => {
    const warn = jest.mocked(logger.warn);
    await generatorGenerator(tree, { ...fluxDev, name: 'clip', model: 'fal-ai/new-video', artifact: 'video', price: '0.1' });
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/holds no snapshot of fal-ai\/new-video \(libs\/emulator\/snapshots\/fal\/fal-ai__new-video\.json/),
    );
    warn.mockClear();
    tree.write('libs/emulator/snapshots/fal/fal-ai__veo3.json', '{}');
    await generatorGenerator(tree, { ...fluxDev, name: 'veo', model: 'fal-ai/veo3', artifact: 'video', price: '0.2' });
    tree.write('packages/other/snapshot.json', JSON.stringify({ provider: 'fal', model: 'fal-ai/other-video' }));
    await generatorGenerator(tree, { ...fluxDev, name: 'other-copy', model: 'fal-ai/other-video', artifact: 'video', price: '0.2' });
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('holds no snapshot'));
  });

  it('formats what it wrote with the workspace formatter', async () => {
    let changed: string[] = [];
    jest.mocked(formatFiles).mockImplementationOnce(async (t) => void (changed = t.listChanges().map((c) => c.path)));
    await generatorGenerator(tree, fluxDev);
    expect(formatFiles).toHaveBeenCalledWith(tree);
    expect(changed).toEqual(expect.arrayContaining(['packages/demo-gen/README.md', 'packages/demo-gen/src/demo-gen.generator.ts']));
  });

  it.each([
    { name: 'snap-replicate', provider: 'replicate', model: 'black-forest-labs/flux-schnell', artifact: 'image' },
    { name: 'snap-fal', provider: 'fal', model: 'fal-ai/flux/dev', artifact: 'image' },
    { name: 'snap-openai', provider: 'openai', model: 'whisper-1', artifact: 'text' },
    { name: 'snap-kie', provider: 'kie', model: 'seedream/4.5-text-to-image', artifact: 'image' },
  ] as const)('generates a $provider package as its snapshot shows', async (options) => {
    await generatorGenerator(tree, { ...options, skipInstall: true });
    const files = filesUnder(tree, `packages/${options.name}`).sort();
    // A seeded snapshot is dated when it is seeded.
    const stable = (text: string) => text.replace(/"fetchedAt": "[^"]+"/, '"fetchedAt": "<seeded at>"');
    expect(Object.fromEntries(files.map((f) => [f, stable(read(tree, f))]))).toMatchSnapshot();
  });

  it('returns a callback that reports what was created (and skips npm install when asked)', async () => {
    const callback = await generatorGenerator(tree, fluxDev);
    callback();
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/Created packages\/demo-gen[\s\S]*npm install/));
  });
  // Every provider, artifact and unit rendered and type-checked: generator.integration.test.ts (a TypeScript program takes seconds).
});

describe('titleOf', () => {
  it.each([
    ['veo3-1-fast', 'Veo3.1 Fast'],
    ['minimax-speech-2-6-hd', 'Minimax Speech 2.6 Hd'],
    ['kling-video-v2-5-turbo-pro', 'Kling Video V2.5 Turbo Pro'],
    ['flux-pro', 'Flux Pro'],
    ['scale-091-openai-text', 'Scale 091 Openai Text'],
  ])('makes %s read as %s', (name, title) => {
    expect(titleOf(name)).toBe(title);
  });
});
