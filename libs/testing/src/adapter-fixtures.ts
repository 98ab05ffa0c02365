import { z } from 'zod';
import type { AnyGenerator } from '@boards/core';
import type { Emulator } from '@boards/emulator';
import { createTestContext } from './test-context';

/** The declared part of a minimal image generator, for adapter tests: add `model` and the adapter's define function. */
export function testImageSpec(id: string, model: string) {
  return {
    id,
    title: id,
    description: `adapter test generator for ${model}`,
    model,
    artifactType: 'image' as const,
    inputSchema: z.strictObject({ prompt: z.string() }),
    price: { usd: '0.01', unit: 'image' as const, checkedOn: '2026-11-22' },
    cheapestInput: { prompt: 'x' },
    estimateCost: () => ({ known: true as const, micros: 10_000, basis: '1 image' }),
  };
}

/**
 * Output download faults, the same for every adapter that downloads outputs: a result the
 * provider already produced survives one failed or truncated transfer, and a download that
 * keeps failing names the provider job.
 */
export function describeDownloadFaults(generator: () => AnyGenerator, emulator: () => Emulator): void {
  describe('output download faults', () => {
    it('retries an output download that fails once (404 or truncated) and keeps the result', async () => {
      emulator().injectFault({ provider: 'files', kind: 'not-found' });
      emulator().injectFault({ provider: 'files', kind: 'truncated' });
      const { artifacts } = await generator().generate({ prompt: 'kept' }, createTestContext());
      expect(artifacts).toHaveLength(1);
      expect(emulator().requestsFor('files').filter((r) => r.operation === 'download')).toHaveLength(3);
    });

    it('names the provider job when the output cannot be downloaded at all', async () => {
      emulator().injectFault({ provider: 'files', kind: 'not-found', times: Infinity });
      const ctx = createTestContext();
      const error = await generator()
        .generate({ prompt: 'lost' }, ctx)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 404, jobId: ctx.providerJobs[0].jobId });
    });
  });
}
