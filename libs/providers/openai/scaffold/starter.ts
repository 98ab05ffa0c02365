/**
 * Starter fragments of OpenAI generators for `nx g @boards/tools:generator` (the descriptor's
 * `scaffold.starter`): the lines between `// starter:<name>` and `// starter:end` go into a
 * scaffolded package, with __MODEL__ replaced and `'../src'` imports written as the adapter's
 * package name. OpenAI answers synchronously, so its packages call the adapter's operation
 * themselves (`image-run`, `text-run`). The file is type-checked and linted as it stands.
 */
import { z } from 'zod';
// starter:image-imports
import { defineOpenAIGenerator, generateOpenAIImages } from '../src';
// starter:end
// starter:text-imports
import { transcribeWithOpenAI } from '../src';
// starter:end
import type { OpenAIGeneratorSpec } from '../src';

/** What the fragments use of the unit test's emulator (`useEmulator()` of @boards/testing). */
declare const emulator: { current: { requestsFor(provider: string): Array<{ operation: string; path: string; body: unknown }> } };

export const imageInput = z.strictObject({ prompt: z.string(), n: z.number() });
export const textInput = z.strictObject({ audio: z.string(), language: z.string().optional() });

export const image: Pick<OpenAIGeneratorSpec<typeof imageInput>, 'run'> = {
  // starter:image-run
  // The price holds for this size and quality; expose them as inputs only with a price per combination (see gpt-image-2).
  async run(input, ctx) {
    const params = { model: '__MODEL__', prompt: input.prompt, n: input.n, size: '1024x1024', quality: 'medium' };
    return { artifacts: await generateOpenAIImages(params, ctx) };
  },
  // starter:end
};

export const text: Pick<OpenAIGeneratorSpec<typeof textInput>, 'run' | 'sentAs'> = {
  // starter:text-run
  // The audio goes out as the multipart `file` field: the schema-drift check compares what is sent.
  sentAs: { audio: 'file' },
  async run(input, ctx) {
    const artifact = await transcribeWithOpenAI({ model: '__MODEL__', file: input.audio, language: input.language }, ctx);
    return { artifacts: [artifact] };
  },
  // starter:end
};

/** The unit test's check of the images request. */
export function request(): void {
  // starter:request
  const call = emulator.current.requestsFor('openai').find((r) => r.operation === 'images');
  expect(call?.body).toEqual({ model: '__MODEL__', prompt: 'a lighthouse at dusk', n: 2, size: '1024x1024', quality: 'medium' });
  // starter:end
}

/** The unit test's check of the transcription request (multipart). */
export function requestText(): void {
  // starter:request-text
  const call = emulator.current.requestsFor('openai').find((r) => r.operation === 'transcription');
  expect(call?.body).toMatchObject({
    fields: { model: '__MODEL__', language: 'en' },
    files: [expect.objectContaining({ field: 'file', fileName: 'thirty-seconds.wav' })],
  });
  // starter:end
}

/** The image imports bring the define function along (a scaffolded package calls it); so does this file. */
export const define = defineOpenAIGenerator;
