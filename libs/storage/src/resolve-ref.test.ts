import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CanceledError, TimeoutError, silentWav } from '@boards/core';
import { ArtifactNotFoundError, ArtifactResolveError } from './errors';
import { LocalArtifactStore } from './local-store';
import { tinyPng } from '../test-support/test-media';

const png = tinyPng(5, 3);
/** 1000 fixed bytes that start no media signature. */
const NOISE = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) % 251));
const signal = new AbortController().signal;
let dir: string;
let server: Server;
let base: string;
const store = new LocalArtifactStore({ root: join(tmpdir(), 'boards-storage-unused'), downloadTimeoutMs: 300 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'boards-resolve-'));
  await writeFile(join(dir, 'in.png'), png);
  await writeFile(join(dir, 'notes.txt'), 'hello');
  await mkdir(join(dir, 'folder'));
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/files/photo.bin') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(png);
    else if (path === '/files/notes%20v2.txt') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('remote');
    else if (path === '/redirect') res.writeHead(302, { location: '/files/photo.bin' }).end();
    else if (path === '/noise.wav') res.writeHead(200, { 'content-type': 'audio/wav' }).end(NOISE);
    else if (path === '/busy') res.writeHead(503).end('try later');
    else if (path === '/forbidden') res.writeHead(403).end();
    else if (path === '/slow') setTimeout(() => res.writeHead(200).end('late'), 5_000).unref();
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe('local files', () => {
  it('reads an absolute path, sniffing the type', async () => {
    await expect(store.resolve(join(dir, 'in.png'), { signal })).resolves.toEqual({ bytes: png, mimeType: 'image/png', fileName: 'in.png' });
  });

  it('reads a path relative to the current directory', async () => {
    const input = await store.resolve(relative(process.cwd(), join(dir, 'in.png')), { signal });
    expect(input.bytes).toEqual(png);
  });

  it('reads a file:// URL, typing unsniffable files by extension', async () => {
    const input = await store.resolve(pathToFileURL(join(dir, 'notes.txt')).href, { signal });
    expect(input).toEqual({ bytes: new TextEncoder().encode('hello'), mimeType: 'text/plain', fileName: 'notes.txt' });
  });

  it('names a missing file in an ArtifactNotFoundError', async () => {
    const missing = join(dir, 'nope.png');
    const resolving = store.resolve(missing, { signal });
    await expect(resolving).rejects.toBeInstanceOf(ArtifactNotFoundError);
    await expect(resolving).rejects.toMatchObject({ code: 'INVALID_INPUT', message: `Cannot read input ${missing}: no such file` });
  });

  it('rejects a directory', async () => {
    await expect(store.resolve(join(dir, 'folder'), { signal })).rejects.toThrow(/is a directory/);
  });

  it('rejects a file:// URL on another host', async () => {
    await expect(store.resolve('file://server/share/a.png', { signal })).rejects.toThrow(ArtifactResolveError);
  });
});

describe('data: URLs', () => {
  it('decodes base64, sniffing the type', async () => {
    const ref = `data:application/octet-stream;base64,${Buffer.from(png).toString('base64')}`;
    await expect(store.resolve(ref, { signal })).resolves.toEqual({ bytes: png, mimeType: 'image/png', fileName: 'input.png' });
  });

  it('decodes plain percent-encoded data with the declared or default type', async () => {
    const plain = await store.resolve('data:,Hello%2C%20World', { signal });
    expect(new TextDecoder().decode(plain.bytes)).toBe('Hello, World');
    expect(plain.mimeType).toBe('text/plain');
    const json = await store.resolve('data:application/json;charset=utf-8,%7B%22ok%22%3A%E2%9C%93%7D', { signal });
    expect(new TextDecoder().decode(json.bytes)).toBe('{"ok":✓}');
    expect(json).toMatchObject({ mimeType: 'application/json', fileName: 'input.json' });
  });

  it('keeps binary percent escapes as bytes', async () => {
    expect((await store.resolve('data:application/octet-stream,%FF%00a', { signal })).bytes).toEqual(Uint8Array.from([0xff, 0, 0x61]));
  });

  it('rejects invalid base64 without echoing the payload', async () => {
    const payload = 'c2VjcmV0LXBheWxvYWQ*not-base64!';
    const resolving = store.resolve(`data:image/png;base64,${payload}`, { signal });
    await expect(resolving).rejects.toThrow(/not valid base64/);
    await expect(resolving).rejects.toMatchObject({ message: expect.not.stringContaining('c2VjcmV0') });
  });

  it('rejects a data: URL without a comma', async () => {
    await expect(store.resolve('data:image/png;base64', { signal })).rejects.toThrow(/malformed data: URL/);
  });
});

describe('http(s) URLs', () => {
  it('downloads, sniffing past a generic content type and keeping the file name', async () => {
    await expect(store.resolve(`${base}/files/photo.bin?sig=abc`, { signal })).resolves.toEqual({
      bytes: png,
      mimeType: 'image/png',
      fileName: 'photo.bin',
    });
  });

  it('uses the response content type and decodes the file name', async () => {
    const input = await store.resolve(`${base}/files/notes%20v2.txt`, { signal });
    expect(input).toMatchObject({ mimeType: 'text/plain', fileName: 'notes v2.txt' });
    expect(new TextDecoder().decode(input.bytes)).toBe('remote');
  });

  it('follows redirects', async () => {
    expect((await store.resolve(`${base}/redirect`, { signal })).bytes).toEqual(png);
  });

  it('turns 404 into ArtifactNotFoundError without the query string', async () => {
    const resolving = store.resolve(`${base}/gone.png?X-Amz-Signature=topsecret123`, { signal });
    await expect(resolving).rejects.toBeInstanceOf(ArtifactNotFoundError);
    await expect(resolving).rejects.toMatchObject({ status: 404, retryable: false, message: expect.stringContaining(`${base}/gone.png?…`) });
    await expect(resolving).rejects.toMatchObject({ message: expect.not.stringContaining('topsecret123') });
  });

  it('marks 5xx as retryable and 403 as not', async () => {
    await expect(store.resolve(`${base}/busy`, { signal })).rejects.toMatchObject({ status: 503, retryable: true, code: 'INVALID_INPUT' });
    await expect(store.resolve(`${base}/forbidden`, { signal })).rejects.toMatchObject({
      status: 403,
      retryable: false,
      message: expect.stringContaining('HTTP 403'),
    });
  });

  it('gives up at the deadline with a TimeoutError', async () => {
    await expect(store.resolve(`${base}/slow`, { signal })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('stops when the caller aborts, with a CanceledError', async () => {
    const controller = new AbortController();
    const resolving = new LocalArtifactStore({ root: dir }).resolve(`${base}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(resolving).rejects.toBeInstanceOf(CanceledError);
  });

  it('reports a refused connection as an ArtifactResolveError naming the host, not as "try again"', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    await expect(store.resolve(`http://127.0.0.1:${port}/x.png`, { signal })).rejects.toMatchObject({
      name: 'ArtifactResolveError',
      retryable: false,
      message: expect.stringContaining(`connection refused by 127.0.0.1:${port} (ECONNREFUSED`),
    });
  });
});

describe('any ref', () => {
  it('is canceled up front when the signal already fired', async () => {
    await expect(store.resolve(join(dir, 'in.png'), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CanceledError);
  });

  it('rejects unsupported schemes', async () => {
    await expect(store.resolve('ftp://example.com/a.png', { signal })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});

describe('what the model accepts, checked before anything is uploaded', () => {
  it('says a port fetch will not connect to is blocked, instead of "TypeError"', async () => {
    await expect(store.resolve('http://127.0.0.1:9/x.png', { signal })).rejects.toMatchObject({
      retryable: false,
      message: expect.stringMatching(/download failed \(fetch refuses to connect to port 9 \(a blocked port\)\)/),
    });
  });

  it('refuses a FIFO and a device instead of reading them forever', async () => {
    const fifo = join(dir, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    await expect(store.resolve(fifo, { signal })).rejects.toMatchObject({ name: 'ArtifactResolveError', message: expect.stringMatching(/not a regular file/) });
    await expect(store.resolve('/dev/zero', { signal })).rejects.toMatchObject({ message: expect.stringMatching(/not a regular file/) });
  });

  it('refuses a text file given as an image, naming what it is', async () => {
    await expect(store.resolve(join(dir, 'notes.txt'), { signal, accept: 'image' })).rejects.toMatchObject({
      name: 'ArtifactResolveError',
      message: expect.stringMatching(/is not an image \(its content is text\/plain\)/),
    });
    await expect(store.resolve(join(dir, 'in.png'), { signal, accept: 'image' })).resolves.toMatchObject({ mimeType: 'image/png' });
  });

  it("refuses a file over its type's size cap from its size alone", async () => {
    const big = join(dir, 'big.png');
    await writeFile(big, Buffer.alloc(0));
    execFileSync('truncate', ['-s', String(65 * 1024 * 1024), big]);
    await expect(store.resolve(big, { signal, accept: 'image' })).rejects.toMatchObject({
      message: expect.stringMatching(/is 65 MiB, over the 50 MiB limit for image inputs/),
    });
  });

  it("caps audio at 25 MiB (OpenAI's upload limit), from stat, with a real audio header", async () => {
    const big = join(dir, 'long.wav');
    await writeFile(big, silentWav(1));
    execFileSync('truncate', ['-s', String(26 * 1024 * 1024), big]);
    await expect(store.resolve(big, { signal, accept: 'audio' })).rejects.toMatchObject({
      name: 'ArtifactResolveError',
      problem: 'is 26 MiB, over the 25 MiB limit for audio inputs',
    });
  });

  it('caps a container of audio or video as the first accepted type it may be (whisper takes audio, then video)', async () => {
    const mp4 = join(dir, 'talk.mp4');
    await writeFile(mp4, Buffer.concat([Buffer.from('00000018667479706973366d00000200', 'hex'), Buffer.alloc(8)]));
    execFileSync('truncate', ['-s', String(30 * 1024 * 1024), mp4]);
    await expect(store.resolve(mp4, { signal, accept: ['audio', 'video'] })).rejects.toMatchObject({
      problem: 'is 30 MiB, over the 25 MiB limit for audio inputs',
    });
  });

  it('refuses a file over the caps of every accepted type from stat alone, naming each cap', async () => {
    const huge = join(dir, 'huge.wav');
    await writeFile(huge, silentWav(1));
    execFileSync('truncate', ['-s', '300M', huge]);
    await expect(store.resolve(huge, { signal, accept: ['audio', 'video'] })).rejects.toMatchObject({
      problem: 'is 300 MiB, over the limits for audio or video inputs (25 MiB for audio, 200 MiB for video)',
    });
  });

  it('types a local file by its first bytes, not its name: bytes without a signature named .wav are not audio', async () => {
    const noise = join(dir, 'noise.wav');
    await writeFile(noise, NOISE);
    await expect(store.resolve(noise, { signal, accept: 'audio' })).rejects.toMatchObject({
      name: 'ArtifactResolveError',
      message: `Cannot read input ${noise}: is not audio (no known audio signature)`,
    });
    await expect(store.resolve(join(dir, 'in.png'), { signal, accept: 'audio' })).rejects.toMatchObject({
      problem: 'is not audio (its content is image/png)',
    });
  });

  it('types a data: URL and a download by their bytes, not by the type they declare', async () => {
    const declared = `data:audio/wav;base64,${NOISE.toString('base64')}`;
    await expect(store.resolve(declared, { signal, accept: 'audio' })).rejects.toMatchObject({ problem: 'is not audio (no known audio signature)' });
    await expect(store.resolve(`${base}/noise.wav`, { signal, accept: 'audio' })).rejects.toMatchObject({
      problem: 'is not audio (no known audio signature)',
    });
    await expect(store.resolve(`data:audio/wav;base64,${Buffer.from(silentWav(1)).toString('base64')}`, { signal, accept: 'audio' })).resolves.toMatchObject({
      mimeType: 'audio/wav',
    });
  });
});
