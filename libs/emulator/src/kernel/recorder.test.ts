import { Lifetime } from './lifetime';
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

describe('waiting for a request (an event, not a timer)', () => {
  it('resolves with the next matching request when it arrives, and rejects naming what never came', async () => {
    const log = new Recorder();
    const next = log.next((r) => r.path.endsWith('/2'), 1000, 'second request');
    log.add(request(1));
    log.add(request(2));
    await expect(next).resolves.toMatchObject({ path: '/v1/predictions/2' });
    await expect(log.next(() => false, 5, 'cancel request')).rejects.toThrow('the emulator received no cancel request within 5 ms');
  });
});

describe("the emulator's clock", () => {
  it('starts at the wall clock; advance() moves it on and ends the sleeps whose time has come, not the others', async () => {
    const clock = new Lifetime();
    const before = Date.now();
    expect(Math.abs(clock.now() - before)).toBeLessThan(1000);
    const ended: string[] = [];
    const short = clock.sleep(30_000).then(() => ended.push('30 s'));
    clock.sleep(90_000).then(() => ended.push('90 s'));
    clock.advance(60_000);
    await short;
    expect(ended).toEqual(['30 s']);
    expect(clock.now() - before).toBeGreaterThanOrEqual(60_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    clock.stop();
  });
});
