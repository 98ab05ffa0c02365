import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { flux2Flex } from './flux-2-flex.generator';

describeSnapshotCheck(flux2Flex, __dirname);

runConformanceSuite(flux2Flex, {
  invalidInputs: [
    { input: {}, field: 'prompt' },
    { input: { prompt: 'a red circle on a white background', output_format: 'not-a-value' }, field: 'output_format' },
  ],
});

describe('flux-2-flex mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the image', async () => {
    const ctx = createTestContext({ generatorId: 'flux-2-flex', settings: emulator.settings });
    const input = { prompt: 'a lighthouse at dusk' };
    const { artifacts } = await flux2Flex.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/flux-2-flex');
    expect(submit?.body).toEqual({
      prompt: 'a lighthouse at dusk',
      enable_safety_checker: true,
      guidance_scale: 3.5,
      image_size: 'landscape_4_3',
      num_inference_steps: 28,
      output_format: 'jpeg',
      safety_tolerance: '2',
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    expect(flux2Flex.estimateCost(input)).toMatchObject({ known: true, micros: 50_000 });
  });
});
