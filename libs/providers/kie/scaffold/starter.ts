/**
 * Starter fragments of Kie.ai generators for `nx g @boards/tools:generator` (the descriptor's
 * `scaffold.starter`): the lines between `// starter:<name>` and `// starter:end` go into a
 * scaffolded package, with __MODEL__ and __BODY__ replaced. The file is type-checked and linted
 * as it stands.
 */
import { z } from 'zod';

/** What the fragments use of the unit test's emulator (`useEmulator()` of @boards/testing). */
declare const emulator: { current: { requestsFor(provider: string): Array<{ operation: string; path: string; body: unknown }> } };
declare const __BODY__: unknown;

// Kie's market image models take an aspect ratio (seedream requires one): a field of every Kie
// image starter after the prompt, and what it sends by default.
export const imageInput = z.strictObject({
  prompt: z.string(),
  // starter:image-fields
  aspect_ratio: z.enum(['1:1', '4:3', '3:4', '16:9', '9:16', '2:3', '3:2', '21:9']).default('1:1').describe('Aspect ratio of the image'),
  // starter:end
});

export const sentByDefault: z.output<typeof imageInput> = {
  prompt: 'a lighthouse at dusk',
  // starter:image-sent
  aspect_ratio: '1:1',
  // starter:end
};

export const invalidInputs: Array<{ input: Record<string, unknown>; field: string }> = [
  // starter:image-invalid
  { input: { prompt: 'a cat', aspect_ratio: '5:4' }, field: 'aspect_ratio' },
  // starter:end
];

/** The unit test's check of the task the adapter created. */
export function request(): void {
  // starter:request
  const task = emulator.current.requestsFor('kie').find((r) => r.operation === 'createTask');
  expect(task?.body).toEqual({ model: '__MODEL__', input: __BODY__ });
  // starter:end
}
