import { MAX_RECORDED_REQUESTS, Recorder } from './recorder';
import type { RecordedRequest } from './types';

const request = (n: number) => ({ provider: 'replicate', operation: 'get', method: 'GET', path: `/v1/predictions/${n}` }) as unknown as RecordedRequest;

describe('the request log', () => {
  it('keeps only the latest entries, so a long-running emulator does not grow without bound', () => {
    const log = new Recorder(3);
    for (let n = 1; n <= 5; n++) log.add(request(n));
    expect(log.all.map((r) => r.path)).toEqual(['/v1/predictions/3', '/v1/predictions/4', '/v1/predictions/5']);
  });

  it('is capped by default', () => {
    const log = new Recorder();
    for (let n = 0; n < MAX_RECORDED_REQUESTS + 10; n++) log.add(request(n));
    expect(log.all).toHaveLength(MAX_RECORDED_REQUESTS);
  });
});
