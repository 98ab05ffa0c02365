/**
 * Starter fragments of fal generators for `nx g @boards/tools:generator` (the descriptor's
 * `scaffold.starter`): the lines between `// starter:<name>` and `// starter:end` go into a
 * scaffolded package, with __MODEL__ and __BODY__ replaced. The file is type-checked and linted
 * as it stands.
 */

/** What the fragments use of the unit test's emulator (`useEmulator()` of @boards/testing). */
declare const emulator: { current: { requestsFor(provider: string): Array<{ operation: string; path: string; body: unknown }> } };
declare const __BODY__: unknown;

// The code before the input schema of an image generator priced per megapixel: the schema's
// `image_size` field and its estimate use these names.
// starter:megapixel-preamble
/** fal's image_size presets in pixels. fal bills each image rounded up to whole megapixels of 1024x1024. */
const IMAGE_SIZES = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
} as const;
type ImageSize = keyof typeof IMAGE_SIZES;
const billedMegapixels = (size: ImageSize) => Math.ceil((IMAGE_SIZES[size][0] * IMAGE_SIZES[size][1]) / 2 ** 20);
// starter:end

export { billedMegapixels, type ImageSize };

/** The unit test's check of what the adapter submitted. */
export function request(): void {
  // starter:request
  const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
  expect(submit?.path).toBe('/fal/queue/__MODEL__');
  expect(submit?.body).toEqual(__BODY__);
  // starter:end
}
