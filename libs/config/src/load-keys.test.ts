import { join } from 'node:path';
import { InvalidConfigError, redactSecrets } from '@boards/core';
import { configuredEnvironment, loadKeys } from './load-keys';
import { dirWithEnvFile, removeEnvDirs } from './test-env';

afterAll(removeEnvDirs);

describe('loadKeys sources', () => {
  it('reads a key from the environment', () => {
    const keys = loadKeys({ env: { FAL_KEY: 'env-fal-key-1' }, envFile: false });
    expect(keys.values.FAL_KEY).toBe('env-fal-key-1');
    expect(keys.sources.FAL_KEY).toBe('environment');
  });

  it('reads keys from BOARDS_GENERATOR_API_KEYS, with provider aliases', () => {
    const env = { BOARDS_GENERATOR_API_KEYS: '{"REPLICATE_API_TOKEN":"json-rep-1","openai":"json-oai-1"}' };
    const keys = loadKeys({ env, envFile: false });
    expect(keys.values).toEqual({ REPLICATE_API_TOKEN: 'json-rep-1', OPENAI_API_KEY: 'json-oai-1' });
    expect(keys.sources).toEqual({ REPLICATE_API_TOKEN: 'BOARDS_GENERATOR_API_KEYS', OPENAI_API_KEY: 'BOARDS_GENERATOR_API_KEYS' });
  });

  it('reads every variable of <cwd>/.env', () => {
    const cwd = dirWithEnvFile('FAL_KEY=dotenv-fal-1\nBOARDS_FAL_BASE_URL=http://127.0.0.1:4010\n');
    const keys = loadKeys({ env: {}, cwd });
    expect(keys.values).toEqual({ FAL_KEY: 'dotenv-fal-1', BOARDS_FAL_BASE_URL: 'http://127.0.0.1:4010' });
    expect(keys.sources.FAL_KEY).toBe('.env');
  });

  it('skips an absent default .env but rejects an absent named one', () => {
    const cwd = dirWithEnvFile();
    expect(loadKeys({ env: {}, cwd }).values).toEqual({});
    expect(() => loadKeys({ env: {}, cwd, envFile: 'missing.env' })).toThrow(InvalidConfigError);
    expect(() => loadKeys({ env: { BOARDS_ENV_FILE: 'missing.env' }, cwd })).toThrow(/Invalid BOARDS_ENV_FILE: cannot read/);
  });

  it('reads the file named by BOARDS_ENV_FILE or envFile, and none with envFile: false', () => {
    const cwd = dirWithEnvFile('FAL_KEY=default-file-1');
    const other = join(dirWithEnvFile('FAL_KEY=other-file-1'), '.env');
    expect(loadKeys({ env: { BOARDS_ENV_FILE: other }, cwd }).values.FAL_KEY).toBe('other-file-1');
    expect(loadKeys({ env: {}, cwd, envFile: other }).values.FAL_KEY).toBe('other-file-1');
    expect(loadKeys({ env: {}, cwd, envFile: false }).values.FAL_KEY).toBeUndefined();
  });

  it('reads BOARDS_GENERATOR_API_KEYS from .env when the environment lacks it', () => {
    const cwd = dirWithEnvFile(`BOARDS_GENERATOR_API_KEYS='{"fal":"json-in-dotenv-1"}'\nFAL_KEY=plain-dotenv-1`);
    const keys = loadKeys({ env: {}, cwd });
    expect(keys.values.FAL_KEY).toBe('json-in-dotenv-1');
    expect(keys.sources.FAL_KEY).toBe('BOARDS_GENERATOR_API_KEYS');
  });
});

describe('loadKeys precedence', () => {
  const cwd = () => dirWithEnvFile('FAL_KEY=from-dotenv-1\nREPLICATE_API_TOKEN=from-dotenv-2\nOPENAI_API_KEY=from-dotenv-3');
  const json = '{"FAL_KEY":"from-json-1","REPLICATE_API_TOKEN":"from-json-2"}';

  it('prefers the environment, then the JSON, then .env', () => {
    const keys = loadKeys({ env: { FAL_KEY: 'from-env-1', BOARDS_GENERATOR_API_KEYS: json }, cwd: cwd() });
    expect(keys.values).toMatchObject({ FAL_KEY: 'from-env-1', REPLICATE_API_TOKEN: 'from-json-2', OPENAI_API_KEY: 'from-dotenv-3' });
    expect(keys.sources).toMatchObject({ FAL_KEY: 'environment', REPLICATE_API_TOKEN: 'BOARDS_GENERATOR_API_KEYS', OPENAI_API_KEY: '.env' });
  });

  it('treats empty strings as unset in every source', () => {
    const dir = dirWithEnvFile('FAL_KEY=\nOPENAI_API_KEY=from-dotenv-3');
    const keys = loadKeys({ env: { FAL_KEY: '', OPENAI_API_KEY: '', BOARDS_GENERATOR_API_KEYS: '{"FAL_KEY":""}' }, cwd: dir });
    expect(keys.values).toEqual({ OPENAI_API_KEY: 'from-dotenv-3' });
  });

  it('treats an empty BOARDS_GENERATOR_API_KEYS as unset', () => {
    expect(loadKeys({ env: { BOARDS_GENERATOR_API_KEYS: '' }, envFile: false }).values).toEqual({});
  });
});

describe('fal id/secret', () => {
  it('combines FAL_KEY_ID and FAL_KEY_SECRET when FAL_KEY is unset', () => {
    const keys = loadKeys({ env: { FAL_KEY_ID: 'the-id', FAL_KEY_SECRET: 'the-secret' }, envFile: false });
    expect(keys.values.FAL_KEY).toBe('the-id:the-secret');
    expect(keys.sources.FAL_KEY).toBe('environment');
  });

  it('combines the pair across sources', () => {
    const cwd = dirWithEnvFile('FAL_KEY_SECRET=dotenv-secret');
    const keys = loadKeys({ env: { FAL_KEY_ID: 'env-id' }, cwd });
    expect(keys.values.FAL_KEY).toBe('env-id:dotenv-secret');
    expect(keys.sources.FAL_KEY).toBe('.env');
  });

  it('prefers FAL_KEY over the pair, as the fal SDK does', () => {
    const cwd = dirWithEnvFile('FAL_KEY=dotenv-full-key');
    expect(loadKeys({ env: { FAL_KEY_ID: 'id', FAL_KEY_SECRET: 'secret' }, cwd }).values.FAL_KEY).toBe('dotenv-full-key');
  });

  it('does not invent FAL_KEY from half a pair', () => {
    expect(loadKeys({ env: { FAL_KEY_ID: 'only-the-id' }, envFile: false }).values.FAL_KEY).toBeUndefined();
  });
});

describe('secret registration', () => {
  it('registers every key it loads with core redaction', () => {
    const cwd = dirWithEnvFile('OPENAI_API_KEY=sk-dotenv-registered-42');
    loadKeys({ env: { REPLICATE_API_TOKEN: 'r8_env_registered_42', BOARDS_GENERATOR_API_KEYS: '{"fal":"fal-json-registered-42"}' }, cwd });
    const text = redactSecrets('r8_env_registered_42 fal-json-registered-42 sk-dotenv-registered-42');
    expect(text).toBe('[REDACTED] [REDACTED] [REDACTED]');
  });

  it('registers credential-named .env variables and JSON entries', () => {
    const cwd = dirWithEnvFile('GITHUB_TOKEN=ghp_dotenv_registered_42');
    loadKeys({ env: { BOARDS_GENERATOR_API_KEYS: '{"ELEVENLABS_API_KEY":"xi-json-registered-42"}' }, cwd });
    expect(redactSecrets('ghp_dotenv_registered_42 xi-json-registered-42')).toBe('[REDACTED] [REDACTED]');
  });

  it('leaves ordinary settings such as base URLs and NODE_ENV readable', () => {
    const cwd = dirWithEnvFile('BOARDS_OPENAI_BASE_URL=http://127.0.0.1:45678/v1\nNODE_ENV=development-readable');
    loadKeys({ env: {}, cwd });
    const text = 'calling http://127.0.0.1:45678/v1 in development-readable';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('configuredEnvironment', () => {
  it('fills a copy of the environment for an edge that hands one on, never the environment itself', () => {
    const cwd = dirWithEnvFile('FAL_KEY=dotenv-fal-sync\nOPENAI_API_KEY=dotenv-oai-sync\nBOARDS_STORAGE_DIR=out');
    const env: NodeJS.ProcessEnv = { FAL_KEY: 'env-fal-sync', OPENAI_API_KEY: '' };
    const configured = configuredEnvironment(env, loadKeys({ env, cwd }));
    expect(configured).toEqual({ FAL_KEY: 'env-fal-sync', OPENAI_API_KEY: 'dotenv-oai-sync', BOARDS_STORAGE_DIR: 'out' });
    expect(env).toEqual({ FAL_KEY: 'env-fal-sync', OPENAI_API_KEY: '' });
  });
});

describe('importing', () => {
  it('never throws, even with broken configuration', async () => {
    const saved = process.env.BOARDS_GENERATOR_API_KEYS;
    process.env.BOARDS_GENERATOR_API_KEYS = '{broken';
    try {
      await jest.isolateModulesAsync(async () => {
        const config = await import('./index');
        // A fresh module registry means a fresh copy of core's classes: match by code.
        expect(() => config.loadKeys({ envFile: false })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
      });
    } finally {
      if (saved === undefined) delete process.env.BOARDS_GENERATOR_API_KEYS;
      else process.env.BOARDS_GENERATOR_API_KEYS = saved;
    }
  });
});
