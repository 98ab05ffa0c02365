import { usd, type CostEstimate } from '@boards/core';
import { confirmSpend, confirmThreshold } from './confirm';
import { exitCodeFor } from './exit-codes';

const estimate = (amount: string): CostEstimate => ({ known: true, micros: usd(amount), basis: `1 image x $${amount}` });
const limit = usd('0.50');

describe('confirmSpend', () => {
  it('lets a run at or under the threshold through without asking', async () => {
    const ask = jest.fn();
    await confirmSpend({ estimate: estimate('0.50'), thresholdMicros: limit, yes: false, interactive: true, ask });
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks above the threshold, and for an unknown cost', async () => {
    await expect(
      confirmSpend({ estimate: estimate('0.51'), thresholdMicros: limit, yes: false, interactive: true, ask: async () => 'y' }),
    ).resolves.toBeUndefined();
    await expect(
      confirmSpend({ estimate: { known: false, reason: 'remote audio' }, thresholdMicros: limit, yes: false, interactive: true, ask: async () => 'n' }),
    ).rejects.toMatchObject({ code: 'CONFIRMATION_DECLINED' });
  });

  it('refuses without a terminal unless --yes', async () => {
    await expect(confirmSpend({ estimate: estimate('1'), thresholdMicros: limit, yes: false, interactive: false })).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    await expect(confirmSpend({ estimate: estimate('1'), thresholdMicros: limit, yes: true, interactive: false })).resolves.toBeUndefined();
  });
});

describe('confirmThreshold', () => {
  it('prefers the flag, then BOARDS_CONFIRM_ABOVE_USD, then $0.50', () => {
    expect(confirmThreshold('1.25', { BOARDS_CONFIRM_ABOVE_USD: '2' })).toBe(usd('1.25'));
    expect(confirmThreshold(undefined, { BOARDS_CONFIRM_ABOVE_USD: '$2' })).toBe(usd('2'));
    expect(confirmThreshold(undefined, {})).toBe(usd('0.50'));
    expect(() => confirmThreshold('lots', {})).toThrow('--max-cost-without-prompt must be a dollar amount');
  });

  it('a bad BOARDS_CONFIRM_ABOVE_USD is a configuration error (exit 3), a bad flag a usage error (exit 2)', () => {
    const thrown = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error('did not throw');
    };
    const fromEnv = thrown(() => confirmThreshold(undefined, { BOARDS_CONFIRM_ABOVE_USD: 'lots' }));
    expect(fromEnv).toMatchObject({ code: 'INVALID_CONFIG', message: expect.stringContaining('BOARDS_CONFIRM_ABOVE_USD') });
    expect(exitCodeFor(fromEnv)).toBe(3);
    expect(exitCodeFor(thrown(() => confirmThreshold('lots', {})))).toBe(2);
  });
});
