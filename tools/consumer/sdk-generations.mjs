// One generation per provider with the official SDKs against a running boards-emulator.
// Usage: node sdk-generations.mjs '<boards-emulator --json document>'
import Replicate from 'replicate';
import OpenAI from 'openai';
import { createFalClient } from '@fal-ai/client';
import { rewriteFalUrl } from '@boards/emulator';

const { baseUrls } = JSON.parse(process.argv[2]);
const results = [];

const replicate = new Replicate({ auth: 'r8_consumer_dummy', baseUrl: baseUrls.replicate });
const flux = await replicate.run('black-forest-labs/flux-schnell', { input: { prompt: 'a red circle' } });
const fluxUrl = [flux].flat()[0];
if (typeof fluxUrl !== 'string' || !(await fetch(fluxUrl)).ok) throw new Error(`replicate: no downloadable output (${JSON.stringify(flux)})`);
results.push('replicate flux-schnell');

const fal = createFalClient({
  credentials: 'fal-consumer-dummy',
  requestMiddleware: async (request) => ({ ...request, url: rewriteFalUrl(request.url, baseUrls.fal) }),
});
const banana = await fal.subscribe('fal-ai/nano-banana', { input: { prompt: 'a red circle' } });
const bananaUrl = banana.data?.images?.[0]?.url;
if (!bananaUrl || !(await fetch(bananaUrl)).ok) throw new Error(`fal: no downloadable image (${JSON.stringify(banana.data)})`);
results.push('fal nano-banana');

const openai = new OpenAI({ apiKey: 'sk-consumer-dummy', baseURL: baseUrls.openai, maxRetries: 0 });
const image = await openai.images.generate({ model: 'gpt-image-2', prompt: 'a red circle', size: '1024x1024', quality: 'low' });
const bytes = Buffer.from(image.data?.[0]?.b64_json ?? '', 'base64');
if (bytes.subarray(1, 4).toString() !== 'PNG') throw new Error('openai: no PNG in b64_json');
results.push('openai gpt-image-2');

console.log(`sdk generations ok: ${results.join(', ')}`);
