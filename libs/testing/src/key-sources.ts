import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorVariables, ENV_FILE_VARIABLE, KEYS_JSON_VARIABLE, keyVariable, resolveSettings } from '@boards/config';
import type { BoardsSettings, ProviderName } from '@boards/core';
import type { Emulator } from '@boards/emulator';

/** The fingerprint the emulator logs for a credential (it never logs the credential). */
export function credentialFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Tests that a key given only through BOARDS_GENERATOR_API_KEYS, or only through a .env file,
 * reaches the provider SDK: the sources (an environment of the test's own, never process.env) are
 * resolved at the edge into settings, `run` makes one call with them, and the emulator must have
 * seen exactly that key (by fingerprint).
 */
export function describeKeySources(provider: ProviderName, emulator: () => Emulator, run: (settings: BoardsSettings) => Promise<unknown>): void {
  const variable = keyVariable(provider);
  /** The settings of an environment holding `vars`, with every base URL at the emulator (as a user exports them). */
  const settingsOf = (vars: Record<string, string>) =>
    resolveSettings({ env: { ...Object.fromEntries(emulatorVariables(emulator(), { dummyKeys: 'never', env: {} })), ...vars } });
  const sent = () =>
    new Set(
      emulator()
        .requests.map((r) => r.credential)
        .filter(Boolean),
    );

  describe(`${variable} from every source reaches the SDK`, () => {
    it(`from ${KEYS_JSON_VARIABLE}`, async () => {
      const key = `json-${provider}-key-${Date.now()}`;
      await run(settingsOf({ [KEYS_JSON_VARIABLE]: JSON.stringify({ [variable]: key }) }));
      expect(sent()).toEqual(new Set([credentialFingerprint(key)]));
    });

    it('from a .env file', async () => {
      const key = `dotenv-${provider}-key-${Date.now()}`;
      const file = join(mkdtempSync(join(tmpdir(), 'dotenv-')), '.env');
      writeFileSync(file, `# test\n${variable}="${key}"\n`);
      await run(settingsOf({ [ENV_FILE_VARIABLE]: file }));
      expect(sent()).toEqual(new Set([credentialFingerprint(key)]));
    });
  });
}
