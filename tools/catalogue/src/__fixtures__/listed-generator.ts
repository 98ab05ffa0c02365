// A generator that is only listed, never run: the catalogue's, routes' and `boards describe` tests plant these.
import { z } from 'zod';
import { defineGenerator, type AnyGenerator } from '@boards/core';

export function listedGenerator(id: string, overrides: Partial<Parameters<typeof defineGenerator>[0]> = {}): AnyGenerator {
  return defineGenerator({
    id,
    title: id,
    description: id,
    provider: 'fal',
    model: `fal-ai/${id}`,
    artifactType: 'image',
    inputSchema: z.strictObject({ prompt: z.string() }),
    price: { usd: '0.02', unit: 'image', checkedOn: '2026-01-02' },
    cheapestInput: { prompt: 'x' },
    estimateCost: () => ({ known: true, micros: 20_000, basis: '1 image x $0.02' }),
    run: async () => ({ artifacts: [] }),
    ...overrides,
  });
}
