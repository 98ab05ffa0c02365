import { inputSchemaOf } from './schema-check';

const root = { components: { schemas: { Ratio: { type: 'string', enum: ['1:1', '16:9'] } } } };
const schema = inputSchemaOf(
  {
    type: 'object',
    required: ['prompt'],
    properties: {
      prompt: { type: 'string', minLength: 3 },
      image_urls: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 },
      ratio: { allOf: [{ $ref: '#/components/schemas/Ratio' }], default: '16:9' },
      seed: { type: 'integer', nullable: true },
    },
  },
  root,
  'a test schema',
);

describe('a published input schema checked with ajv', () => {
  it('names each bad field in the pydantic vocabulary', () => {
    expect(schema.check({ prompt: 'a cat', image_urls: ['a', 'b', 'c'], ratio: '2:1', seed: 1.5 })).toEqual([
      { path: ['image_urls'], msg: 'List should have at most 2 items after validation, not 3', type: 'too_long', ctx: { max_length: 2 } },
      { path: ['ratio'], msg: "Input should be '1:1' or '16:9'", type: 'literal_error', ctx: { expected: "'1:1' or '16:9'" } },
      { path: ['seed'], msg: 'Input should be a valid integer', type: 'int_type' },
    ]);
    expect(schema.check({})).toEqual([{ path: ['prompt'], msg: 'Field required', type: 'missing' }]);
  });

  it('accepts null for an OpenAPI nullable field, and applies documented defaults to absent fields', () => {
    expect(schema.check({ prompt: 'a cat', seed: null })).toEqual([]);
    expect(schema.withDefaults({ prompt: 'a cat' })).toEqual({ prompt: 'a cat', ratio: '16:9' });
    expect(schema.fields).toEqual(['prompt', 'image_urls', 'ratio', 'seed']);
  });
});
