import { RED_CIRCLE_MP4, RED_CIRCLE_PNG } from '@boards/core';
import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { kieRunwayAleph } from './kie-runway-aleph.generator';

const edit = (extra: Record<string, unknown>) => ({ prompt: 'make it snow', videoUrl: 'in.mp4', ...extra });

describeSnapshotCheck(kieRunwayAleph, __dirname);

runConformanceSuite(kieRunwayAleph, {
  invalidInputs: [
    { input: { videoUrl: 'in.mp4' }, field: 'prompt' },
    { input: { prompt: 'make it snow' }, field: 'videoUrl' },
    { input: edit({ aspectRatio: '2:1' }), field: 'aspectRatio' },
    { input: edit({ seed: 1.5 }), field: 'seed' },
    { input: edit({ duration: 5 }), field: 'duration' },
  ],
});

describe('kie-runway-aleph mapping', () => {
  const emulator = useEmulator();

  it("uploads the video and the reference image through Kie's file upload API and stores the 5 s result", async () => {
    const ctx = createTestContext({ generatorId: 'kie-runway-aleph', settings: emulator.settings });
    const input = { prompt: 'make it snow', videoUrl: RED_CIRCLE_MP4, referenceImage: RED_CIRCLE_PNG, aspectRatio: '9:16' as const };
    const { artifacts, providerJobId } = await kieRunwayAleph.generate(input, ctx);
    const kie = emulator.current.requestsFor('kie');
    expect(kie.filter((r) => r.operation === 'upload').map((r) => (r.body as { files: { size: number }[] }).files[0].size)).toEqual([2545, 214]);
    const generate = kie.find((r) => r.operation === 'alephGenerate');
    const uploaded = expect.stringMatching(new RegExp(`^${emulator.current.url}/files/kie-uploads`));
    expect(generate?.path).toBe('/kie/api/v1/aleph/generate');
    expect(generate?.body).toEqual({ prompt: 'make it snow', videoUrl: uploaded, referenceImage: uploaded, aspectRatio: '9:16' });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'video', mimeType: 'video/mp4', durationSeconds: 5, width: 720, height: 1280 })]);
    expect(providerJobId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('fails before creating a task when the video cannot be read', async () => {
    const ctx = createTestContext({ generatorId: 'kie-runway-aleph', settings: emulator.settings });
    await expect(kieRunwayAleph.generate(edit({ videoUrl: '/no/such/clip.mp4' }), ctx)).rejects.toThrow(/clip\.mp4/);
    expect(emulator.current.requestsFor('kie').filter((r) => r.operation === 'alephGenerate')).toHaveLength(0);
  });

  it('counts one task at an unknown rate: never a guess', () => {
    expect(kieRunwayAleph.estimateCost(kieRunwayAleph.cheapestInput)).toEqual({
      known: false,
      reason: expect.stringContaining('the price per request is unknown'),
    });
  });
});
