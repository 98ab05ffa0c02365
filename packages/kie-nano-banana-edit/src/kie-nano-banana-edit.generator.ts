import { z } from 'zod';
import { defineKieGenerator, kieCreditPrice } from '@boards/provider-kie';
import { estimateFromPrice } from '@boards/cost';

const ASPECT_RATIOS = ['auto', '21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'] as const;

/** A 64x64 gradient PNG (584 bytes): a small honest image to edit in live tests. */
export const GRADIENT_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAGXRFWHRTb2Z0d2FyZQBAYm9hcmRzL2VtdWxhdG9yDWG4uAAAAepJREFUeJzVz0FHwwEAhvHNv1KMkmKUFKOkGCXFKFmZmlmZmlmZmlmZmlmZmlmZmlmZmlmZmlmZTCaTyWTSoUOHDh06dOjQYZQUo6ToQ7yHVzwf4PeIi2alIJT/38Qv1mE6Ahp4s6noCGjgwz5CR0ADJaeajoAGPl0aOgIa+HZr6Qho4Nc7TkdAAyKfjo6ABgT/BB0BDVQE9XQENFAVMtAR0IAkbKQjoIHq6DQdAQ3Uxkx0BDRQH5+hI6ABadJMR0ADDSkLHQENNKWtdAQ00JKZpyOgAVnWRkdAA625BToCGmjP2+kIaKCz4KAjoAH5tZOOgAa6bpbpCGig59ZFR0ADfXcrdAQ0oLh30xHQQP+Dh46ABgYfvXQENDD0tE5HQAOqZx8dAQ2MFjfoCGhA8+qnI6CBsfcAHQEN6EpBOgIamPzapiOgAcNPiI6ABqZEO3QENGAqC9MR0MBsZYSOgAYskigdAQ3M1ezTEdCArS5GR0ADi9IDOgIacDTG6QhoYKk5QUdAAy5Zko6ABlbbjukIaMDTkaIjoIE1+QkdAQ34utN0BDSw2XtKR0ADAUWGjoAGtgbO6AhoIKTM0hHQwK7qnI6ABiLqHB0BDexpL+gIaCCmy9MR0MCh/pKOgAYSxgIdAQ0cma7oCKQ/NocHcAhFt9oAAAAASUVORK5CYII=';

/** Inputs of google/nano-banana-edit on Kie (docs.kie.ai/market/google/nano-banana-edit). */
export const kieNanoBananaEditInput = z.strictObject({
  prompt: z.string().min(1).max(5000).describe('How to edit the images'),
  image_urls: z
    .array(z.string().min(1))
    .min(1)
    .max(10)
    .describe("Images to edit (1-10): local paths, file:// / https:// / data: URLs or stored artifact URLs; each is uploaded through Kie's file upload API"),
  aspect_ratio: z.enum(ASPECT_RATIOS).default('auto').describe('Aspect ratio (default auto: that of the first input image)'),
  output_format: z.enum(['png', 'jpeg']).default('png').describe('Image format'),
});

const price = kieCreditPrice({ credits: 4, unit: 'image', checkedOn: '2026-12-01', source: 'https://kie.ai/market/google/nano-banana' });

export const kieNanoBananaEdit = defineKieGenerator({
  id: 'kie-nano-banana-edit',
  title: 'Nano Banana Edit (Kie)',
  description: "Image editing with Google's Gemini 2.5 Flash Image (nano-banana-edit) on Kie.ai",
  model: 'google/nano-banana-edit',
  family: 'google/nano-banana-edit',
  artifactType: 'image',
  inputSchema: kieNanoBananaEditInput,
  price,
  lifecycle: { status: 'active' },
  cheapestInput: { prompt: 'make the colours warmer', image_urls: [GRADIENT_PNG] },
  // One image per task, billed per image.
  estimateCost: () => estimateFromPrice(price, 1),
  // Kie reads inputs by URL: each image is uploaded through Kie's file upload API first.
  uploads: { image_urls: 'image' },
});
