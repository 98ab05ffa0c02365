/**
 * One .env loader: what Nx injected from the workspace-root .env into a task is taken back out, so
 * @boards/config reads the file itself with the documented rules and precedence.
 */
import { loadKeys } from '@boards/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Plain JS beside the jest preset, loaded as jest setupFiles.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { undoNxDotenv, nxDotenvValues } = require('../nx-dotenv.js') as {
  undoNxDotenv: (env: NodeJS.ProcessEnv, file: string) => string[];
  nxDotenvValues: (file: string) => Record<string, string>;
};

const KEY = 'id:sec$ret#x';
let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nx-dotenv-'));
  writeFileSync(join(dir, 'package.json'), '{"private":true,"workspaces":["packages/*"]}');
  file = join(dir, '.env');
  writeFileSync(file, `FAL_KEY=${KEY}\nBOARDS_FAL_BASE_URL=http://127.0.0.1:9/fal\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Nx's own .env loading, undone", () => {
  it('is what Nx makes of the file: a cut comment and an expanded $ (the misreading this undoes)', () => {
    expect(nxDotenvValues(file).FAL_KEY).toBe('id:sec');
  });

  it('takes out what Nx injected, keeps what the environment really set, and the key arrives as written', () => {
    const injected: NodeJS.ProcessEnv = { ...nxDotenvValues(file), PATH: '/usr/bin' };
    expect(undoNxDotenv(injected, file).sort()).toEqual(['BOARDS_FAL_BASE_URL', 'FAL_KEY']);
    expect(injected).toEqual({ PATH: '/usr/bin' });
    // From the project folder of a task: the workspace root's .env, read by the project's parser.
    const keys = loadKeys({ env: injected, cwd: join(dir, 'packages', 'nano-banana') });
    expect(keys.values.FAL_KEY).toBe(KEY);
    expect(keys.sources.FAL_KEY).toMatch(/\.env/);
  });

  it('keeps the documented precedence: an exported key wins over the file, BOARDS_GENERATOR_API_KEYS too', () => {
    const exported: NodeJS.ProcessEnv = { FAL_KEY: 'exported:value' };
    expect(undoNxDotenv(exported, file)).toEqual([]);
    expect(loadKeys({ env: exported, cwd: dir }).values.FAL_KEY).toBe('exported:value');
    const json: NodeJS.ProcessEnv = { ...nxDotenvValues(file), BOARDS_GENERATOR_API_KEYS: '{"FAL_KEY":"from:json"}' };
    undoNxDotenv(json, file);
    expect(loadKeys({ env: json, cwd: dir }).values.FAL_KEY).toBe('from:json');
  });
});
