// Two routes of one planted model (family acme/sketch), for describe's routes test.
import type { ProviderName } from '@boards/core';
import { listedGenerator } from '@boards/catalogue/src/__fixtures__/listed-generator';

export const sketchRoute = (id: string, provider: ProviderName, usd: string) =>
  listedGenerator(id, { provider, model: `acme/${id}`, family: 'acme/sketch', price: { usd, unit: 'image', checkedOn: '2026-11-22' } });
