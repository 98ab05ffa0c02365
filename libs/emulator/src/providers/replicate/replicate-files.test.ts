import { encodePng } from '../../kernel/media/png';
import { startEmulator, type Emulator } from '../../emulator';

// Shapes from /work/shared/provider-specs/replicate/openapi.json (files.create, files.list, files.get,
// files.delete, files.download; schemas_file_response). Raw HTTP, not the SDK: the emulator declares no
// SDK (a replicate bump must not mark it affected). `sdk` below sends what replicate 1.4's lib/files.js
// and run() send (read there); the acceptance check drives the SDK itself.
const TOKEN = 'r8_test';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let emu: Emulator;

interface FileObject {
  id: string;
  name: string;
  created_at: string;
  expires_at: string;
  urls: { get: string };
}

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
afterEach(() => emu.clearRequests());

const upload = (form: FormData) => fetch(`${emu.replicateBaseUrl}/files`, { method: 'POST', headers: AUTH, body: form });
const json = async <T>(response: Promise<Response>): Promise<T> => (await response).json() as Promise<T>;

const sdk = {
  /** files.create(Buffer, metadata): `content` as a Blob named buffer_<ms>, `metadata` as a JSON Blob. */
  async createFile(bytes: Buffer, metadata: Record<string, unknown> = {}): Promise<FileObject> {
    const form = new FormData();
    const filename = `buffer_${Date.now()}`;
    form.append('content', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), filename);
    form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
    const response = await upload(form);
    expect(response.status).toBe(201);
    return (await response.json()) as FileObject;
  },
  getFile: (id: string) => json<FileObject>(fetch(`${emu.replicateBaseUrl}/files/${id}`, { headers: AUTH })),
  listFiles: () => json<{ next: string | null; previous: string | null; results: FileObject[] }>(fetch(`${emu.replicateBaseUrl}/files`, { headers: AUTH })),
  /** run(model, {input}): each Buffer input uploaded first and sent as its urls.get, then a `Prefer: wait` create. */
  async run(model: string, input: Record<string, unknown>): Promise<unknown> {
    const sent: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) sent[key] = Buffer.isBuffer(value) ? (await sdk.createFile(value)).urls.get : value;
    const response = await fetch(`${emu.replicateBaseUrl}/models/${model}/predictions`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json', prefer: 'wait' },
      body: JSON.stringify({ input: sent }),
    });
    return ((await response.json()) as { output: unknown }).output;
  },
};

describe('replicate files', () => {
  it('an upload as files.create(Buffer) sends it answers 201 with the spec file object, whose urls.get answers it on the emulator', async () => {
    const bytes = encodePng(3, 2, 'upload');
    const file = await sdk.createFile(bytes, { purpose: 'test' });
    expect(emu.requestsFor('replicate').map((r) => `${r.operation} ${r.status}`)).toEqual(['file-create 201']);
    expect(file).toEqual({
      id: expect.stringMatching(/^[a-z2-7]{26}$/),
      name: expect.stringMatching(/^buffer_\d+$/),
      content_type: 'application/octet-stream',
      size: bytes.length,
      etag: expect.stringMatching(/^[0-9a-f]{32}$/),
      checksums: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), md5: expect.stringMatching(/^[0-9a-f]{32}$/) },
      metadata: { purpose: 'test' },
      created_at: expect.any(String),
      expires_at: expect.any(String),
      urls: { get: `${emu.replicateBaseUrl}/files/${file.id}` },
    });
    expect(Date.parse(file.expires_at) - Date.parse(file.created_at)).toBe(24 * 60 * 60 * 1000);
    expect(await sdk.getFile(file.id)).toEqual(file);
    const got = await fetch(file.urls.get, { headers: AUTH });
    expect(got.status).toBe(200);
    const download = await fetch(`${emu.replicateBaseUrl}/files/${file.id}/download?owner=o&expiry=1&signature=s`);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it('takes filename, type and metadata as multipart fields (curl -F), and names a missing content or bad metadata', async () => {
    const form = new FormData();
    form.append('content', new Blob([Buffer.from('PK zip bytes')]), 'ignored.bin');
    form.append('filename', 'example.zip');
    form.append('type', 'application/zip');
    form.append('metadata', '{"customer_reference_id": 123}');
    const created = await upload(form);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'example.zip', content_type: 'application/zip', size: 12, metadata: { customer_reference_id: 123 } });

    const empty = new FormData();
    empty.append('filename', 'x.txt');
    const missing = await upload(empty);
    expect(missing.status).toBe(422);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect((await missing.json()).invalid_fields).toEqual([{ type: 'required', field: 'content', description: 'content is required' }]);

    const bad = new FormData();
    bad.append('content', new Blob(['x']), 'x.txt');
    bad.append('metadata', '[1, 2]');
    const refused = await upload(bad);
    expect(refused.status).toBe(422);
    expect((await refused.json()).invalid_fields[0].field).toBe('metadata');
  });

  // The 100 MB limit: upload-limits.integration.test.ts (a full 100 MB body takes seconds).

  it('lists files most recent first, and a deleted file is 404 afterwards', async () => {
    const first = await sdk.createFile(Buffer.from('one'));
    const second = await sdk.createFile(Buffer.from('two'));
    const list = await sdk.listFiles();
    expect(list).toMatchObject({ next: null, previous: null });
    const ids = list.results.map((f: { id: string }) => f.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    const removed = await fetch(`${emu.replicateBaseUrl}/files/${first.id}`, { method: 'DELETE', headers: AUTH });
    expect(removed.status).toBe(204);
    const gone = await fetch(`${emu.replicateBaseUrl}/files/${first.id}`, { headers: AUTH });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ detail: 'File not found' });
    expect((await sdk.listFiles()).results.map((f: { id: string }) => f.id)).not.toContain(first.id);
  });

  it('a Buffer input uploaded as run() does and predicts from the uploaded bytes', async () => {
    const image = encodePng(8, 8, 'prompt image');
    const output = await sdk.run('black-forest-labs/flux-pro', { prompt: 'a cat', image_prompt: image });
    expect(typeof output === 'string' ? output : String(output)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    const [upload, submit] = emu.requestsFor('replicate');
    expect([upload.operation, upload.status, submit.operation]).toEqual(['file-create', 201, 'submit']);
    const sent = (submit.body as { input: { image_prompt: string } }).input.image_prompt;
    expect(sent).toMatch(new RegExp(`^${emu.replicateBaseUrl}/files/[a-z2-7]{26}$`));
    // The model reads the upload's bytes: the same bytes uploaded again give the same image, other bytes another.
    const bytesOf = async (value: unknown) => Buffer.from(await (await fetch(String(value))).arrayBuffer());
    const again = await sdk.run('black-forest-labs/flux-pro', { prompt: 'a cat', image_prompt: image });
    const other = await sdk.run('black-forest-labs/flux-pro', { prompt: 'a cat', image_prompt: encodePng(8, 8, 'another') });
    expect(await bytesOf(again)).toEqual(await bytesOf(output));
    expect(await bytesOf(other)).not.toEqual(await bytesOf(output));
  });
});
