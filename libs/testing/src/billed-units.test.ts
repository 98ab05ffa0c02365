import type { ActualCost, CostEstimate } from '@boards/core';
import { billedUnitsProblem } from './billed-units';

const estimate: CostEstimate = { known: true, micros: 78_000, basis: '2 image x $0.039', rate: { unit: 'image', micros: 39_000 } };
const billed = (quantity: number, unit = 'image'): ActualCost => ({
  reported: `billable_units=${quantity}`,
  billed: [{ unit: unit as 'image', quantity, what: 'x-fal-billable-units' }],
});

describe('billed units against the estimate', () => {
  it('agrees when the provider billed the quantity the estimate counted', () => {
    expect(billedUnitsProblem(estimate, billed(2))).toBeUndefined();
  });

  it('names both quantities when the provider billed another', () => {
    expect(billedUnitsProblem(estimate, billed(3))).toBe('billed 3 image (x-fal-billable-units), the estimate counted 2 image (2 image x $0.039)');
  });

  it("names the units when none is the estimate's", () => {
    expect(billedUnitsProblem(estimate, billed(4, 'megapixel'))).toMatch(/billed 4 megapixel \(x-fal-billable-units\), none in the estimate's unit image/);
  });

  it('has nothing to compare without billed units or a single rate', () => {
    expect(billedUnitsProblem(estimate, { reported: 'usage' })).toBeUndefined();
    expect(billedUnitsProblem({ known: true, micros: 1, basis: 'sum' }, billed(2))).toBeUndefined();
  });
});
