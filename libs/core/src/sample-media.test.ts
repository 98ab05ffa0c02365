import { probeLocalMedia } from './media';
import { RED_CIRCLE_MP4, RED_CIRCLE_MP4_2S, RED_CIRCLE_PNG, SILENT_WAV } from './sample-media';

const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

describe('sample media for cheapest inputs', () => {
  it('are real files of their kind, small, read by the same checks a provider upload goes through', () => {
    expect(probeLocalMedia(RED_CIRCLE_PNG)).toMatchObject({ mimeType: 'image/png', width: 64, height: 64 });
    expect(probeLocalMedia(SILENT_WAV)).toMatchObject({ mimeType: 'audio/wav', durationSeconds: 1, sampleRate: 8000, channels: 1 });
    expect(probeLocalMedia(RED_CIRCLE_MP4)).toMatchObject({ mimeType: 'video/mp4', width: 128, height: 128, durationSeconds: 1 });
    expect(bytesOf(RED_CIRCLE_MP4)).toHaveLength(2545);
    expect(probeLocalMedia(RED_CIRCLE_MP4_2S)).toMatchObject({ mimeType: 'video/mp4', width: 128, height: 128, durationSeconds: 2 });
    expect(bytesOf(RED_CIRCLE_MP4_2S)).toHaveLength(3764);
    expect(bytesOf(SILENT_WAV).length).toBeLessThan(20_000);
  });

  it('carry their media type in the data URL', () => {
    expect(RED_CIRCLE_MP4).toMatch(/^data:video\/mp4;base64,AAAA/);
    expect(SILENT_WAV).toMatch(/^data:audio\/wav;base64,UklGR/);
  });
});
