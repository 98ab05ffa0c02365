import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { GRADIENT_PNG, kieNanoBananaEdit } from './kie-nano-banana-edit.generator';

const edit = (extra: Record<string, unknown>) => ({ prompt: 'make it blue', image_urls: ['in.png'], ...extra });

describeSnapshotCheck(kieNanoBananaEdit, __dirname);

runConformanceSuite(kieNanoBananaEdit, {
  invalidInputs: [
    { input: { image_urls: ['in.png'] }, field: 'prompt' },
    { input: { prompt: 'make it blue' }, field: 'image_urls' },
    { input: edit({ image_urls: [] }), field: 'image_urls' },
    { input: edit({ image_urls: Array(11).fill('in.png') }), field: 'image_urls' },
    { input: edit({ aspect_ratio: '2:1' }), field: 'aspect_ratio' },
    { input: edit({ num_images: 2 }), field: 'num_images' },
  ],
});

describe('kie-nano-banana-edit mapping', () => {
  const emulator = useEmulator();
  const localPng = join(mkdtempSync(join(tmpdir(), 'kie-nano-banana-edit-')), 'gradient.png');
  writeFileSync(localPng, Buffer.from(GRADIENT_PNG.split(',')[1], 'base64'));

  it("uploads every input image through Kie's file upload API and creates the task with the download URLs", async () => {
    const ctx = createTestContext({ generatorId: 'kie-nano-banana-edit', settings: emulator.settings });
    const { artifacts } = await kieNanoBananaEdit.generate({ prompt: 'make it warmer', image_urls: [localPng, GRADIENT_PNG] }, ctx);
    const kie = emulator.current.requestsFor('kie');
    const uploads = kie.filter((r) => r.operation === 'upload');
    expect(uploads.map((r) => r.path)).toEqual(['/kie/api/file-stream-upload', '/kie/api/file-stream-upload']);
    expect(uploads.map((r) => (r.body as { files: { size: number }[] }).files[0].size)).toEqual([584, 584]);
    const task = kie.find((r) => r.operation === 'createTask');
    const uploaded = expect.stringMatching(new RegExp(`^${emulator.current.url}/files/kie-uploads`));
    expect(task?.body).toEqual({
      model: 'google/nano-banana-edit',
      input: { prompt: 'make it warmer', aspect_ratio: 'auto', output_format: 'png', image_urls: [uploaded, uploaded] },
    });
    // aspect_ratio auto: the emulator edits at the first input's size, which it only knows by reading the upload.
    expect(artifacts).toEqual([expect.objectContaining({ type: 'image', width: 64, height: 64 })]);
    expect(ctx.providerJobs).toEqual([{ provider: 'kie', jobId: expect.stringMatching(/^[0-9a-f]{32}$/) }]);
  });

  it('costs 4 Kie credits ($0.02) per image', () => {
    expect(kieNanoBananaEdit.estimateCost(kieNanoBananaEdit.cheapestInput)).toMatchObject({ known: true, micros: 20_000 });
    expect(kieNanoBananaEdit.price).toMatchObject({ usd: '0.02', unit: 'image', note: expect.stringContaining('4 credits') });
  });

  it('fails before creating a task when an input cannot be read', async () => {
    const ctx = createTestContext({ generatorId: 'kie-nano-banana-edit', settings: emulator.settings });
    await expect(kieNanoBananaEdit.generate(edit({ image_urls: ['/no/such/image.png'] }), ctx)).rejects.toThrow(/image\.png/);
    expect(emulator.current.requestsFor('kie').filter((r) => r.operation === 'createTask')).toHaveLength(0);
  });
});
