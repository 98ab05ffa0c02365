// One generation per provider with the official SDKs against a running boards-emulator, each SDK
// sending its own x-boards-test-id (replicate: a fetch wrapper; @fal-ai/client: requestMiddleware;
// openai: defaultHeaders). A fault scoped to another test id is registered first and must not hit them.
// Usage: node sdk-generations.mjs '<boards-emulator --json document>'
import Replicate from 'replicate';
import OpenAI from 'openai';
import { createFalClient } from '@fal-ai/client';
import { rewriteFalUrl } from '@boards/emulator';

const { baseUrls, controlUrl } = JSON.parse(process.argv[2]);
const results = [];
const TEST_ID = 'x-boards-test-id';
const control = async (path, init = {}) => {
  const response = await fetch(`${controlUrl}${path}`, { ...init, signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
// Another "test" sharing this emulator breaks every request of its own; ours must not see it.
await control('/faults', {
  method: 'POST',
  headers: { [TEST_ID]: 'someone-else' },
  body: JSON.stringify({ provider: '*', kind: 'status', status: 500, times: null }),
});

/** A fetch for the replicate SDK that adds the test id to every request. */
const fetchAs =
  (id) =>
  (url, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set(TEST_ID, id);
    return fetch(url, { ...init, headers });
  };
const replicate = new Replicate({ auth: 'r8_consumer_dummy', baseUrl: baseUrls.replicate, fetch: fetchAs('consumer-replicate') });
const flux = await replicate.run('black-forest-labs/flux-schnell', { input: { prompt: 'a red circle' } });
const fluxUrl = [flux].flat()[0];
if (typeof fluxUrl !== 'string' || !(await fetch(fluxUrl)).ok) throw new Error(`replicate: no downloadable output (${JSON.stringify(flux)})`);
results.push('replicate flux-schnell');

const fal = createFalClient({
  credentials: 'fal-consumer-dummy',
  requestMiddleware: async (request) => ({
    ...request,
    url: rewriteFalUrl(request.url, baseUrls.fal),
    headers: { ...request.headers, [TEST_ID]: 'consumer-fal' },
  }),
});
const banana = await fal.subscribe('fal-ai/nano-banana', { input: { prompt: 'a red circle' } });
const bananaUrl = banana.data?.images?.[0]?.url;
if (!bananaUrl || !(await fetch(bananaUrl)).ok) throw new Error(`fal: no downloadable image (${JSON.stringify(banana.data)})`);
results.push('fal nano-banana');

const openai = new OpenAI({ apiKey: 'sk-consumer-dummy', baseURL: baseUrls.openai, maxRetries: 0, defaultHeaders: { [TEST_ID]: 'consumer-openai' } });
const image = await openai.images.generate({ model: 'gpt-image-2', prompt: 'a red circle', size: '1024x1024', quality: 'low' });
const bytes = Buffer.from(image.data?.[0]?.b64_json ?? '', 'base64');
if (bytes.subarray(1, 4).toString() !== 'PNG') throw new Error('openai: no PNG in b64_json');
results.push('openai gpt-image-2');

// Every API request each SDK made carried its test id.
const requests = await control('/requests');
for (const provider of ['replicate', 'fal', 'openai']) {
  const made = requests.filter((r) => r.provider === provider);
  const ids = new Set(made.map((r) => r.testId));
  if (made.length === 0 || ids.size !== 1 || !ids.has(`consumer-${provider}`))
    throw new Error(`${provider}: requests carried test ids ${JSON.stringify([...ids])}`);
}
await control('/faults', { method: 'DELETE', headers: { [TEST_ID]: 'someone-else' } });

console.log(`sdk generations ok: ${results.join(', ')}; each SDK sent its x-boards-test-id, another test's fault did not reach them`);
