/**
 * Starter fragments of fal generators for `nx g @boards/tools:generator` (see ../../starters.ts):
 * the lines between `// starter:<name>` and `// starter:end` go into a scaffolded package, with
 * __MODEL__ and __BODY__ replaced. The file is type-checked and linted as it stands.
 */
import type { Emulator } from '@boards/emulator';

declare const emulator: { current: Emulator };
declare const __BODY__: unknown;

/** The unit test's check of what the adapter submitted. */
export function request(): void {
  // starter:request
  const submit = emulator.current.requestsFor('fal').find((r) => r.operation === 'submit');
  expect(submit?.path).toBe('/fal/queue/__MODEL__');
  expect(submit?.body).toEqual(__BODY__);
  // starter:end
}
