import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@boards/emulator';
import { createTestContext } from './test-context';
import { pointEnvAt } from './emulator-env';

describe('test context', () => {
  it('stores artifacts in a temporary directory and records what the generator reported', async () => {
    const ctx = createTestContext({ generatorId: 'ctx-test' });
    const artifact = await ctx.storeArtifact({ type: 'text', bytes: new TextEncoder().encode('hi'), mimeType: 'text/plain', text: 'hi' });
    expect(readFileSync(fileURLToPath(artifact.storageUrl), 'utf8')).toBe('hi');
    ctx.progress({ progress: 0.5, phase: 'running' });
    ctx.setProviderJob({ provider: 'fal', jobId: 'j1' });
    ctx.logger.info('line');
    expect(ctx.progressEvents).toEqual([{ progress: 0.5, phase: 'running' }]);
    expect(ctx.providerJobs).toEqual([{ provider: 'fal', jobId: 'j1' }]);
    expect(ctx.logLines).toEqual(['info line']);
  });

  it('points the adapters at the emulator and puts the environment back', async () => {
    const emulator = await startEmulator();
    const before = process.env.BOARDS_FAL_BASE_URL;
    const restore = pointEnvAt(emulator);
    try {
      expect(process.env.BOARDS_FAL_BASE_URL).toBe(emulator.falBaseUrl);
      expect(process.env.BOARDS_OPENAI_BASE_URL).toBe(emulator.openaiBaseUrl);
    } finally {
      restore();
      await emulator.stop();
    }
    expect(process.env.BOARDS_FAL_BASE_URL).toBe(before);
  });
});
