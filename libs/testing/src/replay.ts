import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyGenerator } from '@boards/core';
import { loadRecording, startEmulator, type LoadedRecording } from '@boards/emulator';
import { settingsFor } from './emulator-env';
import { createTestContext } from './test-context';

/** Recordings of this generator under `<packageDir>/__fixtures__/recordings`. */
export function findRecordings(generatorId: string, packageDir = process.cwd()): LoadedRecording[] {
  const dir = join(packageDir, '__fixtures__', 'recordings');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => loadRecording(join(dir, f)))
    .filter((r) => r.provenance.generator === generatorId);
}

/**
 * Unit tests against what the provider really answered: each recording is served
 * by the emulator with its own behaviour off, and the generator must complete on
 * it, asking for every recorded exchange. BOARDS_REPLAY=required makes a missing
 * recording a failure.
 */
export function runReplaySuite(generator: AnyGenerator): void {
  const recordings = findRecordings(generator.id);
  describe(`${generator.id} replay of recorded provider answers`, () => {
    if (recordings.length === 0) {
      if (process.env.BOARDS_REPLAY === 'required') {
        it('has a recording to replay', () => {
          throw new Error(`No recording for ${generator.id}: record one with BOARDS_RECORD=1 npx nx test-live ${generator.id}`);
        });
      }
      return;
    }
    it.each(recordings.map((r) => [`${r.provenance.mode} ${r.provenance.recordedAt} ${r.provenance.sdk}`, r]))(
      'completes on the recording (%s)',
      async (_label, recording) => {
        const emulator = await startEmulator({ replay: recording as LoadedRecording });
        try {
          const rec = recording as LoadedRecording;
          const result = await generator.generate(rec.input, createTestContext({ generatorId: generator.id, settings: settingsFor(emulator) }));
          expect(result.artifacts.length).toBeGreaterThan(0);
          expect(result.artifacts.every((a) => a.type === generator.artifactType)).toBe(true);
          expect(emulator.unservedReplay()).toEqual([]);
        } finally {
          await emulator.stop();
        }
      },
    );
  });
}
