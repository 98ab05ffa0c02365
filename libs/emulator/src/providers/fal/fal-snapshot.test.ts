import { pngSize } from '../../kernel/media/png';
import { startEmulator, type Emulator } from '../../emulator';
import type { EmulatorSnapshot } from '../../kernel/types';
import { rewriteFalUrl } from './rewrite';

const AUTH = { authorization: 'Key fal_test', 'content-type': 'application/json' };

/** A fal queue document of an endpoint no emulator code names: what its snapshot says is all the emulator knows. */
function queueDocument(endpoint: string, statuses = ['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']): EmulatorSnapshot {
  const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
  return {
    provider: 'fal',
    model: endpoint,
    document: {
      openapi: '3.0.4',
      components: {
        securitySchemes: { apiKeyAuth: { type: 'apiKey', in: 'header', name: 'Authorization' } },
        schemas: {
          QueueStatus: { type: 'object', properties: { status: { type: 'string', enum: statuses } } },
          Input: {
            type: 'object',
            required: ['prompt'],
            properties: {
              prompt: { type: 'string', minLength: 3 },
              num_images: { type: 'integer', minimum: 1, maximum: 4, default: 1 },
              aspect_ratio: { type: 'string', enum: ['1:1', '16:9'], default: '16:9' },
            },
          },
          Output: {
            type: 'object',
            required: ['images', 'seed'],
            properties: { images: { type: 'array', items: { $ref: '#/components/schemas/Image' } }, seed: { type: 'integer' } },
          },
          Image: { type: 'object', required: ['url'], properties: { url: { type: 'string' }, width: { type: 'integer' }, content_type: { type: 'string' } } },
        },
      },
      paths: {
        [`/${endpoint}`]: { post: { requestBody: json({ $ref: '#/components/schemas/Input' }) } },
        [`/${endpoint}/requests/{request_id}`]: { get: { responses: { '200': json({ $ref: '#/components/schemas/Output' }) } } },
      },
    },
  };
}

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    referenceSnapshots: false,
    snapshots: [queueDocument('acme/snap-image'), queueDocument('acme/renamed', ['IN_QUEUE', 'IN_PROGRESS', 'DONE'])],
  });
});
afterAll(() => emu.stop());

async function run(endpoint: string, input: unknown) {
  const submitted = await fetch(`${emu.falBaseUrl}/queue/${endpoint}`, { method: 'POST', headers: AUTH, body: JSON.stringify(input) });
  expect(submitted.status).toBe(200);
  const { response_url, status_url } = (await submitted.json()) as { response_url: string; status_url: string };
  const status = await (await fetch(rewriteFalUrl(status_url, emu.falBaseUrl), { headers: AUTH })).json();
  const result = await fetch(rewriteFalUrl(response_url, emu.falBaseUrl), { headers: AUTH });
  return { status: status as { status: string }, result: { code: result.status, body: (await result.json()) as Record<string, unknown> } };
}

describe('a fal endpoint served from its snapshot alone', () => {
  it('works without registration: documented defaults applied, the answer shaped by the output schema', async () => {
    const { status, result } = await run('acme/snap-image', { prompt: 'two pears', num_images: 2 });
    expect(status.status).toBe('COMPLETED');
    expect(result.code).toBe(200);
    const images = result.body.images as Array<{ url: string; width: number; content_type: string }>;
    expect(images).toHaveLength(2);
    expect(Object.keys(result.body).sort()).toEqual(['images', 'seed']);
    const png = Buffer.from(await (await fetch(images[0].url)).arrayBuffer());
    // aspect_ratio was not sent: its documented default 16:9 decides the size.
    const size = pngSize(png);
    expect(size && size.width > size.height).toBe(true);
    expect(images[0]).toMatchObject({ width: size?.width, content_type: 'image/png' });
  });

  it("refuses an input its schema refuses with fal's 422 detail[], naming the field", async () => {
    const { result } = await run('acme/snap-image', { prompt: 'two pears', num_images: 9, aspect_ratio: '2:1' });
    expect(result.code).toBe(422);
    expect(result.body.detail).toEqual([
      expect.objectContaining({ loc: ['body', 'num_images'], type: 'less_than_equal', msg: 'Input should be less than or equal to 4', input: 9 }),
      expect.objectContaining({ loc: ['body', 'aspect_ratio'], type: 'literal_error', input: '2:1' }),
    ]);
  });

  it('names a missing required field', async () => {
    const { result } = await run('acme/snap-image', {});
    expect(result.body.detail).toEqual([expect.objectContaining({ loc: ['body', 'prompt'], type: 'missing', msg: 'Field required' })]);
  });

  it('answers the statuses its QueueStatus documents (a renamed final status is answered renamed)', async () => {
    const { status } = await run('acme/renamed', { prompt: 'a cat' });
    expect(status.status).toBe('DONE');
  });

  it('answers an endpoint without a snapshot 404, as fal does', async () => {
    const response = await fetch(`${emu.falBaseUrl}/queue/acme/unknown`, { method: 'POST', headers: AUTH, body: '{}' });
    expect(response.status).toBe(404);
  });
});

describe("a fal endpoint's auth from its snapshot", () => {
  it('refuses a request without the credential its security scheme names (a changed scheme refuses the old one)', async () => {
    const snapshot = queueDocument('acme/new-auth');
    const components = snapshot.document.components as Record<string, unknown>;
    components.securitySchemes = { falKey: { type: 'apiKey', in: 'header', name: 'X-Fal-Key' } };
    emu.addSnapshots(snapshot);
    const refused = await fetch(`${emu.falBaseUrl}/queue/acme/new-auth`, { method: 'POST', headers: AUTH, body: JSON.stringify({ prompt: 'a cat' }) });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { detail: string }).detail).toContain('X-Fal-Key');
    const taken = await fetch(`${emu.falBaseUrl}/queue/acme/new-auth`, {
      method: 'POST',
      headers: { ...AUTH, 'x-fal-key': 'fal_test' },
      body: JSON.stringify({ prompt: 'a cat' }),
    });
    expect(taken.status).toBe(200);
  });
});
