/**
 * What an app would write with the replicate SDK instead of the adapter, for the bench's overhead
 * table (the descriptor's `bench.sdkPaths`): the SDK's default wait, and its blocking `run()`.
 */
import Replicate from 'replicate';
import type { BenchSdkEnv, BenchSdkPath } from '@boards/core';

export function sdkPaths({ baseUrl, apiKey, model, input, bytesOf, save }: BenchSdkEnv): BenchSdkPath[] {
  const replicate = new Replicate({ auth: apiKey, baseUrl });
  return [
    {
      how: 'replicate SDK `predictions.create` + `wait()` (its wait: polls every 500 ms)',
      sdkDefault: true,
      async run() {
        const created = await replicate.predictions.create({ model, input });
        save(await bytesOf((await replicate.wait(created, {})).output));
      },
    },
    {
      how: 'replicate SDK `run()` (blocking `Prefer: wait`, its default since 1.0)',
      run: async () => save(await bytesOf(await replicate.run(model as `${string}/${string}`, { input }))),
    },
  ];
}
