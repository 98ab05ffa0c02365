// A route of the planted model whose price could not be verified: list and describe say unknown, never $0.
import { estimateFromPrice, unknownPrice } from '@boards/cost';
import { listedGenerator } from '@boards/catalogue/src/__fixtures__/listed-generator';

const price = unknownPrice({ reason: 'acme publishes no price for it', checkedOn: '2026-12-08', source: 'https://acme.example/pricing', unit: 'image' });

export const generator = listedGenerator('sketch-unverified', {
  provider: 'fal',
  model: 'acme/sketch-unverified',
  family: 'acme/sketch',
  price,
  estimateCost: () => estimateFromPrice(price, 1),
});
