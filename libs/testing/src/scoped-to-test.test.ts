import { scopedToTest, useEmulator } from './emulator-env';

describe('scopedToTest', () => {
  const emulator = useEmulator();
  const models = () => `${emulator.current.baseUrls.openai}/models`;

  it('sends the test id with every fetch inside the scope, keeping the headers given, and none outside it', async () => {
    emulator.current.injectFault({ provider: 'openai', kind: 'status', status: 503, times: Infinity, testId: 'scoped a' });
    const inside = await scopedToTest('scoped a', () =>
      Promise.all([
        fetch(models(), { headers: { authorization: 'Bearer dummy-a' } }),
        fetch(new Request(models(), { headers: { authorization: 'Bearer dummy-b' } })),
      ]),
    );
    const outside = await fetch(models(), { headers: { authorization: 'Bearer dummy-c' } });
    const other = await scopedToTest('scoped b', () => fetch(models(), { headers: { authorization: 'Bearer dummy-d' } }));

    expect(inside.map((r) => r.status)).toEqual([503, 503]);
    expect([outside.status, other.status]).toEqual([200, 200]);
    const requests = emulator.current.requestsFor('openai');
    expect(requests).toHaveLength(4);
    expect(requests.map((r) => [r.testId, r.headers.authorization])).toEqual(
      expect.arrayContaining([
        ['scoped a', '[REDACTED]'],
        ['scoped a', '[REDACTED]'],
        [undefined, '[REDACTED]'],
        ['scoped b', '[REDACTED]'],
      ]),
    );
    expect(new Set(requests.map((r) => r.credential)).size).toBe(4);
  });
});
