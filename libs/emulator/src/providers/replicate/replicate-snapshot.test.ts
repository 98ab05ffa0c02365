import { startEmulator, type Emulator } from '../../emulator';
import type { EmulatorSnapshot } from '../../kernel/types';

const AUTH = { authorization: 'Bearer r8_test', 'content-type': 'application/json', prefer: 'wait' };

/** A Replicate model object of a model no emulator code names, its cog schema holding Input, Output and Status. */
function modelObject(model: string, statuses = ['starting', 'processing', 'succeeded', 'canceled', 'failed']): EmulatorSnapshot {
  const [owner, name] = model.split('/');
  return {
    provider: 'replicate',
    model,
    output: 'image',
    document: {
      owner,
      name,
      latest_version: {
        openapi_schema: {
          components: {
            schemas: {
              Input: {
                type: 'object',
                required: ['prompt'],
                properties: {
                  prompt: { type: 'string' },
                  num_outputs: { type: 'integer', minimum: 1, maximum: 2, default: 2 },
                  megapixels: { allOf: [{ $ref: '#/components/schemas/megapixels' }], default: '1' },
                },
              },
              megapixels: { type: 'string', enum: ['1', '0.25'] },
              Output: { type: 'array', items: { type: 'string', format: 'uri' } },
              Status: { type: 'string', enum: statuses },
            },
          },
        },
      },
    },
  };
}

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    referenceSnapshots: false,
    snapshots: [modelObject('acme/snap'), modelObject('acme/renamed', ['starting', 'processing', 'completed', 'canceled', 'failed'])],
  });
});
afterAll(() => emu.stop());

const create = async (model: string, input: unknown) => {
  const response = await fetch(`${emu.replicateBaseUrl}/models/${model}/predictions`, { method: 'POST', headers: AUTH, body: JSON.stringify({ input }) });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
};

describe('a Replicate model served from its snapshot alone', () => {
  it('works without registration: documented defaults applied (num_outputs 2), the output shaped by its Output schema', async () => {
    const { status, body } = await create('acme/snap', { prompt: 'a cat' });
    expect(status).toBe(201);
    expect(body.status).toBe('succeeded');
    expect(body.output).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//), expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//)]);
    // The prediction echoes what was sent, as Replicate does.
    expect(body.input).toEqual({ prompt: 'a cat' });
  });

  it("refuses an input its schema refuses with Replicate's 422 problem+json naming the field", async () => {
    const { status, type, body } = await create('acme/snap', { prompt: 'a cat', num_outputs: 3, megapixels: '2' });
    expect(status).toBe(422);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body.invalid_fields).toEqual([
      { type: 'number_lte', field: 'input.num_outputs', description: 'Must be less than or equal to 2' },
      expect.objectContaining({ type: 'enum', field: 'input.megapixels' }),
    ]);
  });

  it('answers the statuses its Status enum documents (a renamed final status is answered renamed)', async () => {
    const { body } = await create('acme/renamed', { prompt: 'a cat' });
    expect(body.status).toBe('completed');
  });
});
