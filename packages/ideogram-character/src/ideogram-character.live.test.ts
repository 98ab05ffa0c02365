import { describeLive } from '@boards/testing';
import { ideogramCharacter } from './ideogram-character.generator';

describeLive(ideogramCharacter, (live) => {
  it('generates one image from the cheapest input', async () => {
    const { artifacts } = await live.generate();
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]).toMatchObject({ type: 'image', mimeType: expect.stringMatching(/^image\//) });
  });
});
