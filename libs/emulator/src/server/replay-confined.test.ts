import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadRecording, type RecordedBody, type Recording } from '../kernel/recording';
import { startEmulator } from '../emulator';

/** What a file outside every recording's folder holds: it must never be served. */
const OUTSIDE = 'outside-the-recording: not for replay';

const recordingWith = (body: RecordedBody): Recording => ({
  format: 'boards-recording/1',
  provenance: { generator: 'hostile', provider: 'replicate', model: 'a/b', sdk: 'x@1', recordedAt: '2026-01-01', mode: 'live' },
  input: {},
  exchanges: [{ api: 'files', method: 'GET', path: '/1', status: 200, headers: {}, body }],
});

describe('replay serves only files inside the recording folder', () => {
  let root: string;
  let folder: string;
  let outsideFile: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'replay-confined-'));
    folder = join(root, 'recordings');
    mkdirSync(join(folder, 'media'), { recursive: true });
    outsideFile = join(root, 'outside.txt');
    writeFileSync(outsideFile, OUTSIDE);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const write = (name: string, body: RecordedBody) => {
    const path = join(folder, name);
    writeFileSync(path, JSON.stringify(recordingWith(body)));
    return path;
  };

  /** Serves the recording and asks for its one media file: the answer's status and whether it held the outside file. */
  async function served(path: string): Promise<[number, boolean]> {
    const emulator = await startEmulator({ replay: loadRecording(path) });
    try {
      const answer = await fetch(`${emulator.url}/__replay/files/1`);
      return [answer.status, (await answer.text()).includes(OUTSIDE)];
    } finally {
      await emulator.stop();
    }
  }

  it.each([
    ['a parent path', '../outside.txt'],
    ['a path that climbs past the root', '../../../../../../../../../../../../outside.txt'],
    ['an absolute path', '/etc/passwd'],
  ])('lists a media path that is %s as refused when loaded, and answers it with an error, never the file', async (_, file) => {
    const path = write('climb.json', {
      file: file.startsWith('/') ? file : file.replace('outside.txt', `${relative('/', outsideFile)}`),
      mimeType: 'text/plain',
    });
    const recording = loadRecording(path);
    expect(recording.refused).toEqual([expect.stringContaining("is outside the recording's folder: it is refused")]);
    const [status, leaked] = await served(path);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(leaked).toBe(false);
  });

  it('refuses a symlink inside the folder that points out of it', async () => {
    symlinkSync(outsideFile, join(folder, 'media', 'link.txt'));
    const path = write('link.json', { file: 'media/link.txt', mimeType: 'text/plain' });
    expect(loadRecording(path).refused).toEqual([`media file "media/link.txt" of exchange 1 is outside the recording's folder: it is refused`]);
    const [status, leaked] = await served(path);
    expect([status >= 400, leaked]).toEqual([true, false]);
  });

  it('answers an error, never the file, when the media becomes a link out of the folder after loading', async () => {
    writeFileSync(join(folder, 'media', 'swap.txt'), 'kept media');
    const recording = loadRecording(write('swap.json', { file: 'media/swap.txt', mimeType: 'text/plain' }));
    unlinkSync(join(folder, 'media', 'swap.txt'));
    symlinkSync(outsideFile, join(folder, 'media', 'swap.txt'));
    const emulator = await startEmulator({ replay: recording });
    try {
      const answer = await fetch(`${emulator.url}/__replay/files/1`);
      const text = await answer.text();
      expect([answer.status, text.includes(OUTSIDE)]).toEqual([500, false]);
      expect(JSON.parse(text)).toEqual({ error: expect.stringContaining(`media file "media/swap.txt" is outside the recording's folder`) });
    } finally {
      await emulator.stop();
    }
  });

  it('answers an error naming a missing media file instead of dropping the connection', async () => {
    const emulator = await startEmulator({ replay: loadRecording(write('missing.json', { file: 'media/gone.png', mimeType: 'image/png' })) });
    try {
      const answer = await fetch(`${emulator.url}/__replay/files/1`);
      expect(answer.status).toBe(500);
      expect(await answer.json()).toEqual({ error: expect.stringContaining('media file "media/gone.png" (relative to the recording) is missing') });
      // The emulator still answers afterwards.
      expect((await fetch(`${emulator.url}/__emulator/health`)).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });
});
