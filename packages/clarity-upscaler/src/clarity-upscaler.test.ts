import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { clarityUpscaler, RED_CIRCLE_PNG } from './clarity-upscaler.generator';

describeSnapshotCheck(clarityUpscaler, __dirname);

runConformanceSuite(clarityUpscaler, {
  invalidInputs: [
    { input: {}, field: 'image_url' },
    { input: { image_url: RED_CIRCLE_PNG, upscale_factor: 5 }, field: 'upscale_factor' },
    { input: { image_url: RED_CIRCLE_PNG, creativity: 1.5 }, field: 'creativity' },
  ],
});

describe('clarity-upscaler mapping', () => {
  const emulator = useEmulator();

  it('submits the input to fal and stores the image', async () => {
    const ctx = createTestContext({ generatorId: 'clarity-upscaler', settings: emulator.settings });
    const input = { image_url: RED_CIRCLE_PNG, upscale_factor: 4 };
    const { artifacts } = await clarityUpscaler.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/clarity-upscaler');
    expect(submit?.body).toEqual({
      image_url: expect.stringMatching(/^https?:\/\//),
      creativity: 0.35,
      enable_safety_checker: true,
      guidance_scale: 4,
      negative_prompt: '(worst quality, low quality, normal quality:2)',
      num_inference_steps: 18,
      prompt: 'masterpiece, best quality, highres',
      resemblance: 0.6,
      upscale_factor: 4,
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);
    // 64x64 times 4 is 256x256: one megapixel, rounded up.
    expect(clarityUpscaler.estimateCost(input)).toMatchObject({ known: true, micros: 30_000 });
  });
});

describe('clarity-upscaler estimate', () => {
  // The first 24 bytes of a 1024x768 PNG (signature and IHDR): all the estimate reads of an image.
  const header = Buffer.from('89504e470d0a1a0a0000000d49484452' + '00000400' + '00000300', 'hex');
  const png1024x768 = `data:image/png;base64,${header.toString('base64')}`;

  it('counts the megapixels of the upscaled image: the input image times upscale_factor', () => {
    // 2048x1536 is 3 megapixels; 4096x3072 is 12.
    expect(clarityUpscaler.estimateCost({ image_url: png1024x768 })).toMatchObject({ known: true, micros: 90_000 });
    expect(clarityUpscaler.estimateCost({ image_url: png1024x768, upscale_factor: 4 })).toMatchObject({ known: true, micros: 360_000 });
  });

  it('is unknown when the input image is not read before it is sent', () => {
    expect(clarityUpscaler.estimateCost({ image_url: 'https://example.com/photo.jpg' })).toEqual({
      known: false,
      reason: expect.stringContaining("the output's size follows the input image's"),
    });
  });
});
