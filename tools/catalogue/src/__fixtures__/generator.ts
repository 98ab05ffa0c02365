// A generator package's main module, for the catalogue command's tests.
import { listedGenerator } from './listed-generator';

export const generator = listedGenerator('fixture', {
  title: 'Fixture',
  description: 'A generator that is only listed, never run',
  provider: 'replicate',
  model: 'acme/fixture',
  price: { usd: '0.01', unit: 'image', checkedOn: '2026-11-22' },
  estimateCost: () => ({ known: true, micros: 10_000, basis: '1 image x $0.01' }),
});
