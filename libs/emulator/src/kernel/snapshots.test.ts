import { authCheck, kindOfOutput, SnapshotStore, statusNames, synthesize, type SynthesisContext } from './snapshots';

const context = (input: Record<string, unknown>, count = 1): SynthesisContext => ({
  input,
  count,
  seed: 7,
  media: (i) => ({ url: `http://127.0.0.1/files/${i}.png`, content_type: 'image/png', file_name: `${i}.png`, file_size: 10, width: 64 }),
});

describe('snapshots', () => {
  it('refuses a snapshot without provider, model or document, naming what is missing', () => {
    const store = new SnapshotStore();
    expect(() => store.add({ provider: 'p', model: '', document: {} })).toThrow('snapshot model: a non-empty string is required');
    expect(() => store.add({ provider: 'p', model: 'm', document: null as unknown as Record<string, unknown> })).toThrow('snapshot document of m');
  });

  it('synthesizes a value of the output schema: a list of media, file facts, input values, never an empty text', () => {
    const root = {
      components: { schemas: { Image: { type: 'object', required: ['url'], properties: { url: { type: 'string' }, width: { type: 'integer' } } } } },
    };
    const output = {
      type: 'object',
      required: ['images', 'seed', 'caption'],
      properties: {
        images: { type: 'array', items: { $ref: '#/components/schemas/Image' } },
        seed: { type: 'integer' },
        caption: { type: 'string' },
        extra: { type: 'string' },
      },
    };
    expect(synthesize(output, root, context({ prompt: 'a cat' }, 2))).toEqual({
      images: [
        { url: 'http://127.0.0.1/files/0.png', width: 64 },
        { url: 'http://127.0.0.1/files/1.png', width: 64 },
      ],
      seed: 7,
      caption: 'Emulated caption.',
    });
    expect(synthesize({ type: 'array', items: { type: 'string', format: 'uri' } }, {}, context({}, 3))).toHaveLength(3);
  });

  it('guesses the media kind from the output field names', () => {
    expect(kindOfOutput({ type: 'object', properties: { video: { type: 'object' } } }, {})).toBe('video');
    expect(kindOfOutput({ type: 'object', properties: { audio_url: { type: 'string' } } }, {})).toBe('audio');
    expect(kindOfOutput(undefined, {}, 'text')).toBe('text');
  });

  it("answers a renamed status by the document's new name, the others by the usual ones", () => {
    expect(statusNames(['IN_QUEUE', 'IN_PROGRESS', 'DONE'], ['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'])).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'DONE']);
    expect(statusNames(undefined, ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('checks the credential of a documented security scheme', () => {
    const check = authCheck({ bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-Key' } });
    expect(check?.({ authorization: 'Bearer abc' })).toBe(true);
    expect(check?.({ 'x-key': 'abc' })).toBe(true);
    expect(check?.({ authorization: 'Key abc' })).toBe(false);
    expect(authCheck({ q: { type: 'apiKey', in: 'query', name: 'key' } })).toBeUndefined();
  });
});
