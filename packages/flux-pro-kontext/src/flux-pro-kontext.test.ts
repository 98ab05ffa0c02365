import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { fluxProKontext, RED_CIRCLE_PNG } from './flux-pro-kontext.generator';

describeSnapshotCheck(fluxProKontext, __dirname);

runConformanceSuite(fluxProKontext, {
  invalidInputs: [
    { input: { prompt: 'a red circle on a white background' }, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', num_images: 0 }, field: 'num_images' },
    { input: { image_url: RED_CIRCLE_PNG, prompt: 'a red circle on a white background', aspect_ratio: 'not-a-value' }, field: 'aspect_ratio' },
  ],
});

describe('flux-pro-kontext mapping', () => {
  const emulator = useEmulator();

  it('submits the input to the fal queue and stores every image', async () => {
    const ctx = createTestContext({ generatorId: 'flux-pro-kontext', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, prompt: 'a lighthouse at dusk', num_images: 2 };
    const { artifacts } = await fluxProKontext.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/flux-pro/kontext');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      prompt: 'a lighthouse at dusk',
      num_images: 2,
      guidance_scale: 3.5,
      output_format: 'jpeg',
      safety_tolerance: '2',
    });
    expect(artifacts).toHaveLength(2);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(fluxProKontext.estimateCost(input)).toMatchObject({ known: true, micros: 80_000 });
  });
});
