import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { crystalUpscaler, RED_CIRCLE_PNG } from './crystal-upscaler.generator';

describeSnapshotCheck(crystalUpscaler, __dirname);

runConformanceSuite(crystalUpscaler, {
  invalidInputs: [
    { input: {}, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, scale_factor: '2' }, field: 'scale_factor' },
    { input: { image_url: RED_CIRCLE_PNG, creativity: 'high' }, field: 'creativity' },
  ],
});

describe('crystal-upscaler mapping', () => {
  const emulator = useEmulator();

  it("uploads the image to fal's storage, submits its URL with the scale factor and stores the image", async () => {
    const ctx = createTestContext({ generatorId: 'crystal-upscaler', settings: emulator.settings });
    const { artifacts } = await crystalUpscaler.generate({ image_url: RED_CIRCLE_PNG, creativity: 0 }, ctx);
    const fal = emulator.current.requestsFor('fal');
    const submit = fal.find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/clarityai/crystal-upscaler');
    expect(submit?.body).toEqual({ image_url: expect.stringMatching(/^https?:\/\//), creativity: 0, scale_factor: 2 });
    expect(fal.filter((r) => r.operation === 'upload').map((r) => r.body)).toEqual([{ size: 214 }]);
    expect(artifacts).toEqual([expect.objectContaining({ type: 'image', mimeType: expect.stringMatching(/^image\//) })]);
  });

  it('prices nothing it cannot know: the rate is unknown, and so is the output size before the image is read', () => {
    expect(crystalUpscaler.estimateCost(crystalUpscaler.cheapestInput)).toEqual({
      known: false,
      reason: expect.stringMatching(/the price per megapixel is unknown.*x 4\)/),
    });
  });
});
