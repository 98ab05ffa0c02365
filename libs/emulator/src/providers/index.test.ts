import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PROVIDER_MODULES } from './index';
import { EmulatorState } from '../server/state';

const root = join(__dirname, '../../../..');

describe('provider modules', () => {
  it("each module's prefix and id are those of the routes it builds", () => {
    const state = new EmulatorState('http://127.0.0.1:1', 0, PROVIDER_MODULES);
    const defs = PROVIDER_MODULES.map((m) => m.create(state));
    expect(defs.map((d) => `${d.id} /${d.prefix.join('/')}`)).toEqual(PROVIDER_MODULES.map((m) => `${m.id} /${m.prefix.join('/')}`));
    expect(new Set(PROVIDER_MODULES.map((m) => m.prefix[0])).size).toBe(PROVIDER_MODULES.length);
  });

  it("loads a provider's handlers on the first request under its prefix, and no other provider's", () => {
    // A fresh Node process (jest's module registry shows nothing of what Node loaded): the package
    // entry, one Replicate request, then one fal request; which handler files are loaded after each.
    const script = `
      const { startEmulator } = require(${JSON.stringify(join(__dirname, '../index.ts'))});
      const handlers = () => Object.keys(require.cache).map((f) => f.match(/emulator\\/src\\/providers\\/\\w+\\/(replicate|fal|openai|kie)\\.ts$/)?.[1]).filter(Boolean).sort();
      (async () => {
        const emulator = await startEmulator();
        const seen = { started: handlers() };
        const post = (url, auth) => fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status);
        seen.replicateStatus = await post(emulator.replicateBaseUrl + '/models/black-forest-labs/flux-schnell/predictions', 'Bearer r8_test');
        seen.afterReplicate = handlers();
        seen.falStatus = await post(emulator.falBaseUrl + '/queue/fal-ai/flux/dev', 'Key test:key');
        seen.afterFal = handlers();
        await emulator.stop();
        process.stdout.write(JSON.stringify(seen));
      })();`;
    const out = execFileSync(process.execPath, ['-r', join(root, 'tools/register-sources.js'), '-e', script], { encoding: 'utf8', timeout: 20_000 });
    const seen = JSON.parse(out) as Record<string, unknown>;
    expect(seen.started).toEqual([]);
    expect(seen.afterReplicate).toEqual(['replicate']);
    expect(seen.afterFal).toEqual(['fal', 'replicate']);
    // Answered by the handlers, not refused as unknown routes.
    expect(seen.replicateStatus).not.toBe(404);
    expect(seen.falStatus).not.toBe(404);
  });
});
