import { z } from 'zod';
import { providerInputSchema } from '@boards/emulator';
import { compareSchemas, factsFromJsonSchema, factsFromRules, generatorFacts, type DriftSubject } from './drift';

/** A generator of the emulator's flux-schnell with one planted difference. */
const planted = (shape: z.ZodRawShape, sentAs?: DriftSubject['sentAs']): DriftSubject => ({
  id: 'planted',
  provider: 'replicate',
  model: 'black-forest-labs/flux-schnell',
  inputSchema: z.strictObject({ prompt: z.string().min(1), ...shape }),
  sentAs,
});
const drift = (subject: DriftSubject) =>
  compareSchemas(generatorFacts(subject), factsFromRules(providerInputSchema('replicate', subject.model)!), {
    generator: 'generator planted',
    provider: 'flux-schnell',
  });

describe('schema drift', () => {
  it('passes a generator that sends a subset of what the provider accepts, narrower or equal', () => {
    expect(
      drift(
        planted({
          num_outputs: z.number().int().min(1).max(2).default(1),
          aspect_ratio: z.enum(['1:1', '16:9']).optional(),
          seed: z.number().int().min(0).optional(),
        }),
      ),
    ).toEqual([]);
  });

  it('fails on a field the provider does not have, naming it and both sides', () => {
    const [d, ...rest] = drift(planted({ zz_not_a_provider_field: z.string().optional() }));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ kind: 'unknown-field', field: 'zz_not_a_provider_field' });
    expect(d.message).toMatch(/^zz_not_a_provider_field: generator planted sends it; flux-schnell has no such field \(its fields: aspect_ratio, .*prompt/);
  });

  it('fails on an enum value the provider does not accept', () => {
    const [d] = drift(planted({ aspect_ratio: z.enum(['1:1', '7:3']).default('1:1') }));
    expect(d).toMatchObject({ kind: 'enum', field: 'aspect_ratio' });
    expect(d.message).toContain('generator planted accepts "7:3", which flux-schnell does not (it accepts "1:1", "16:9"');
  });

  it('fails on a numeric range wider than the provider allows, at either end or unbounded', () => {
    expect(drift(planted({ num_outputs: z.number().int().min(1).max(8).optional() }))).toEqual([
      { kind: 'range', field: 'num_outputs', message: 'num_outputs: generator planted allows 1..8; flux-schnell allows 1..4' },
    ]);
    expect(drift(planted({ output_quality: z.number().int().optional() }))[0].message).toBe(
      'output_quality: generator planted allows -inf..inf; flux-schnell allows 0..100',
    );
  });

  it('fails on a type the provider does not take, and accepts integers for a number field', () => {
    expect(drift(planted({ seed: z.string().optional() }))).toEqual([
      { kind: 'type', field: 'seed', message: 'seed: generator planted sends string; flux-schnell takes integer' },
    ]);
    const labels = { generator: 'g', provider: 'p' };
    expect(compareSchemas({ scale: { type: 'integer', required: false } }, { scale: { type: 'number', required: false } }, labels)).toEqual([]);
    expect(compareSchemas({ scale: { type: 'number', required: false } }, { scale: { type: 'integer', required: false } }, labels)[0]).toMatchObject({
      kind: 'type',
    });
  });

  it('takes numbers that are all integers (a zod union of literals: duration 4, 6 or 8) for an integer field, and not one that is not', () => {
    const labels = { generator: 'g', provider: 'p' };
    const provider = { duration: { type: 'integer', enum: [4, 6, 8], required: false } };
    expect(compareSchemas({ duration: { type: 'number', enum: [4, 6, 8], required: false } }, provider, labels)).toEqual([]);
    expect(compareSchemas({ duration: { type: 'number', enum: [4, 6.5], required: false } }, provider, labels).map((d) => d.kind)).toEqual(['type', 'enum']);
  });

  it('fails when the provider requires a field the generator can leave out or never sends', () => {
    expect(drift({ ...planted({}), inputSchema: z.strictObject({ prompt: z.string().optional() }) })).toEqual([
      { kind: 'required', field: 'prompt', message: 'prompt: flux-schnell requires it; generator planted lets it be left out (optional, no default)' },
    ]);
    expect(drift({ ...planted({}), inputSchema: z.strictObject({ text: z.string() }), sentAs: { text: null } })).toEqual([
      { kind: 'required', field: 'prompt', message: 'prompt: flux-schnell requires it; generator planted never sends it' },
    ]);
  });

  it('compares what is sent: fields renamed by sentAs are checked under the provider name', () => {
    expect(drift(planted({ outputs: z.number().int().min(1).max(4) }, { outputs: 'num_outputs' }))).toEqual([]);
    expect(drift(planted({ outputs: z.number().int().min(1).max(9) }, { outputs: 'num_outputs' }))[0]).toMatchObject({ kind: 'range', field: 'num_outputs' });
  });

  it('reads published JSON Schemas: $ref enums through allOf (Replicate), anyOf with null (fal), required lists', () => {
    const replicateStyle = {
      components: {
        schemas: {
          Input: {
            type: 'object',
            required: ['prompt'],
            properties: {
              prompt: { type: 'string' },
              size: { allOf: [{ $ref: '#/components/schemas/size' }], default: 'a' },
              n: { type: 'integer', minimum: 1, maximum: 4 },
            },
          },
          size: { type: 'string', enum: ['a', 'b'] },
        },
      },
    };
    expect(factsFromJsonSchema(replicateStyle.components.schemas.Input, replicateStyle)).toEqual({
      prompt: { type: 'string', required: true },
      size: { type: 'string', enum: ['a', 'b'], required: false, hasDefault: true },
      n: { type: 'integer', min: 1, max: 4, required: false },
    });
    const falStyle = {
      type: 'object',
      properties: {
        seed: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
        ratio: { anyOf: [{ type: 'string', enum: ['1:1'] }, { type: 'string' }] },
        mode: { $ref: '#/$defs/Mode' },
      },
      $defs: { Mode: { type: 'string', enum: ['x', 'y'] } },
    };
    expect(factsFromJsonSchema(falStyle)).toEqual({
      seed: { type: 'integer', required: false, hasDefault: false },
      ratio: { type: 'string', required: false, hasDefault: false },
      mode: { type: 'string', enum: ['x', 'y'], required: false },
    });
  });
});
