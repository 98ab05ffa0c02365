import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { silentWav } from '@boards/core';
import { runCli, tempDir, type CliResult, removeTempDirs } from '../test-support/cli-process';

afterAll(removeTempDirs);

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** Real `boards` processes, as a user runs them; they are independent: start them together, assert one by one. */
let runs: Record<string, Promise<CliResult>>;
let out: string;
let audioDir: string;

beforeAll(() => {
  out = tempDir('boards-out-');
  audioDir = tempDir('boards-audio-');
  writeFileSync(join(audioDir, 'speech.wav'), silentWav(1));
  runs = {
    flux: runCli(['generate', 'flux-pro', '--prompt', 'a red circle', '--out', out]),
    json: runCli(['generate', 'flux-pro', '--prompt', 'a blue square', '--out', out, '--json']),
    whisper: runCli(['generate', 'whisper', '--audio', 'speech.wav', '--language', 'en'], { cwd: audioDir }),
  };
});

describe('boards generate without keys (embedded emulator)', () => {
  it('writes a real PNG under --out, prints its path, and says the emulator was used first', async () => {
    const { code, stdout, stderr } = await runs.flux;
    expect(code).toBe(0);
    expect(stderr.split('\n')[0]).toBe('no REPLICATE_API_TOKEN: using the local emulator, no cost');
    const path = /(\S+\.png)/.exec(stdout)?.[1] as string;
    const absolute = path.startsWith('/') ? path : join(out, '..', path);
    expect(absolute.startsWith(out)).toBe(true);
    expect(readFileSync(absolute).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(stdout).toMatch(/image\/png\s+1024x1024/);
  });

  it('--json prints one document with mode, estimate and artifacts; logs stay on stderr', async () => {
    const { code, stdout, stderr } = await runs.json;
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({
      generator: 'flux-pro',
      mode: 'emulator',
      estimatedCost: { known: true, usd: '0.055' },
      actualCost: { usd: '0.00', emulated: true },
      artifacts: [{ type: 'image', mimeType: 'image/png', width: 1024, height: 1024 }],
    });
    expect(doc.providerJobId).toEqual(expect.any(String));
    expect(readFileSync(doc.artifacts[0].path).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(doc.artifacts[0].sizeBytes).toBe(readFileSync(doc.artifacts[0].path).length);
    expect(stderr).toContain('emulator');
  });

  it('transcribes a local WAV file with whisper into a text artifact', async () => {
    const { code, stdout, stderr } = await runs.whisper;
    expect(code).toBe(0);
    expect(stderr).toContain('no OPENAI_API_KEY: using the local emulator');
    expect(stderr).toContain('deprecated');
    const path = /(\S+\.txt)/.exec(stdout)?.[1] as string;
    expect(existsSync(join(audioDir, path))).toBe(true);
    expect(readFileSync(join(audioDir, path), 'utf8')).toMatch(/transcript/i);
  });
});
