import { describeLive } from '@boards/testing';
import { whisper } from './whisper.generator';

describeLive(whisper, (live) => {
  it('transcribes one second of audio into a text artifact', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'text', mimeType: expect.stringMatching(/^text\/plain/) });
  });
});
