import { deriveActualCost } from './actual-cost';
import type { ActualCost } from './pricing';

const perImage = { unit: 'image' as const, micros: 55_000 };
const predictTime = { unit: 'second' as const, quantity: 2.1, what: 'predict_time' };

describe('deriveActualCost', () => {
  it("keeps the provider's own money figure, marked reported", () => {
    expect(deriveActualCost({ reported: 'cost=$0.04', micros: 40_000 }, perImage)).toEqual({ reported: 'cost=$0.04', micros: 40_000, source: 'reported' });
  });

  it('prices billed units of the rate its estimate was made at: 1 image x $0.055', () => {
    const cost: ActualCost = { reported: 'predict_time=2.1s', billed: [predictTime, { unit: 'image', quantity: 1, what: 'output files' }] };
    expect(deriveActualCost(cost, perImage)).toEqual({ ...cost, micros: 55_000, source: 'derived', basis: '1 image (output files) x $0.055' });
  });

  it('prices a reported duration at a per-second rate, rounding up to the micro-dollar', () => {
    const derived = deriveActualCost({ reported: 'predict_time=2.1s', billed: [predictTime] }, { unit: 'second', micros: 1_150 });
    expect(derived).toMatchObject({ micros: 2_415, source: 'derived', basis: '2.1 second (predict_time) x $0.00115' });
  });

  it('leaves the cost unknown (the estimate stands) when no billed unit matches the rate, or there is no rate', () => {
    const time: ActualCost = { reported: 'predict_time=2.1s', billed: [predictTime] };
    expect(deriveActualCost(time, perImage)).toBe(time);
    expect(deriveActualCost(time, undefined)).toBe(time);
  });
});
