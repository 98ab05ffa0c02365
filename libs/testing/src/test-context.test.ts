import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@boards/emulator';
import { createTestContext } from './test-context';
import { dummyKey, settingsFor } from './emulator-env';

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

  it("carries the settings it is given: the emulator's point every adapter at it, and nothing is written to process.env", async () => {
    const before = { ...process.env };
    const emulator = await startEmulator();
    try {
      const ctx = createTestContext({ settings: settingsFor(emulator) });
      expect(ctx.settings?.providers).toMatchObject({
        fal: { baseUrl: emulator.falBaseUrl, apiKey: dummyKey('fal') },
        openai: { baseUrl: emulator.openaiBaseUrl, apiKey: dummyKey('openai') },
      });
      expect(createTestContext().settings).toBeUndefined();
    } finally {
      await emulator.stop();
    }
    expect(process.env).toEqual(before);
  });
});
