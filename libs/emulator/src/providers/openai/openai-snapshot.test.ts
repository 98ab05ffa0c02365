import { startEmulator, type Emulator } from '../../emulator';
import { referenceSnapshots } from '../../reference-snapshots';
import type { EmulatorSnapshot } from '../../kernel/types';

const AUTH = { authorization: 'Bearer sk-test', 'content-type': 'application/json' };
const imageSpec = referenceSnapshots().find((s) => s.provider === 'openai' && s.model === 'gpt-image-2')?.document.spec;

/** A model no emulator code names, called with the images operation of OpenAI's spec. */
const model = (id: string, shutdown?: string): EmulatorSnapshot => ({
  provider: 'openai',
  model: id,
  document: {
    spec: imageSpec as Record<string, unknown>,
    model: { id, object: 'model', created: 1, owned_by: 'system', ...(shutdown ? { shutdown_date: shutdown } : {}) },
  },
});

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ referenceSnapshots: false, snapshots: [model('acme-image-1'), model('acme-image-0', '2020-01-01')] });
});
afterAll(() => emu.stop());

const generate = async (body: unknown) => {
  const response = await fetch(`${emu.openaiBaseUrl}/images/generations`, { method: 'POST', headers: AUTH, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: unknown[]; error?: Record<string, unknown> } };
};

describe('an OpenAI model served from its snapshot alone', () => {
  it('generates without registration and lists the model', async () => {
    const { status, body } = await generate({ model: 'acme-image-1', prompt: 'a red circle', size: '1024x1024' });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1);
    const list = await (await fetch(`${emu.openaiBaseUrl}/models`, { headers: AUTH })).json();
    expect(list.data.map((m: { id: string }) => m.id)).toEqual(['acme-image-1']);
  });

  it("refuses a value its spec refuses with OpenAI's 400 invalid_request_error naming the param", async () => {
    const { status, body } = await generate({ model: 'acme-image-1', prompt: 'a red circle', moderation: 'strict' });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'moderation' });
  });

  it('refuses a parameter its spec does not have, naming it', async () => {
    const { body } = await generate({ model: 'acme-image-1', prompt: 'a red circle', colour: 'red' });
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'colour', code: 'unknown_parameter' });
  });

  it('answers a model past the shutdown date of its model object 404', async () => {
    const { status, body } = await generate({ model: 'acme-image-0', prompt: 'a red circle' });
    expect(status).toBe(404);
    expect(body.error?.code).toBe('model_not_found');
  });
});
