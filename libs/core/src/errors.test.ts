import { BoardsError, MissingKeyError, ProviderError, toBoardsError } from './errors';
import { registerSecret, redactSecrets } from './secrets';

describe('errors', () => {
  it('carry stable codes and a branded marker', () => {
    const error = new MissingKeyError('FAL_KEY');
    expect(error.message).toBe('Missing FAL_KEY');
    expect(error.code).toBe('MISSING_KEY');
    expect(BoardsError.isInstance(error)).toBe(true);
    expect(BoardsError.isInstance(new Error('x'))).toBe(false);
    expect(BoardsError.isInstance({ code: 'MISSING_KEY' })).toBe(false);
  });

  it('provider errors say provider, status, request id and job', () => {
    const error = new ProviderError('rate limited', { provider: 'fal', status: 429, requestId: 'req-1', jobId: 'job-9', retryable: true });
    expect(error.message).toBe('fal: rate limited (status 429, request req-1, job job-9)');
    expect(error.retryable).toBe(true);
  });

  it('wraps foreign errors so no bare Error crosses a package edge', () => {
    const wrapped = toBoardsError(new TypeError('boom'), 'openai');
    expect(wrapped).toBeInstanceOf(ProviderError);
    expect(wrapped.message).toContain('boom');
  });

  it('never carries a registered secret in its message', () => {
    const key = 'sk-test-PLANTED-0123456789abcdef';
    registerSecret(key);
    const error = new ProviderError(`echoed ${key} back`, { provider: 'openai', status: 401 });
    expect(error.message).not.toContain(key);
    expect(redactSecrets(`Authorization: Bearer ${key}`)).not.toContain(key);
  });
});
