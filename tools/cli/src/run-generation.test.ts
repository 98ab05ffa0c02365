import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { defineGenerator, storeText } from '@boards/core';
import { LocalArtifactStore } from '@boards/storage';
import { tempDir, removeTempDirs } from '../test-support/cli-process';
import { runGeneration } from './run-generation';

afterAll(removeTempDirs);

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

describe('runGeneration', () => {
  it('a store that fails after the provider did the work names the job and says it was billed', async () => {
    const root = tempDir('boards-out-');
    const store = new LocalArtifactStore({ root, rootSetting: '--out' });
    const paid = defineGenerator({
      id: 'paid',
      title: 'paid',
      description: 'a generator whose output directory breaks while the job runs',
      provider: 'replicate',
      model: 'm',
      artifactType: 'text',
      inputSchema: z.strictObject({}),
      price: { usd: '0.05', unit: 'request', checkedOn: '2026-12-01' },
      cheapestInput: {},
      estimateCost: () => ({ known: true, micros: 50_000, basis: 'one request' }),
      async run(_input, ctx) {
        ctx.setProviderJob({ provider: 'replicate', jobId: 'pred-123' });
        // What a full disk does mid-run, without one: the directory is no longer writable.
        rmSync(join(root, 'paid'), { recursive: true, force: true });
        writeFileSync(join(root, 'paid'), 'a file where the directory was');
        return { artifacts: [await storeText(ctx, 'the paid output')] };
      },
    });
    const running = runGeneration(paid, {}, { store, stream: sink(), tty: false });
    await expect(running).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      jobId: 'pred-123',
      message: expect.stringMatching(/^Invalid --out: cannot write .*; the replicate job pred-123 ran and is billed, but its output was not stored/),
    });
  });
});
