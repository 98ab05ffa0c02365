import { z } from 'zod';
import type { PublishedDocumentSource, PublishedModel } from '@boards/core';
import { assumedDefault, checkGenerator, compareModels, diffDocuments, lifecycleDrift } from './drift-snapshot';

/** A published model: a prompt, an aspect ratio defaulting to 1:1, up to 4 image URLs; a queue of three statuses. */
const model = (change: (m: PublishedModel) => void = () => undefined): PublishedModel => {
  const m: PublishedModel = {
    inputs: {
      prompt: { type: 'string', maxLength: 1000, required: true },
      aspect_ratio: { type: 'string', enum: ['1:1', '16:9'], default: '1:1', required: false },
      image_urls: { type: 'array', maxItems: 4, required: false },
    },
    output: { type: 'object', properties: { images: { type: 'array', items: { type: 'object', properties: { url: { type: 'string' } } } } } },
    statuses: ['IN_QUEUE', 'COMPLETED'],
    auth: ['key: apiKey in header Authorization'],
  };
  change(m);
  return m;
};

const source: PublishedDocumentSource = {
  fetch: () => Promise.reject(new Error('not fetched here')),
  schemas: () => [],
  facts: () => model(),
  knownStatuses: ['IN_QUEUE', 'COMPLETED'],
  outputProblems: (output) => (JSON.stringify(output).includes('"url"') ? [] : ['output images[].url: the adapter reads it']),
};

const subject = (inputSchema: z.ZodType, lifecycle?: { status: 'active' | 'deprecated' | 'retired'; retiredOn?: string }) => ({
  id: 'gen',
  provider: 'p',
  model: 'm',
  artifactType: 'image',
  inputSchema,
  lifecycle,
});
const good = z.strictObject({
  prompt: z.string().max(1000),
  aspect_ratio: z.enum(['1:1']).optional().describe('Aspect ratio (default 1:1)'),
  image_urls: z.array(z.string()).max(4),
});

describe('compareModels: the stored facts against the published ones', () => {
  it('finds nothing when they are equal', () => {
    expect(compareModels(model(), model())).toEqual([]);
  });

  it('names the field and both values of a changed default, limit, status, output, auth and shutdown date', () => {
    const now = model((m) => {
      m.inputs.aspect_ratio = { ...m.inputs.aspect_ratio, default: '16:9' };
      m.inputs.image_urls = { ...m.inputs.image_urls, maxItems: 2 };
      m.statuses = [...(m.statuses ?? []), 'PAUSED'];
      m.output = { type: 'string' };
      m.auth = [];
      m.lifecycle = { shutdownDate: '2026-01-02' };
    });
    const lines = compareModels(model(), now);
    expect(lines).toEqual(
      expect.arrayContaining([
        'aspect_ratio default: stored "1:1", published "16:9"',
        'image_urls maxItems: stored 4, published 2',
        expect.stringMatching(/^status enum: .*\(new "PAUSED"\)$/),
        'output shape output.type: stored "object", published "string"',
        'auth: stored ["key: apiKey in header Authorization"], published []',
        'lifecycle shutdown_date: stored none, published "2026-01-02"',
      ]),
    );
  });

  it('names a field no longer published and a new one', () => {
    const now = model((m) => {
      delete m.inputs.image_urls;
      m.inputs.seed = { type: 'integer', required: true };
    });
    expect(compareModels(model(), now)).toEqual(['input image_urls: stored, no longer published', 'input seed: newly published (required)']);
  });
});

describe('diffDocuments and lifecycleDrift', () => {
  it('lists each differing path of two documents with both values, and caps the list', () => {
    expect(diffDocuments({ a: { b: 1, c: [1] } }, { a: { b: 2, c: [1], d: 'x' } }, 'doc')).toEqual([
      'doc.a.b: stored 1, published 2',
      'doc.a.d: stored none, published "x"',
    ]);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    expect(diffDocuments({}, many, '', 3)).toEqual([expect.any(String), expect.any(String), expect.any(String), '... and 47 more difference(s)']);
  });

  it('says a model is shut down once its published date has passed, not before', () => {
    const shut = model((m) => (m.lifecycle = { shutdownDate: '2026-03-01' }));
    expect(lifecycleDrift('m', shut, '2026-03-01')).toEqual([expect.stringContaining('m shut down on 2026-03-01')]);
    expect(lifecycleDrift('m', shut, '2026-02-28')).toEqual([]);
  });
});

describe('checkGenerator: the generator against its snapshot', () => {
  it('passes a generator within the snapshot', () => {
    expect(checkGenerator(subject(good), model(), source)).toEqual([]);
  });

  it('names an assumed default the snapshot changed, a wider maxItems, an enum value and a required field left out', () => {
    const changed = model((m) => {
      m.inputs.aspect_ratio = { ...m.inputs.aspect_ratio, default: '16:9', enum: ['16:9'] };
      m.inputs.image_urls = { ...m.inputs.image_urls, maxItems: 2, required: true };
    });
    const loose = good.extend({ image_urls: z.array(z.string()).max(4).optional() });
    expect(checkGenerator(subject(loose), changed, source)).toEqual([
      'aspect_ratio enum: the generator accepts "1:1", which the snapshot does not (["16:9"])',
      'aspect_ratio default: the generator leaves it out assuming "1:1", the snapshot\'s default is "16:9"',
      'image_urls maxItems: generator 4, snapshot 2 (wider)',
      'image_urls required: the snapshot requires it; the generator lets it be left out',
    ]);
  });

  it('takes a union of integer literals for an integer field the snapshot enumerates, and names one with a fraction', () => {
    const withDuration = model((m) => {
      m.inputs.duration = { type: 'integer', enum: [4, 6, 8], required: false };
    });
    const durations = (values: [number, number, ...number[]]) => good.extend({ duration: z.union(values.map((v) => z.literal(v)) as never).optional() });
    expect(checkGenerator(subject(durations([4, 6, 8])), withDuration, source)).toEqual([]);
    expect(checkGenerator(subject(durations([4, 6.5])), withDuration, source)).toEqual([
      'duration type: generator number, snapshot integer',
      'duration enum: the generator accepts 6.5, which the snapshot does not ([4,6,8])',
    ]);
  });

  it('names an unknown field, a status the adapter does not know, an output it cannot read and an undeclared shutdown', () => {
    const changed = model((m) => {
      m.statuses = ['IN_QUEUE', 'COMPLETED', 'PAUSED'];
      m.output = { type: 'string' };
      m.lifecycle = { shutdownDate: '2027-01-01' };
    });
    const extra = good.extend({ zz_field: z.string().optional() });
    expect(checkGenerator(subject(extra), changed, source)).toEqual([
      expect.stringMatching(/^zz_field: the generator sends it; the snapshot has no such field/),
      'output images[].url: the adapter reads it',
      expect.stringMatching(/^status "PAUSED": in the snapshot's status enum; the adapter does not know it/),
      "lifecycle shutdown_date: the snapshot's is 2027-01-01; the generator declares none (its lifecycle.retiredOn)",
    ]);
    expect(
      checkGenerator(
        subject(good, { status: 'deprecated', retiredOn: '2027-01-01' }),
        model((m) => (m.lifecycle = { shutdownDate: '2027-01-01' })),
        source,
      ),
    ).toEqual([]);
  });
});

describe('assumedDefault: the default a description states', () => {
  it.each([
    ['Aspect ratio (default 1:1)', '1:1'],
    ['Output size (default "1"); the price is the same', '1'],
    ['Voice (default "Rachel"; e.g. Aria)', 'Rachel'],
    ['Aspect ratio (default auto: that of the first input image)', 'auto'],
    ['Image format', undefined],
  ])('%s -> %s', (description, expected) => {
    expect(assumedDefault(description)).toBe(expected);
  });
});
