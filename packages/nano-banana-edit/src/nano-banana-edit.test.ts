import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { nanoBananaEdit, RED_CIRCLE_PNG } from './nano-banana-edit.generator';

const edit = (extra: Record<string, unknown>) => ({ prompt: 'make it blue', image_urls: ['in.png'], ...extra });

describeSnapshotCheck(nanoBananaEdit, __dirname);

runConformanceSuite(nanoBananaEdit, {
  invalidInputs: [
    { input: { image_urls: ['in.png'] }, field: 'prompt' },
    { input: { prompt: 'make it blue' }, field: 'image_urls' },
    { input: edit({ image_urls: [] }), field: 'image_urls' },
    { input: edit({ num_images: 5 }), field: 'num_images' },
    { input: edit({ aspect_ratio: '2:1' }), field: 'aspect_ratio' },
  ],
});

describe('nano-banana-edit mapping', () => {
  const emulator = useEmulator();
  const localPng = join(mkdtempSync(join(tmpdir(), 'nano-banana-edit-')), 'circle.png');
  writeFileSync(localPng, Buffer.from(RED_CIRCLE_PNG.split(',')[1], 'base64'));

  it('uploads every input image through fal storage and submits the storage URLs', async () => {
    const ctx = createTestContext({ generatorId: 'nano-banana-edit', settings: emulator.settings });
    const input = { prompt: 'make the circle blue', image_urls: [localPng, RED_CIRCLE_PNG], num_images: 2 };
    const { artifacts } = await nanoBananaEdit.generate(input, ctx);
    const fal = emulator.current.requestsFor('fal');
    const initiated = fal.filter((r) => r.operation === 'upload-initiate').map((r) => r.body);
    expect(initiated).toEqual(
      expect.arrayContaining([
        { content_type: 'image/png', file_name: 'circle.png' },
        { content_type: 'image/png', file_name: 'input.png' },
      ]),
    );
    expect(fal.filter((r) => r.operation === 'upload').map((r) => r.body)).toEqual([{ size: 214 }, { size: 214 }]);
    const submit = fal.find((r) => r.operation === 'submit');
    const stored = (name: string) => expect.stringMatching(new RegExp(`^${emulator.current.url}/files/[0-9a-f]+-${name.replace('.', '\\.')}$`));
    expect(submit?.path).toBe('/fal/queue/fal-ai/nano-banana/edit');
    expect(submit?.body).toEqual({
      prompt: 'make the circle blue',
      num_images: 2,
      output_format: 'png',
      image_urls: [stored('circle.png'), stored('input.png')],
    });
    // The emulator edits at the first input's size, which it could only know by fetching the upload.
    expect(artifacts).toEqual([1, 2].map(() => expect.objectContaining({ type: 'image', width: 64, height: 64 })));
    expect(nanoBananaEdit.estimateCost(input)).toMatchObject({ known: true, micros: 78_000 });
  });

  it('fails before submitting when an input cannot be read', async () => {
    const ctx = createTestContext({ generatorId: 'nano-banana-edit', settings: emulator.settings });
    await expect(nanoBananaEdit.generate(edit({ image_urls: ['/no/such/image.png'] }), ctx)).rejects.toThrow(/image\.png/);
    expect(emulator.current.requestsFor('fal').filter((r) => r.operation === 'submit')).toHaveLength(0);
  });
});
