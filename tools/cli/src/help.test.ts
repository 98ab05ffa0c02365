import { providerDescriptors } from '@boards/core';
import { EMULATOR_HELP, MAIN_HELP } from './help';

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('boards --help and boards emulator --help', () => {
  it("name every installed adapter, with its key and its descriptor's help line", () => {
    const providers = providerDescriptors();
    expect(providers.map((d) => d.name)).toEqual(expect.arrayContaining(['fal', 'kie', 'openai', 'replicate']));
    for (const d of providers) {
      expect(MAIN_HELP).toMatch(new RegExp(`^  ${literal(d.name)} +${literal(d.displayName)}, key ${d.key.variable}$`, 'm'));
      expect(MAIN_HELP).toContain(d.help);
      expect(EMULATOR_HELP).toContain(d.displayName);
    }
  });
});
