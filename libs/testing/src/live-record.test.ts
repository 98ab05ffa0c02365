import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenerationFailedError, silentWav } from '@boards/core';
import { recordGeneration, type GenerationRecord } from './live-record';
import { createTestContext } from './test-context';

const runDir = mkdtempSync(join(tmpdir(), 'boards-live-record-'));
afterAll(() => rmSync(runDir, { recursive: true, force: true }));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as GenerationRecord;
const estimate = { known: true as const, micros: 55_000, basis: '1 image x $0.055' };

describe('recordGeneration', () => {
  it('copies the artifacts into the run directory and keeps input, costs, timing and job id', async () => {
    const ctx = createTestContext({ generatorId: 'rec' });
    const artifact = await ctx.storeArtifact({ type: 'text', bytes: new TextEncoder().encode('hello'), mimeType: 'text/plain', text: 'hello' });
    const wav = `data:audio/wav;base64,${Buffer.from(silentWav(1)).toString('base64')}`;
    const record = read(
      recordGeneration(runDir, {
        generator: 'rec',
        mode: 'emulator',
        startedAt: new Date('2026-12-01T10:00:00Z'),
        elapsedMs: 12.4,
        input: { audio: wav, image: 'https://files.example/a.png?sig=abc', tags: ['x'] },
        estimate,
        actual: { micros: 50_000, reported: 'billable_units=1' },
        providerJobId: 'job-1',
        result: { artifacts: [artifact] },
      }),
    );
    expect(record).toMatchObject({
      generator: 'rec',
      startedAt: '2026-12-01T10:00:00.000Z',
      elapsedMs: 12,
      input: { audio: '[file artifacts/rec/001-input-1.wav]', image: 'https://files.example/a.png', tags: ['x'] },
      inputFiles: [{ field: 'audio', file: 'artifacts/rec/001-input-1.wav', mimeType: 'audio/wav', sizeBytes: silentWav(1).length }],
      estimatedUsd: '0.055',
      actual: { usd: '0.05', reported: 'billable_units=1' },
      providerJobId: 'job-1',
      artifacts: [{ type: 'text', file: expect.stringMatching(/^artifacts\/rec\/001-[0-9a-f]+\.txt$/), text: 'hello', sizeBytes: 5 }],
    });
    expect(readFileSync(join(runDir, record.artifacts[0].file), 'utf8')).toBe('hello');
    expect(readFileSync(join(runDir, record.inputFiles[0].file)).equals(Buffer.from(silentWav(1)))).toBe(true);
  });

  it('records a failed generation with its error, numbered after the earlier one', () => {
    const error = new GenerationFailedError('fal', 'the job failed', 'job-2');
    const path = recordGeneration(runDir, { generator: 'rec', mode: 'live', startedAt: new Date(), elapsedMs: 1, input: {}, estimate, error });
    expect(path).toBe(join(runDir, 'generations', 'rec', '002.json'));
    expect(read(path)).toMatchObject({ error: expect.stringContaining('the job failed'), artifacts: [] });
  });
});
