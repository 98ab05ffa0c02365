import { startEmulator, type Emulator } from '../../emulator';

// Shapes from /work/shared/provider-specs/replicate/openapi.json: predictions.list (next, previous,
// results; 100 per page) and schemas_version_prediction_request (webhook, webhook_events_filter).
const TOKEN = 'r8_test';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
let emu: Emulator;

interface Page {
  next: string | null;
  previous: string | null;
  results: Array<{ id: string; [field: string]: unknown }>;
}

beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(() => emu.stop());

const submit = (body: unknown) =>
  fetch(`${emu.replicateBaseUrl}/models/black-forest-labs/flux-schnell/predictions`, { method: 'POST', headers: AUTH, body: JSON.stringify(body) });

describe('replicate predictions list', () => {
  it('pages 100 predictions at a time, most recent first, and following next walks every page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 101; i++) ids.push(((await (await submit({ input: { prompt: `p${i}` } })).json()) as { id: string }).id);
    const list = async (url: string) => (await fetch(url, { headers: AUTH })).json() as Promise<Page>;
    const first = await list(`${emu.replicateBaseUrl}/predictions`);
    expect(first.results).toHaveLength(100);
    expect(first.results[0]).toMatchObject({ id: ids[100], model: 'black-forest-labs/flux-schnell', source: 'api', urls: expect.any(Object) });
    expect(first.previous).toBeNull();
    expect(first.next).toMatch(new RegExp(`^${emu.replicateBaseUrl}/predictions\\?cursor=`));
    const second = await list(String(first.next));
    expect(second.results.map((p) => p.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
    expect(second.previous).toEqual(expect.stringContaining('cursor='));
    // Following `next` as replicate.paginate does walks every prediction once, most recent first.
    const walked: string[] = [];
    for (let url: string | null = `${emu.replicateBaseUrl}/predictions`; url !== null;) {
      const page: Page = await list(url);
      walked.push(...page.results.map((p) => p.id));
      url = page.next;
    }
    expect(walked).toEqual([...ids].reverse());
  });

  it('filters by created_after / created_before and names a bad date or source', async () => {
    await submit({ input: { prompt: 'old' } });
    emu.advanceClock(60_000);
    const cut = new Date(Date.now() + 30_000).toISOString();
    const recent = ((await (await submit({ input: { prompt: 'new' } })).json()) as { id: string }).id;
    const listOf = async (query: string) => (await fetch(`${emu.replicateBaseUrl}/predictions?${query}`, { headers: AUTH })).json();
    expect((await listOf(`created_after=${cut}`)).results.map((p: { id: string }) => p.id)).toEqual([recent]);
    expect((await listOf(`created_before=${cut}`)).results).toHaveLength(1);
    expect((await listOf('source=web')).results).toEqual([]);
    const bad = await fetch(`${emu.replicateBaseUrl}/predictions?created_after=yesterday`, { headers: AUTH });
    expect(bad.status).toBe(422);
    expect((await bad.json()).invalid_fields[0].field).toBe('created_after');
  });
});

describe('replicate webhook fields', () => {
  it('accepts an HTTPS webhook with known events', async () => {
    const created = await submit({ input: { prompt: 'a cat' }, webhook: 'https://example.com/hook', webhook_events_filter: ['start', 'completed'] });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { status: string }).status).toBe('starting');
  });

  it.each([
    [{ webhook: 'ftp://example.com/hook' }, 'webhook', 'format'],
    [{ webhook: 42 }, 'webhook', 'invalid_type'],
    [{ webhook_events_filter: 'completed' }, 'webhook_events_filter', 'invalid_type'],
    [{ webhook: 'https://example.com/hook', webhook_events_filter: ['start', 'finished'] }, 'webhook_events_filter.1', 'enum'],
  ])('refuses %j with 422 problem+json naming %s', async (fields, field, type) => {
    const response = await submit({ input: { prompt: 'a cat' }, ...fields });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as { invalid_fields: Array<{ field: string; type: string }>; detail: string };
    expect(body.invalid_fields).toEqual([expect.objectContaining({ field, type })]);
    expect(body.detail).toContain(field);
  });
});
