// Two routes of one planted model (family acme/sketch), for describe's routes test.
import { z } from 'zod';
import { defineGenerator, type ProviderName } from '@boards/core';

export function sketchRoute(id: string, provider: ProviderName, usd: string) {
  return defineGenerator({
    id,
    title: id,
    description: 'A generator that is only described, never run',
    provider,
    model: `acme/${id}`,
    family: 'acme/sketch',
    artifactType: 'image',
    inputSchema: z.strictObject({ prompt: z.string() }),
    price: { usd, unit: 'image', checkedOn: '2026-11-22' },
    cheapestInput: { prompt: 'x' },
    estimateCost: () => ({ known: true, micros: 1, basis: '1 image' }),
    run: async () => ({ artifacts: [] }),
  });
}
