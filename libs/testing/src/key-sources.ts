import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS_JSON_VARIABLE, keyVariable } from '@boards/config';
import type { ProviderName } from '@boards/core';
import type { Emulator } from '@boards/emulator';

/** The fingerprint the emulator logs for a credential (it never logs the credential). */
export function credentialFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Tests that a key given only through BOARDS_GENERATOR_API_KEYS, or only through a .env
 * file, reaches the provider SDK: `run` makes one call, and the emulator must have seen
 * exactly that key (by fingerprint).
 */
export function describeKeySources(provider: ProviderName, emulator: () => Emulator, run: () => Promise<unknown>): void {
  const variable = keyVariable(provider);
  const setAll = (vars: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const withEnv = async (vars: Record<string, string | undefined>, body: () => Promise<void>) => {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    setAll(vars);
    try {
      await body();
    } finally {
      setAll(saved);
    }
  };
  const sent = () =>
    new Set(
      emulator()
        .requests.map((r) => r.credential)
        .filter(Boolean),
    );

  describe(`${variable} from every source reaches the SDK`, () => {
    it(`from ${KEYS_JSON_VARIABLE}`, async () => {
      const key = `json-${provider}-key-${Date.now()}`;
      await withEnv({ [variable]: undefined, [KEYS_JSON_VARIABLE]: JSON.stringify({ [variable]: key }) }, async () => {
        await run();
      });
      expect(sent()).toEqual(new Set([credentialFingerprint(key)]));
    });

    it('from a .env file', async () => {
      const key = `dotenv-${provider}-key-${Date.now()}`;
      const file = join(mkdtempSync(join(tmpdir(), 'dotenv-')), '.env');
      writeFileSync(file, `# test\n${variable}="${key}"\n`);
      await withEnv({ [variable]: undefined, [KEYS_JSON_VARIABLE]: undefined, BOARDS_ENV_FILE: file }, async () => {
        await run();
      });
      expect(sent()).toEqual(new Set([credentialFingerprint(key)]));
    });
  });
}
