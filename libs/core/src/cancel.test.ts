import { cancelProviderJob } from './cancel';
import { silentLogger } from './logger';

const job = { provider: 'replicate' as const, jobId: 'pred-7' };

describe('cancelProviderJob', () => {
  it('is undefined when the provider confirms the cancel', async () => {
    expect(await cancelProviderJob(job, async () => ({ status: 'canceled' }), silentLogger)).toBeUndefined();
  });

  it('says why when the cancel call fails', async () => {
    expect(await cancelProviderJob(job, async () => Promise.reject(new Error('status 500')), silentLogger)).toBe('status 500');
  });

  it('gives up on a cancel that never answers at its bound, aborting it, even if the call ignores the signal', async () => {
    let aborted = false;
    const never = (signal: AbortSignal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise(() => undefined);
    };
    expect(await cancelProviderJob(job, never, silentLogger, 30)).toBe('no answer within 30 ms');
    expect(aborted).toBe(true);
  });
});
