import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BoardsError, InvalidConfigError, type ArtifactDraft } from '@boards/core';
import { InvalidArtifactError } from './errors';
import { LocalArtifactStore } from './local-store';
import { silentWav } from '@boards/core';
import { tinyPng } from '../test-support/test-media';

let root: string;
let store: LocalArtifactStore;
const signal = new AbortController().signal;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'boards-storage-'));
  store = new LocalArtifactStore({ root });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('put', () => {
  it('stores an image under <root>/<generator>/<hash16>.<ext>, reading its size from the PNG', async () => {
    const bytes = tinyPng(3, 2);
    const artifact = await store.put({ type: 'image', bytes, mimeType: 'image/png' }, { generatorId: 'flux-pro' });
    const path = join(root, 'flux-pro', `${sha(bytes).slice(0, 16)}.png`);
    expect(artifact).toEqual({
      type: 'image',
      width: 3,
      height: 2,
      storageUrl: pathToFileURL(path).href,
      mimeType: 'image/png',
      sizeBytes: bytes.byteLength,
      sha256: sha(bytes),
    });
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  it('round-trips through resolve(storageUrl)', async () => {
    const bytes = tinyPng(4, 4);
    const artifact = await store.put({ type: 'image', bytes, mimeType: 'image/png' }, { generatorId: 'nano-banana' });
    const input = await store.resolve(artifact.storageUrl, { signal });
    expect(input.bytes).toEqual(bytes);
    expect(input.mimeType).toBe('image/png');
    expect(input.fileName).toBe(`${artifact.sha256.slice(0, 16)}.png`);
  });

  it('prefers the dimensions the draft gives', async () => {
    const artifact = await store.put({ type: 'image', bytes: tinyPng(3, 2), mimeType: 'image/png', width: 30, height: 20 }, { generatorId: 'g' });
    expect(artifact).toMatchObject({ width: 30, height: 20 });
  });

  it('rejects an image of unknown size and writes nothing', async () => {
    const draft: ArtifactDraft = { type: 'image', bytes: new TextEncoder().encode('<html>error page</html>'), mimeType: 'image/png' };
    const put = store.put(draft, { generatorId: 'flux-pro' });
    await expect(put).rejects.toThrow(InvalidArtifactError);
    await expect(put).rejects.toMatchObject({ code: 'GENERATION_FAILED', message: expect.stringContaining('flux-pro') });
    await expect(readdir(root)).resolves.toEqual([]);
  });

  it('rejects an empty image', async () => {
    await expect(store.put({ type: 'image', bytes: new Uint8Array(), mimeType: 'image/png', width: 1, height: 1 }, { generatorId: 'g' })).rejects.toThrow(
      /has no bytes/,
    );
  });

  it('stores the same bytes once (content addressing)', async () => {
    const bytes = tinyPng(2, 2, 7);
    const a = await store.put({ type: 'image', bytes, mimeType: 'image/png' }, { generatorId: 'g' });
    const b = await store.put({ type: 'image', bytes: Uint8Array.from(bytes), mimeType: 'image/png' }, { generatorId: 'g' });
    const c = await store.put({ type: 'image', bytes: tinyPng(2, 2, 8), mimeType: 'image/png' }, { generatorId: 'g' });
    expect(b.storageUrl).toBe(a.storageUrl);
    expect(c.storageUrl).not.toBe(a.storageUrl);
    expect((await readdir(join(root, 'g'))).sort()).toEqual([`${a.sha256.slice(0, 16)}.png`, `${c.sha256.slice(0, 16)}.png`].sort());
  });

  it('survives 50 concurrent puts of 10 distinct blobs: exactly 10 intact files', async () => {
    // Big enough (512 KiB) that writes overlap instead of finishing one by one.
    const blobs = Array.from({ length: 10 }, () => new Uint8Array(randomBytes(512 * 1024)));
    const artifacts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.put({ type: 'video', bytes: blobs[i % 10], mimeType: 'video/mp4' }, { generatorId: 'busy' })),
    );
    const files = await readdir(join(root, 'busy'));
    expect(files).toHaveLength(10);
    for (const file of files) {
      const content = await readFile(join(root, 'busy', file));
      expect(file).toBe(`${sha(content).slice(0, 16)}.mp4`);
    }
    expect(new Set(artifacts.map((a) => a.storageUrl)).size).toBe(10);
    for (const artifact of artifacts) {
      expect(sha(await readFile(fileURLToPath(artifact.storageUrl)))).toBe(artifact.sha256);
    }
  });

  it('decodes text artifacts from UTF-8 when the draft has no text', async () => {
    const bytes = new TextEncoder().encode('héllo ✓');
    const artifact = await store.put({ type: 'text', bytes, mimeType: 'text/plain' }, { generatorId: 'whisper' });
    expect(artifact).toMatchObject({ type: 'text', text: 'héllo ✓', mimeType: 'text/plain' });
    expect(artifact.storageUrl).toMatch(/\/whisper\/[0-9a-f]{16}\.txt$/);
  });

  it('keeps the text the draft gives, and allows an empty text', async () => {
    const given = await store.put(
      { type: 'text', bytes: new TextEncoder().encode('{"a":1}'), mimeType: 'application/json', text: 'a=1' },
      { generatorId: 'g' },
    );
    expect(given).toMatchObject({ text: 'a=1' });
    expect(given.storageUrl).toMatch(/\.json$/);
    await expect(store.put({ type: 'text', bytes: new Uint8Array(), mimeType: 'text/plain' }, { generatorId: 'g' })).resolves.toMatchObject({ text: '' });
  });

  it('reads audio facts from a WAV header and omits facts nobody knows', async () => {
    const artifact = await store.put({ type: 'audio', bytes: silentWav(0.5, 8000, 2), mimeType: 'audio/wav' }, { generatorId: 'tts' });
    expect(artifact).toMatchObject({ type: 'audio', durationSeconds: 0.5, sampleRate: 8000, channels: 2 });
    const unknown = await store.put({ type: 'video', bytes: new Uint8Array([1, 2, 3]), mimeType: 'video/mp4', fps: 24 }, { generatorId: 'veo' });
    expect(Object.keys(unknown).sort()).toEqual(['fps', 'mimeType', 'sha256', 'sizeBytes', 'storageUrl', 'type']);
  });

  it('uses the sniffed type when the draft only says octet-stream', async () => {
    const artifact = await store.put({ type: 'image', bytes: tinyPng(1, 1), mimeType: 'application/octet-stream' }, { generatorId: 'g' });
    expect(artifact.mimeType).toBe('image/png');
    expect(artifact.storageUrl).toMatch(/\.png$/);
  });

  it('refuses a generator id that would leave the root', async () => {
    const put = store.put({ type: 'text', bytes: new Uint8Array([65]), mimeType: 'text/plain' }, { generatorId: '../escape' });
    await expect(put).rejects.toThrow(InvalidConfigError);
    await expect(readdir(root)).resolves.toEqual([]);
  });

  it('reports a root it cannot write as a BoardsError', async () => {
    // A file where the root directory should be: mkdir fails with ENOTDIR/EEXIST.
    const blocked = new LocalArtifactStore({ root: join(__filename, 'not-a-dir') });
    const put = blocked.put({ type: 'text', bytes: new Uint8Array([65]), mimeType: 'text/plain' }, { generatorId: 'g' });
    await expect(put).rejects.toBeInstanceOf(BoardsError);
    await expect(put).rejects.toMatchObject({ code: 'INVALID_CONFIG', message: expect.stringMatching(/BOARDS_STORAGE_DIR: cannot write .*\(ENOTDIR\)/) });
  });
});

describe('an unusable output directory', () => {
  it('under /proc is an error at once, not an endless mkdir loop', async () => {
    const proc = new LocalArtifactStore({ root: '/proc/boards-output-test' });
    const put = proc.put({ type: 'text', bytes: new Uint8Array([65]), mimeType: 'text/plain' }, { generatorId: 'g' });
    await expect(put).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
  });

  it('is named by the setting that chose it (--out), not BOARDS_STORAGE_DIR', async () => {
    const blocked = new LocalArtifactStore({ root: join(__filename, 'not-a-dir'), rootSetting: '--out' });
    const put = blocked.put({ type: 'text', bytes: new Uint8Array([65]), mimeType: 'text/plain' }, { generatorId: 'g' });
    await expect(put).rejects.toMatchObject({ message: expect.stringMatching(/^Invalid --out: cannot write/) });
  });
});

describe('assertWritable, before a paid generation', () => {
  it("creates the generator's directory and leaves no probe file behind", async () => {
    const out = join(root, 'new', 'out');
    const dir = await new LocalArtifactStore({ root: out }).assertWritable('flux-pro');
    expect(dir).toBe(join(out, 'flux-pro'));
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('refuses a directory under /proc at once, naming the setting and the directory', async () => {
    const checking = new LocalArtifactStore({ root: '/proc/boards-x', rootSetting: '--out' }).assertWritable('flux-pro');
    await expect(checking).rejects.toBeInstanceOf(InvalidConfigError);
    await expect(checking).rejects.toMatchObject({ message: 'Invalid --out: cannot write to /proc/boards-x/flux-pro (ENOENT)' });
  });

  it('refuses a root with a file in the way, and a generator id that would leave the root', async () => {
    const blocked = new LocalArtifactStore({ root: join(__filename, 'not-a-dir') });
    await expect(blocked.assertWritable('g')).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      message: expect.stringMatching(/^Invalid BOARDS_STORAGE_DIR: .*\(ENOTDIR\)$/),
    });
    await expect(store.assertWritable('../escape')).rejects.toBeInstanceOf(InvalidConfigError);
    await expect(readdir(root)).resolves.toEqual([]);
  });
});

describe('root', () => {
  const saved = process.env.BOARDS_STORAGE_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.BOARDS_STORAGE_DIR;
    else process.env.BOARDS_STORAGE_DIR = saved;
  });

  it("defaults to ./boards-output resolved against the cwd; BOARDS_STORAGE_DIR is the caller's to pass (storage reads no environment)", () => {
    process.env.BOARDS_STORAGE_DIR = 'custom-out';
    expect(new LocalArtifactStore().root).toBe(resolve('boards-output'));
    expect(new LocalArtifactStore({ root: 'custom-out' }).root).toBe(resolve('custom-out'));
    expect(new LocalArtifactStore({ root: '/tmp/x' }).root).toBe(resolve('/tmp/x'));
  });
});
