import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProviderFetch, defineGenerator, EMULATOR_HEADER, registerSecret } from '@boards/core';
import { testImageSpec } from './adapter-fixtures';
import { useEmulator } from './emulator-env';
import { GenerationRecorder, provenanceOf, scrubText } from './recording';

describe('recording scrubber', () => {
  it('removes registered keys and signed-URL tokens, keeping the rest of the URL', () => {
    const key = 'r8_PLANTED_recording_key_0123456789';
    registerSecret(key);
    const text = JSON.stringify({
      echoed: `Bearer ${key}`,
      raw: key,
      url: 'https://delivery.example.com/out/abc.png?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA123&size=1',
      fal: 'https://v3.fal.media/files/x.png?token=tok123',
    });
    const scrubbed = scrubText(text);
    expect(scrubbed).not.toContain(key);
    expect(scrubbed).not.toMatch(/deadbeef|AKIA123|tok123/);
    expect(scrubbed).toContain('https://delivery.example.com/out/abc.png?');
    expect(scrubbed).toContain('size=1');
  });
});

describe('recording provenance comes from where the requests went', () => {
  const generator = defineGenerator({ ...testImageSpec('provenance-test', 'owner/model'), provider: 'replicate', run: async () => ({ artifacts: [] }) });
  const emulator = useEmulator();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'provenance-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Records one request to the emulator, as a run "live" but with base URLs at the emulator would. */
  async function recordAgainstEmulator(): Promise<GenerationRecorder> {
    const recorder = new GenerationRecorder();
    recorder.start();
    try {
      // Without a key the emulator answers 401: an answer all the same, and it is what gets recorded.
      await createProviderFetch({ provider: 'replicate' })(`${emulator.current.replicateBaseUrl}/models/owner/model`).catch(() => undefined);
    } finally {
      recorder.stop();
    }
    return recorder;
  }

  it('is emulator only when every answer carries the emulator mark: a host name proves nothing', () => {
    const mark = { [EMULATOR_HEADER]: '1', 'content-type': 'application/json' };
    expect(provenanceOf([mark, { 'X-Boards-Emulator': '1' }])).toBe('emulator');
    // A loopback gateway or record-through proxy answers without the mark: real money.
    expect(provenanceOf([mark, { 'content-type': 'application/json' }])).toBe('live');
    expect(provenanceOf([{ 'x-request-id': 'req_1' }])).toBe('live');
  });

  it('a run claimed live whose requests went to the emulator is recorded as emulator', async () => {
    const outcome = (await recordAgainstEmulator()).write(generator, {}, 'live', dir);
    expect(outcome).toMatchObject({ mode: 'emulator', written: true });
    expect(JSON.parse(readFileSync(outcome.path, 'utf8')).provenance.mode).toBe('emulator');
  });

  it('never overwrites a live recording with one of lower standing', async () => {
    const path = join(dir, '__fixtures__', 'recordings', 'provenance-test.json');
    mkdirSync(join(dir, '__fixtures__', 'recordings'), { recursive: true });
    const live = JSON.stringify({ format: 'boards-recording/1', provenance: { mode: 'live' }, exchanges: [] });
    writeFileSync(path, live);
    expect((await recordAgainstEmulator()).write(generator, {}, 'live', dir)).toMatchObject({ written: false, mode: 'emulator' });
    expect(readFileSync(path, 'utf8')).toBe(live);
  });
});
