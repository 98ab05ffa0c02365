import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { AnyGenerator } from '@boards/core';
import type { Emulator } from '@boards/emulator';
import { settingsFor } from './emulator-env';
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
  const context = (generationTimeoutMs?: number) => createTestContext({ settings: { ...settingsFor(emulator()), generationTimeoutMs } });
  describe('output download faults', () => {
    it('retries an output download that fails once (404 or truncated) and keeps the result', async () => {
      emulator().injectFault({ provider: 'files', kind: 'not-found' });
      emulator().injectFault({ provider: 'files', kind: 'truncated' });
      const { artifacts } = await generator().generate({ prompt: 'kept' }, context());
      expect(artifacts).toHaveLength(1);
      expect(
        emulator()
          .requestsFor('files')
          .filter((r) => r.operation === 'download'),
      ).toHaveLength(3);
    });

    it('names the provider job when the output cannot be downloaded at all', async () => {
      emulator().injectFault({ provider: 'files', kind: 'not-found', times: Infinity });
      const ctx = context();
      const error = await generator()
        .generate({ prompt: 'lost' }, ctx)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: 'PROVIDER_ERROR', status: 404, jobId: ctx.providerJobs[0].jobId });
    });

    it('refuses an output that does not decode to its declared size (a cut PNG served whole), naming the job and storing nothing', async () => {
      emulator().injectFault({ provider: 'files', kind: 'short', times: Infinity });
      const ctx = context();
      const error = await generator()
        .generate({ prompt: 'cut' }, ctx)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: 'PROVIDER_ERROR', jobId: ctx.providerJobs[0].jobId, message: expect.stringMatching(/not valid media: PNG/) });
      expect(existsSync(ctx.store.root) ? readdirSync(ctx.store.root, { recursive: true }) : []).toEqual([]);
    });

    it('refuses an output that is not media at all (a JSON or HTML error body served as the file), naming the billed job', async () => {
      emulator().injectFault({ provider: 'files', kind: 'malformed', times: Infinity });
      const ctx = context();
      const error = await generator()
        .generate({ prompt: 'not media' }, ctx)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      const { jobId } = ctx.providerJobs[0];
      expect(error).toMatchObject({ code: 'PROVIDER_ERROR', jobId, message: expect.stringContaining(`job ${jobId}`) });
      expect(existsSync(ctx.store.root) ? readdirSync(ctx.store.root, { recursive: true }) : []).toEqual([]);
    });

    it('ends a hanging output download at the one generation deadline, naming the job', async () => {
      emulator().injectFault({ provider: 'files', kind: 'hang', times: Infinity });
      const ctx = context(400);
      const error = await generator()
        .generate({ prompt: 'hang' }, ctx)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: 'TIMEOUT', jobId: ctx.providerJobs[0].jobId });
    });
  });
}

/**
 * A loopback server that answers every request with `status` and the JSON `body`: for
 * answers no real provider (nor the emulator) gives, like a submit answer without a job id.
 * Runs `body` with its base URL and stops it afterwards; the requests it saw are counted.
 */
export async function withFixedAnswer<T>(status: number, answer: unknown, run: (baseUrl: string, seen: () => string[]) => Promise<T>): Promise<T> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => [...seen]);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
