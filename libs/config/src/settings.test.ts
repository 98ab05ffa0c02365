import { DEFAULT_GENERATION_TIMEOUT_MS } from '@boards/core';
import { generationTimeoutMs, generatorSettings, resolveSettings, settingsOf, storageDir } from './settings';
import { dirWithEnvFile, removeEnvDirs } from './test-env';

describe('generationTimeoutMs', () => {
  it('takes the option, else BOARDS_GENERATION_TIMEOUT_MS, else the fallback', () => {
    const env = { BOARDS_GENERATION_TIMEOUT_MS: '1500' };
    expect(generationTimeoutMs(700, undefined, env)).toBe(700);
    expect(generationTimeoutMs(undefined, undefined, env)).toBe(1500);
    expect(generationTimeoutMs(undefined, 300_000, {})).toBe(300_000);
    expect(generationTimeoutMs(undefined, undefined, {})).toBe(DEFAULT_GENERATION_TIMEOUT_MS);
  });

  it('ignores a value that is not a positive number', () => {
    for (const value of ['', '0', '-5', 'soon']) expect(generationTimeoutMs(undefined, 42, { BOARDS_GENERATION_TIMEOUT_MS: value })).toBe(42);
  });
});

describe('resolveSettings', () => {
  afterAll(removeEnvDirs);

  it('reads every source once into one value: keys env > BOARDS_GENERATOR_API_KEYS > .env, base URLs and waits env > .env, the deadline', () => {
    const cwd = dirWithEnvFile('FAL_KEY=dotenv-fal-key-1\nOPENAI_API_KEY=dotenv-oai-key-1\nBOARDS_OPENAI_BASE_URL=http://127.0.0.1:9/v1\n');
    const env = {
      REPLICATE_API_TOKEN: 'env-rep-key-1',
      BOARDS_GENERATOR_API_KEYS: JSON.stringify({ fal: 'json-fal-key-1', REPLICATE_API_TOKEN: 'json-rep-key-1' }),
      BOARDS_REPLICATE_WAIT_SECONDS: '3',
      BOARDS_GENERATION_TIMEOUT_MS: '900',
    };
    const copy = { ...env };
    const settings = resolveSettings({ env, cwd });
    expect(settings.providers).toMatchObject({
      replicate: { apiKey: 'env-rep-key-1', waitSeconds: 3 },
      fal: { apiKey: 'json-fal-key-1' },
      openai: { apiKey: 'dotenv-oai-key-1', baseUrl: 'http://127.0.0.1:9/v1' },
    });
    expect(settings.generationTimeoutMs).toBe(900);
    expect(env).toEqual(copy);
  });

  it('names the variable of a base URL that is not http(s), never its value', () => {
    expect(() => resolveSettings({ env: { BOARDS_FAL_BASE_URL: 'ftp://secret-host' }, envFile: false })).toThrow(/^Invalid BOARDS_FAL_BASE_URL: must be/);
  });
});

describe('generatorSettings', () => {
  it('resolves the environment when a generation starts, not when the generator is defined', () => {
    const env: NodeJS.ProcessEnv = { BOARDS_ENV_FILE: '' };
    const settings = generatorSettings(env);
    env.REPLICATE_API_TOKEN = 'late-rep-key-1';
    env.BOARDS_GENERATION_TIMEOUT_MS = '1200';
    expect(settings.resolve?.()).toMatchObject({ providers: { replicate: { apiKey: 'late-rep-key-1' } }, generationTimeoutMs: 1200 });
  });
});

describe('settingsOf', () => {
  it("is the context's own settings when it carries them", () => {
    const settings = { providers: { replicate: { apiKey: 'tenant-key-1' } } };
    expect(settingsOf({ settings })).toBe(settings);
  });
});

describe('storageDir', () => {
  it('is BOARDS_STORAGE_DIR, undefined when unset or empty', () => {
    expect(storageDir({ BOARDS_STORAGE_DIR: 'out/here' })).toBe('out/here');
    expect(storageDir({ BOARDS_STORAGE_DIR: '' })).toBeUndefined();
    expect(storageDir({})).toBeUndefined();
  });
});
