import { registerSecret } from '@boards/core';
import { scrubText } from './recording';

describe('recording scrubber', () => {
  it('removes registered keys and signed-URL tokens, keeping the rest of the URL', () => {
    const key = 'r8_PLANTED_recording_key_0123456789';
    registerSecret(key);
    const text = JSON.stringify({
      echoed: `Bearer ${key}`,
      raw: key,
      url: 'https://delivery.example.com/out/abc.png?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA123&size=1',
      fal: 'https://v3.fal.media/files/x.png?token=tok123',
    });
    const scrubbed = scrubText(text);
    expect(scrubbed).not.toContain(key);
    expect(scrubbed).not.toMatch(/deadbeef|AKIA123|tok123/);
    expect(scrubbed).toContain('https://delivery.example.com/out/abc.png?');
    expect(scrubbed).toContain('size=1');
  });
});
