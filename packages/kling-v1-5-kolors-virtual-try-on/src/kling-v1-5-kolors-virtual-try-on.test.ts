import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { klingV15KolorsVirtualTryOn, RED_CIRCLE_PNG } from './kling-v1-5-kolors-virtual-try-on.generator';

describeSnapshotCheck(klingV15KolorsVirtualTryOn, __dirname);

runConformanceSuite(klingV15KolorsVirtualTryOn, {
  invalidInputs: [
    { input: { human_image_url: RED_CIRCLE_PNG }, field: 'garment_image_url' },
    { input: { garment_image_url: RED_CIRCLE_PNG }, field: 'human_image_url' },
  ],
});

describe('kling-v1-5-kolors-virtual-try-on mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the image', async () => {
    const ctx = createTestContext({ generatorId: 'kling-v1-5-kolors-virtual-try-on', settings: emulator.settings });
    const input = { garment_image_url: RED_CIRCLE_PNG, human_image_url: RED_CIRCLE_PNG };
    const { artifacts } = await klingV15KolorsVirtualTryOn.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/kling/v1-5/kolors-virtual-try-on');
    expect(submit?.body).toEqual({ garment_image_url: expect.stringMatching(/^https?:\/\//), human_image_url: expect.stringMatching(/^https?:\/\//) });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(klingV15KolorsVirtualTryOn.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining('the price per image is unknown') });
  });
});
