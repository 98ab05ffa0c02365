import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plantedWorkspace, removeTempDirs, runCliInProcess } from '../test-support/cli-process';

afterAll(removeTempDirs);

const PACKAGES = join(__dirname, '..', '..', '..', 'packages');

/** Planted generators (src/__fixtures__/stored-drift), each beside a copy of a real package's snapshot or none. */
function planted(): string {
  const root = plantedWorkspace(join(__dirname, '__fixtures__', 'stored-drift'), ['drifted', 'mismatched', 'unsnapshotted'], 'boards-stored-');
  copyFileSync(join(PACKAGES, 'nano-banana', 'snapshot.json'), join(root, 'packages', 'drifted', 'snapshot.json'));
  copyFileSync(join(PACKAGES, 'flux-pro', 'snapshot.json'), join(root, 'packages', 'mismatched', 'snapshot.json'));
  return root;
}

// Sources that answer nothing: were --stored to fetch, the rows would say "could not check", not drift.
const OFFLINE = { BOARDS_DRIFT_FAL_URL: 'http://127.0.0.1:1/fal', BOARDS_DRIFT_REPLICATE_URL: 'http://127.0.0.1:1/replicate' };

describe('boards drift --stored (each generator against its stored snapshot, offline)', () => {
  it('names each field a generator drifted on, and a missing or foreign snapshot: exit 7, nothing fetched', async () => {
    const fetched = jest.spyOn(globalThis, 'fetch');
    const root = planted();
    const { code, stdout } = await runCliInProcess(['drift', '--stored'], { env: { BOARDS_WORKSPACE_ROOT: root, ...OFFLINE } });
    expect(fetched).not.toHaveBeenCalled();
    fetched.mockRestore();
    expect(code).toBe(7);
    expect(stdout).toMatch(/^drifted\s+fal\s+fal-ai\/nano-banana\s+drift \(2\)\s+packages\/drifted\/snapshot\.json \(fetched \d{4}-\d\d-\d\d\)$/m);
    expect(stdout).toContain('drifted (fal-ai/nano-banana) against packages/drifted/snapshot.json:');
    expect(stdout).toContain('  [generator] num_images maximum: generator 8, snapshot 4 (wider)');
    expect(stdout).toMatch(/^ {2}\[generator\] aspect_ratio enum: the generator accepts "7:3", which the snapshot does not/m);
    expect(stdout).toContain('  [snapshot] the snapshot is of replicate black-forest-labs/flux-pro; the generator calls fal fal-ai/nano-banana');
    expect(stdout).toMatch(/^ {2}\[snapshot\] no snapshot stored at \S+unsnapshotted\/snapshot\.json: run boards drift --update unsnapshotted/m);
    expect(stdout).toContain('drift --stored: 3 generator(s); drift 3, ok 0, skipped 0, could not check 0');
  });

  it('--json carries the same rows; one generator can be named', async () => {
    const { code, stdout } = await runCliInProcess(['drift', '--stored', 'drifted', '--json'], { env: { BOARDS_WORKSPACE_ROOT: planted(), ...OFFLINE } });
    expect(code).toBe(7);
    expect(JSON.parse(stdout)).toEqual({
      generators: [
        expect.objectContaining({
          generator: 'drifted',
          status: 'drift',
          source: expect.stringContaining('endpoint_id=fal-ai%2Fnano-banana'),
          lines: ['[generator] num_images maximum: generator 8, snapshot 4 (wider)', expect.stringContaining('[generator] aspect_ratio enum:')],
        }),
      ],
    });
  });

  it('says it could not check a snapshot file that is not one (exit 4), naming the file', async () => {
    const root = plantedWorkspace(join(__dirname, '__fixtures__', 'stored-drift'), ['unsnapshotted'], 'boards-stored-');
    writeFileSync(join(root, 'packages', 'unsnapshotted', 'snapshot.json'), '{"provider":"fal","model":"fal-ai/unsnapshotted"}');
    const { code, stdout } = await runCliInProcess(['drift', '--stored', '--json'], { env: { BOARDS_WORKSPACE_ROOT: root } });
    expect(code).toBe(4);
    expect(JSON.parse(stdout).generators).toEqual([
      expect.objectContaining({ status: 'error', reason: expect.stringMatching(/^could not check: \S+unsnapshotted\/snapshot\.json has no provenance/) }),
    ]);
  });

  it('refuses --stored with --update or --recordings (exit 2), before reading anything', async () => {
    const update = await runCliInProcess(['drift', '--stored', '--update', '--json']);
    expect(update.code).toBe(2);
    expect(JSON.parse(update.stdout).error.message).toContain('--stored reads no network');
    const recordings = await runCliInProcess(['drift', '--stored', '--recordings', '--json']);
    expect(recordings.code).toBe(2);
    expect(JSON.parse(recordings.stdout).error.message).toContain('does not go with --recordings');
  });
});
