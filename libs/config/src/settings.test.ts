import { DEFAULT_GENERATION_TIMEOUT_MS } from '@boards/core';
import { generationTimeoutMs, generatorSettings, storageDir } from './settings';

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

describe('generatorSettings', () => {
  it('reads the environment at each generation, not when the generator is defined', () => {
    const env: NodeJS.ProcessEnv = {};
    const settings = generatorSettings(undefined, env);
    env.BOARDS_GENERATION_TIMEOUT_MS = '900';
    expect(settings.timeoutMs?.()).toBe(900);
    env.BOARDS_GENERATION_TIMEOUT_MS = '1200';
    expect(settings.timeoutMs?.()).toBe(1200);
    expect(generatorSettings(50, env).timeoutMs?.()).toBe(50);
  });
});

describe('storageDir', () => {
  it('is BOARDS_STORAGE_DIR, undefined when unset or empty', () => {
    expect(storageDir({ BOARDS_STORAGE_DIR: 'out/here' })).toBe('out/here');
    expect(storageDir({ BOARDS_STORAGE_DIR: '' })).toBeUndefined();
    expect(storageDir({})).toBeUndefined();
  });
});
