import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { briaBackgroundRemove, RED_CIRCLE_PNG } from './bria-background-remove.generator';

describeSnapshotCheck(briaBackgroundRemove, __dirname);

runConformanceSuite(briaBackgroundRemove, {
  invalidInputs: [{ input: {}, field: 'image_url' }],
});

describe('bria-background-remove mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the image', async () => {
    const ctx = createTestContext({ generatorId: 'bria-background-remove', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG };
    const { artifacts } = await briaBackgroundRemove.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/bria/background/remove');
    expect(submit?.body).toEqual({ image_url: expect.stringMatching(/^https?:\/\//) });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(briaBackgroundRemove.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per image is unknown') });
  });
});
