/**
 * Starter fragments of fal generators for `nx g @boards/tools:generator` (the descriptor's
 * `scaffold.starter`): the lines between `// starter:<name>` and `// starter:end` go into a
 * scaffolded package, with __MODEL__ and __BODY__ replaced. The file is type-checked and linted
 * as it stands.
 */

// What an image generator priced per megapixel estimates with: the megapixels billed for an `image_size` preset.
// starter:megapixel-imports
import { billedMegapixels } from '../src';
// starter:end
// The presets themselves, for a schema whose `image_size` is one of them.
// starter:megapixel-presets
import { IMAGE_SIZES, type ImageSize } from '../src';
// starter:end

/** What the fragments use of the unit test's emulator (`useEmulator()` of @boards/testing). */
declare const emulator: { current: { requestsFor(provider: string): Array<{ operation: string; path: string; body: unknown }> } };
declare const __BODY__: unknown;

export { billedMegapixels, IMAGE_SIZES, type ImageSize };

/** The unit test's check of what the adapter submitted. */
export function request(): void {
  // starter:request
  const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
  expect(submit?.path).toBe('/fal/queue/__MODEL__');
  expect(submit?.body).toEqual(__BODY__);
  // starter:end
}
