/**
 * What an app would write with fal's client instead of the adapter, for the bench's overhead
 * table (the descriptor's `bench.sdkPaths`): the client's default polling, and its status stream.
 */
import { createFalClient } from '@fal-ai/client';
import { collectUrls, type BenchSdkEnv, type BenchSdkPath } from '@boards/core';
import { redirectFalUrl } from '../src/fal-client';

export function sdkPaths({ baseUrl, apiKey, model, input, bytesOf, save }: BenchSdkEnv): BenchSdkPath[] {
  const fal = createFalClient({
    credentials: apiKey,
    suppressLocalCredentialsWarning: true,
    // The client has no base URL option: its requests are redirected as the adapter's are.
    requestMiddleware: async (request) => ({ ...request, url: redirectFalUrl(request.url, baseUrl) }),
  });
  const firstUrl = (data: unknown) => collectUrls(data)[0];
  return [
    {
      how: 'fal client `subscribe()` (its default: polls every 500 ms)',
      sdkDefault: true,
      run: async () => save(await bytesOf(firstUrl((await fal.subscribe(model, { input })).data))),
    },
    {
      how: "fal client `subscribe()` with `mode: 'streaming'` (the status stream)",
      run: async () => save(await bytesOf(firstUrl((await fal.subscribe(model, { input, mode: 'streaming' })).data))),
    },
  ];
}
