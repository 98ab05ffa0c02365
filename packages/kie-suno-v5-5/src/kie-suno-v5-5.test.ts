import { KIE_NO_CALLBACK_URL } from '@boards/provider-kie';
import { createTestContext, runConformanceSuite, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { kieSunoV55 } from './kie-suno-v5-5.generator';

const custom = (extra: Record<string, unknown>) => ({ prompt: 'la la la', customMode: true, style: 'jazz', title: 'Song', ...extra });

describeSnapshotCheck(kieSunoV55, __dirname);

runConformanceSuite(kieSunoV55, {
  invalidInputs: [
    { input: { instrumental: true }, field: 'prompt' },
    { input: { prompt: 'x'.repeat(501) }, field: 'prompt' },
    { input: custom({ prompt: 'x'.repeat(5001) }), field: 'prompt' },
    { input: custom({ style: undefined }), field: 'style' },
    { input: custom({ title: undefined }), field: 'title' },
    { input: custom({ title: 'x'.repeat(81) }), field: 'title' },
    { input: { prompt: 'a tune', model: 'V5' }, field: 'model' },
    { input: { prompt: 'a tune', styleWeight: 1.5 }, field: 'styleWeight' },
    { input: { prompt: 'a tune', vocalGender: 'x' }, field: 'vocalGender' },
  ],
});

describe('kie-suno-v5-5 mapping', () => {
  const emulator = useEmulator();

  it('sends the required fields with the callBackUrl Kie requires and stores both tracks', async () => {
    const ctx = createTestContext({ generatorId: 'kie-suno-v5-5', settings: emulator.settings });
    const { artifacts } = await kieSunoV55.generate({ prompt: 'a calm piano tune', instrumental: true }, ctx);
    const generate = emulator.current.requestsFor('kie').find((r) => r.operation === 'sunoGenerate');
    expect(generate?.path).toBe('/kie/api/v1/generate');
    expect(generate?.body).toEqual({ prompt: 'a calm piano tune', customMode: false, instrumental: true, model: 'V5_5', callBackUrl: KIE_NO_CALLBACK_URL });
    expect(artifacts).toEqual([
      expect.objectContaining({ type: 'audio', mimeType: 'audio/wav', durationSeconds: 8 }),
      expect.objectContaining({ type: 'audio', mimeType: 'audio/wav', durationSeconds: 8 }),
    ]);
  });

  it('sends lyrics, style and title in custom mode', async () => {
    const ctx = createTestContext({ generatorId: 'kie-suno-v5-5', settings: emulator.settings });
    await kieSunoV55.generate(custom({ styleWeight: 0.65, vocalGender: 'f' }), ctx);
    const generate = emulator.current.requestsFor('kie').find((r) => r.operation === 'sunoGenerate');
    expect(generate?.body).toMatchObject({ prompt: 'la la la', customMode: true, style: 'jazz', title: 'Song', styleWeight: 0.65, vocalGender: 'f' });
  });

  it('counts one call at an unknown rate: never a guess', () => {
    expect(kieSunoV55.estimateCost(kieSunoV55.cheapestInput)).toEqual({ known: false, reason: expect.stringContaining('the price per request is unknown') });
  });
});
