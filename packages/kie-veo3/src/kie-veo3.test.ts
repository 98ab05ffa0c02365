import { RED_CIRCLE_PNG } from '@boards/core';
import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { kieVeo3 } from './kie-veo3.generator';

describeSnapshotCheck(kieVeo3, __dirname);

runConformanceSuite(kieVeo3, {
  invalidInputs: [
    { input: { duration: 4 }, field: 'prompt' },
    { input: { prompt: 'waves', duration: 5 }, field: 'duration' },
    { input: { prompt: 'waves', duration: '4' }, field: 'duration' },
    { input: { prompt: 'waves', model: 'veo2' }, field: 'model' },
    { input: { prompt: 'waves', resolution: '480p' }, field: 'resolution' },
    { input: { prompt: 'waves', aspect_ratio: '1:1' }, field: 'aspect_ratio' },
    { input: { prompt: 'waves', imageUrls: ['a.png', 'b.png', 'c.png', 'd.png'] }, field: 'imageUrls' },
    { input: { prompt: 'waves', enableFallback: true }, field: 'enableFallback' },
  ],
});

describe('kie-veo3 mapping', () => {
  const emulator = useEmulator();

  it('sends the fields as the body of veo/generate, the billed ones with their defaults, and stores the MP4', async () => {
    const ctx = createTestContext({ generatorId: 'kie-veo3', settings: emulator.settings });
    const { artifacts, providerJobId } = await kieVeo3.generate({ prompt: 'waves rolling onto a beach', duration: 6, aspect_ratio: '9:16' }, ctx);
    const generate = emulator.current.requestsFor('kie').find((r) => r.operation === 'veoGenerate');
    expect(generate?.path).toBe('/kie/api/v1/veo/generate');
    expect(generate?.body).toEqual({ prompt: 'waves rolling onto a beach', model: 'veo3_fast', aspect_ratio: '9:16', resolution: '720p', duration: 6 });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'video', mimeType: 'video/mp4', durationSeconds: 6, width: 720, height: 1280 })]);
    expect(providerJobId).toBe(ctx.providerJobs[0].jobId);
  });

  it("uploads each start image through Kie's file upload API and sends the download URLs", async () => {
    const ctx = createTestContext({ generatorId: 'kie-veo3', settings: emulator.settings });
    await kieVeo3.generate({ prompt: 'the circle rolls away', imageUrls: [RED_CIRCLE_PNG], generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO', duration: 4 }, ctx);
    const kie = emulator.current.requestsFor('kie');
    expect(kie.filter((r) => r.operation === 'upload').map((r) => r.path)).toEqual(['/kie/api/file-stream-upload']);
    const generate = kie.find((r) => r.operation === 'veoGenerate');
    expect(generate?.body).toMatchObject({
      imageUrls: [expect.stringMatching(new RegExp(`^${emulator.current.url}/files/kie-uploads`))],
      generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO',
    });
  });

  it('counts seconds of video at an unknown rate: never a guess', () => {
    expect(kieVeo3.estimateCost(kieVeo3.cheapestInput)).toEqual({ known: false, reason: expect.stringContaining('the price per second is unknown') });
    expect(kieVeo3.price).toMatchObject({ unknown: true, unit: 'second', checkedOn: '2026-12-07' });
  });
});
