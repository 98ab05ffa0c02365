import Replicate from 'replicate';
import { encodePng } from '../../kernel/media/png';
import { startEmulator, type Emulator } from '../../emulator';

// Shapes from /work/shared/provider-specs/replicate/openapi.json (files.create, files.list, files.get,
// files.delete, files.download; schemas_file_response).
const TOKEN = 'r8_test';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let emu: Emulator;
let client: Replicate;

beforeAll(async () => {
  emu = await startEmulator();
  client = new Replicate({ auth: TOKEN, baseUrl: emu.replicateBaseUrl, fileEncodingStrategy: 'upload' });
});
afterAll(() => emu.stop());
afterEach(() => emu.clearRequests());

const upload = (form: FormData) => fetch(`${emu.replicateBaseUrl}/files`, { method: 'POST', headers: AUTH, body: form });

describe('replicate files', () => {
  it('files.create(Buffer) answers 201 with the spec file object, whose urls.get answers it on the emulator', async () => {
    const bytes = encodePng(3, 2, 'upload');
    const file = await client.files.create(bytes, { purpose: 'test' });
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
    expect(Date.parse(String(file.expires_at)) - Date.parse(file.created_at)).toBe(24 * 60 * 60 * 1000);
    expect(await client.files.get(file.id)).toEqual(file);
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

  it('refuses a file of 100 MB or more with 413 problem+json', async () => {
    const form = new FormData();
    form.append('content', new Blob([Buffer.alloc(100 * 1024 * 1024)]), 'big.bin');
    const response = await upload(form);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, detail: 'Files must be less than 100MB in size' });
  });

  it('lists files most recent first, and a deleted file is 404 afterwards', async () => {
    const first = await client.files.create(Buffer.from('one'));
    const second = await client.files.create(Buffer.from('two'));
    const list = await client.files.list();
    expect(list).toMatchObject({ next: null, previous: null });
    const ids = list.results.map((f: { id: string }) => f.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    const removed = await fetch(`${emu.replicateBaseUrl}/files/${first.id}`, { method: 'DELETE', headers: AUTH });
    expect(removed.status).toBe(204);
    const gone = await fetch(`${emu.replicateBaseUrl}/files/${first.id}`, { headers: AUTH });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ detail: 'File not found' });
    expect((await client.files.list()).results.map((f: { id: string }) => f.id)).not.toContain(first.id);
  });

  it('run() with a Buffer input uploads it first and predicts from the uploaded bytes', async () => {
    const image = encodePng(8, 8, 'prompt image');
    const output = await client.run('black-forest-labs/flux-pro', { input: { prompt: 'a cat', image_prompt: image } });
    expect(typeof output === 'string' ? output : String(output)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    const [upload, submit] = emu.requestsFor('replicate');
    expect([upload.operation, upload.status, submit.operation]).toEqual(['file-create', 201, 'submit']);
    const sent = (submit.body as { input: { image_prompt: string } }).input.image_prompt;
    expect(sent).toMatch(new RegExp(`^${emu.replicateBaseUrl}/files/[a-z2-7]{26}$`));
    // The model reads the upload's bytes: the same bytes uploaded again give the same image, other bytes another.
    const bytesOf = async (value: unknown) => Buffer.from(await (await fetch(String(value))).arrayBuffer());
    const again = await client.run('black-forest-labs/flux-pro', { input: { prompt: 'a cat', image_prompt: image } });
    const other = await client.run('black-forest-labs/flux-pro', { input: { prompt: 'a cat', image_prompt: encodePng(8, 8, 'another') } });
    expect(await bytesOf(again)).toEqual(await bytesOf(output));
    expect(await bytesOf(other)).not.toEqual(await bytesOf(output));
  });
});
