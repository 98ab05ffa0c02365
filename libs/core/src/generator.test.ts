import { z } from 'zod';
import { createGeneratorContext, type ArtifactStore } from './context';
import { InputValidationError, ModelRetiredError, BoardsError } from './errors';
import { defineGenerator, type GeneratorSettings, type GeneratorSpec } from './generator';
import { withSettings, type BoardsSettings } from './settings';

const store: ArtifactStore = {
  put: async () => {
    throw new Error('not used');
  },
  resolve: async () => {
    throw new Error('not used');
  },
};

const schema = z.strictObject({ prompt: z.string().min(1), n: z.number().int().min(1).max(4).default(1) });

function makeGenerator(overrides: Partial<GeneratorSpec<typeof schema>> = {}, settings: GeneratorSettings = {}) {
  const calls: unknown[] = [];
  const generator = defineGenerator(
    {
      id: 'demo',
      title: 'Demo',
      description: 'demo',
      provider: 'fal',
      model: 'fal-ai/demo',
      artifactType: 'image',
      inputSchema: schema,
      price: { usd: '0.01', unit: 'image', checkedOn: '2026-11-22' },
      cheapestInput: { prompt: 'x' },
      estimateCost: (input) => ({ known: true, micros: 10_000 * input.n, basis: `${input.n} image` }),
      run: async (input) => {
        calls.push(input);
        return { artifacts: [] };
      },
      ...overrides,
    },
    settings,
  );
  return { generator, calls };
}

describe('defineGenerator', () => {
  it('names every bad field and never runs on bad input', async () => {
    const { generator, calls } = makeGenerator();
    const ctx = createGeneratorContext({ generatorId: 'demo', store });
    const error = await generator.generate({ n: 9, extra: true, more: 1 }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as InputValidationError).fields.sort()).toEqual(['extra', 'more', 'n', 'prompt']);
    expect(BoardsError.isInstance(error)).toBe(true);
    expect(calls).toHaveLength(0);
  });

  it('passes the parsed input, defaults applied, and estimates from it', async () => {
    const { generator, calls } = makeGenerator();
    await generator.generate({ prompt: 'a' }, createGeneratorContext({ generatorId: 'demo', store }));
    expect(calls).toEqual([{ prompt: 'a', n: 1 }]);
    expect(generator.estimateCost({ prompt: 'a', n: 3 })).toMatchObject({ micros: 30_000 });
  });

  it('fails fast on a retired model, naming the successor, before validation', async () => {
    const { generator, calls } = makeGenerator({ lifecycle: { status: 'retired', retiredOn: '2026-05-12', successor: 'gpt-image-2' } });
    const error = await generator.generate({}, createGeneratorContext({ generatorId: 'demo', store })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRetiredError);
    expect((error as Error).message).toBe('demo: model fal-ai/demo was retired by its provider on 2026-05-12; use gpt-image-2 instead');
    expect(calls).toHaveLength(0);
  });

  it('keeps progress on one monotonic 0..1 scale', async () => {
    const events: number[] = [];
    const { generator } = makeGenerator({
      run: async (_input, ctx) => {
        ctx.progress({ progress: 0.5, phase: 'running' });
        ctx.progress({ progress: 0.3, phase: 'running' });
        return { artifacts: [] };
      },
    });
    await generator.generate({ prompt: 'a' }, createGeneratorContext({ generatorId: 'demo', store, onProgress: (e) => events.push(e.progress) }));
    expect(events).toEqual([0, 0.5, 0.5, 1]);
  });

  it("runs with the context's settings, else the settings resolved once when it starts, after the input was found valid", async () => {
    const seen: Array<BoardsSettings | undefined> = [];
    const resolve = jest.fn(() => ({ providers: { fal: { apiKey: 'resolved-key-1' } } }));
    const { generator } = makeGenerator({ run: async (_input, ctx) => (seen.push(ctx.settings), { artifacts: [] }) }, { resolve });
    const own = { providers: { fal: { apiKey: 'tenant-key-1' } } };
    await generator.generate({ prompt: 'a' }, createGeneratorContext({ generatorId: 'demo', store, settings: own }));
    await generator.generate({}, createGeneratorContext({ generatorId: 'demo', store })).catch(() => undefined);
    expect(resolve).not.toHaveBeenCalled();
    await generator.generate({ prompt: 'a' }, createGeneratorContext({ generatorId: 'demo', store }));
    expect(seen).toEqual([own, { providers: { fal: { apiKey: 'resolved-key-1' } } }]);
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it("ends a generation at its settings' deadline", async () => {
    const { generator } = makeGenerator({
      run: (_input, ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))),
    });
    const ctx = createGeneratorContext({ generatorId: 'demo', store, settings: { generationTimeoutMs: 30 } });
    await expect(generator.generate({ prompt: 'a' }, ctx)).rejects.toMatchObject({ code: 'TIMEOUT', timeoutMs: 30 });
  });

  it('a generator a program owns carries its settings into contexts that bring none', async () => {
    const seen: Array<BoardsSettings | undefined> = [];
    const { generator } = makeGenerator({ run: async (_input, ctx) => (seen.push(ctx.settings), { artifacts: [] }) });
    const tenant = { providers: { fal: { apiKey: 'tenant-a-key-1' } } };
    const other = { providers: { fal: { apiKey: 'tenant-b-key-1' } } };
    const owned = withSettings(generator, tenant);
    await owned.generate({ prompt: 'a' }, createGeneratorContext({ generatorId: 'demo', store }));
    await owned.generate({ prompt: 'a' }, createGeneratorContext({ generatorId: 'demo', store, settings: other }));
    await generator.generate({ prompt: 'a' }, createGeneratorContext({ generatorId: 'demo', store }));
    expect(seen).toEqual([tenant, other, undefined]);
    expect(owned.id).toBe('demo');
  });
});
