/**
 * Starter fragments of Replicate generators for `nx g @boards/tools:generator` (the descriptor's
 * `scaffold.starter`): the lines between `// starter:<name>` and `// starter:end` go into a
 * scaffolded package, with __MODEL_NAME__ (owner/name), __MODEL_VERSION__ and __BODY__ replaced.
 * The file is type-checked and linted as it stands.
 */

/** What the fragments use of the unit test's emulator (`useEmulator()` of @boards/testing). */
declare const emulator: { current: { requestsFor(provider: string): Array<{ operation: string; path: string; body: unknown }> } };
declare const __BODY__: unknown;

/** The unit test's check of the prediction the adapter created for a model (latest version). */
export function request(): void {
  // starter:request
  const create = emulator.current.requestsFor('replicate').find((r) => r.operation === 'submit');
  expect(create?.path).toBe('/replicate/v1/models/__MODEL_NAME__/predictions');
  expect(create?.body).toEqual({ input: __BODY__ });
  // starter:end
}

/** The same for a pinned version (`owner/name:<version>`). */
export function requestVersioned(): void {
  // starter:request-versioned
  const create = emulator.current.requestsFor('replicate').find((r) => r.operation === 'submit');
  expect(create?.path).toBe('/replicate/v1/predictions');
  expect(create?.body).toEqual({ version: '__MODEL_VERSION__', input: __BODY__ });
  // starter:end
}
