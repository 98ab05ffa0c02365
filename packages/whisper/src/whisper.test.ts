import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentWav } from '@boards/core';
import { runConformanceSuite, createTestContext, useEmulator, describeSnapshotCheck } from '@boards/testing';
import { whisper } from './whisper.generator';

describeSnapshotCheck(whisper, __dirname);

runConformanceSuite(whisper, {
  invalidInputs: [
    { input: {}, field: 'audio' },
    { input: { audio: 'a.wav', language: 'english' }, field: 'language' },
    { input: { audio: 'a.wav', response_format: 'docx' }, field: 'response_format' },
    { input: { audio: 'a.wav', temperature: 2 }, field: 'temperature' },
  ],
});

describe('whisper mapping', () => {
  const emulator = useEmulator();
  const dir = mkdtempSync(join(tmpdir(), 'whisper-test-'));
  const audioPath = join(dir, 'thirty-seconds.wav');
  writeFileSync(audioPath, silentWav(30));

  it('uploads a local file as multipart and stores the transcript as text', async () => {
    const ctx = createTestContext({ generatorId: 'whisper', settings: emulator.settings });
    const { artifacts } = await whisper.generate({ audio: audioPath, language: 'en' }, ctx);
    const call = emulator.current.requestsFor('openai').find((r) => r.operation === 'transcription');
    expect(call?.body).toMatchObject({
      fields: { model: 'whisper-1', language: 'en', response_format: 'json' },
      files: [expect.objectContaining({ field: 'file', fileName: 'thirty-seconds.wav', size: 44 + 30 * 8000 * 2 })],
    });
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0].type).toBe('text');
    expect(artifacts[0].type === 'text' && artifacts[0].text.length).toBeGreaterThan(0);
  });

  it('prices by the minute from the audio actually sent, and says unknown for remote audio', () => {
    expect(whisper.estimateCost({ audio: audioPath })).toMatchObject({ known: true, micros: 3000 });
    expect(whisper.estimateCost({ audio: 'https://example.com/talk.mp3' })).toMatchObject({ known: false });
  });
});
