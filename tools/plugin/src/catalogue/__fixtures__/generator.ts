// A generator package's main module, for the catalogue command's tests.
import { z } from 'zod';
import { defineGenerator } from '@boards/core';

export const generator = defineGenerator({
  id: 'fixture',
  title: 'Fixture',
  description: 'A generator that is only listed, never run',
  provider: 'replicate',
  model: 'acme/fixture',
  artifactType: 'image',
  inputSchema: z.strictObject({ prompt: z.string() }),
  price: { usd: '0.01', unit: 'image', checkedOn: '2026-11-22' },
  cheapestInput: { prompt: 'x' },
  estimateCost: () => ({ known: true, micros: 10_000, basis: '1 image x $0.01' }),
  run: async () => ({ artifacts: [] }),
});
