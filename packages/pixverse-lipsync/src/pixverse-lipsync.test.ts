import { silentWav } from '@boards/core';
import { createTestContext, describeSnapshotCheck, runConformanceSuite, useEmulator } from '@boards/testing';
import { pixverseLipsync, RED_CIRCLE_MP4, SILENT_WAV } from './pixverse-lipsync.generator';

describeSnapshotCheck(pixverseLipsync, __dirname);

runConformanceSuite(pixverseLipsync, {
  invalidInputs: [
    { input: {}, field: 'video_url' },
    { input: { video_url: RED_CIRCLE_MP4, voice_id: 'not-a-value' }, field: 'voice_id' },
  ],
});

describe('pixverse-lipsync mapping', () => {
  const emulator = useEmulator();

  it('uploads the video and audio, submits their URLs to fal and stores the video', async () => {
    const ctx = createTestContext({ generatorId: 'pixverse-lipsync', settings: emulator.settings });
    const input = { video_url: RED_CIRCLE_MP4, audio_url: SILENT_WAV };
    const { artifacts } = await pixverseLipsync.generate(input, ctx);
    const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
    expect(submit?.path).toBe('/fal/queue/fal-ai/pixverse/lipsync');
    expect(submit?.body).toEqual({ video_url: expect.stringMatching(/^https?:\/\//), audio_url: expect.stringMatching(/^https?:\/\//), voice_id: 'Auto' });
    expect(artifacts).toHaveLength(1);
    expect(artifacts.every((a) => a.type === 'video' && a.mimeType.startsWith('video/'))).toBe(true);
  });

  it('prices the cheapest live input: one second of video at $0.04', () => {
    expect(pixverseLipsync.estimateCost(pixverseLipsync.cheapestInput)).toMatchObject({ known: true, micros: 40_000 });
  });

  it('counts the longer of the video and the audio', () => {
    const threeSeconds = `data:audio/wav;base64,${Buffer.from(silentWav(3)).toString('base64')}`;
    expect(pixverseLipsync.estimateCost({ video_url: RED_CIRCLE_MP4, audio_url: threeSeconds })).toMatchObject({ known: true, micros: 120_000 });
  });

  it.each([
    [{ video_url: RED_CIRCLE_MP4, text: 'Hello.' }, 'speech made from text'],
    [{ video_url: 'https://example.com/clip.mp4', audio_url: SILENT_WAV }, 'remote or unread'],
  ])('cannot estimate %j', (input, reason) => {
    expect(pixverseLipsync.estimateCost(input)).toEqual({ known: false, reason: expect.stringContaining(reason) });
  });
});
