import { rewriteFalUrl } from './rewrite';

const BASE = 'http://127.0.0.1:4000/fal';

describe('rewriteFalUrl', () => {
  it('maps the queue, run and REST hosts', () => {
    expect(rewriteFalUrl('https://queue.fal.run/fal-ai/nano-banana/edit', BASE)).toBe(`${BASE}/queue/fal-ai/nano-banana/edit`);
    expect(rewriteFalUrl('https://queue.fal.run/fal-ai/nano-banana/requests/abc/status?logs=1', BASE)).toBe(
      `${BASE}/queue/fal-ai/nano-banana/requests/abc/status?logs=1`,
    );
    expect(rewriteFalUrl('https://fal.run/fal-ai/flux/dev', BASE)).toBe(`${BASE}/run/fal-ai/flux/dev`);
    expect(rewriteFalUrl('https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3', `${BASE}/`)).toBe(
      `${BASE}/rest/storage/upload/initiate?storage_type=fal-cdn-v3`,
    );
    expect(rewriteFalUrl('https://rest.alpha.fal.ai/storage/upload/initiate', BASE)).toBe(`${BASE}/rest/storage/upload/initiate`);
  });

  it('keeps any other fal host on the emulator and leaves other URLs alone', () => {
    expect(rewriteFalUrl('https://api.fal.ai/v1/models/pricing', BASE)).toBe(`${BASE}/_host/api.fal.ai/v1/models/pricing`);
    expect(rewriteFalUrl('https://example.com/fal.run', BASE)).toBe('https://example.com/fal.run');
    expect(rewriteFalUrl('http://127.0.0.1:4000/files/x.png', BASE)).toBe('http://127.0.0.1:4000/files/x.png');
    expect(rewriteFalUrl('not a url', BASE)).toBe('not a url');
    expect(rewriteFalUrl('https://notfal.run/x', BASE)).toBe('https://notfal.run/x');
  });
});
