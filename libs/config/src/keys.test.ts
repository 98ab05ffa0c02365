import { MissingKeyError } from '@boards/core';
import { getKey, hasKey, keySource, requireKey } from './keys';
import { dirWithEnvFile, removeEnvDirs } from './test-env';

afterAll(removeEnvDirs);

const PLANTED = 'r8_planted_key_never_printed_123456';

describe('provider key lookups', () => {
  const options = () => ({
    env: { BOARDS_GENERATOR_API_KEYS: `{"replicate":"${PLANTED}"}` },
    cwd: dirWithEnvFile('OPENAI_API_KEY=sk-dotenv-lookup-1'),
  });

  it('finds each provider key and where it came from', () => {
    const o = options();
    expect(getKey('replicate', o)).toBe(PLANTED);
    expect(keySource('replicate', o)).toBe('BOARDS_GENERATOR_API_KEYS');
    expect(getKey('openai', o)).toBe('sk-dotenv-lookup-1');
    expect(keySource('openai', o)).toBe('.env');
    expect(hasKey('replicate', o)).toBe(true);
    expect(hasKey('fal', o)).toBe(false);
    expect(getKey('fal', o)).toBeUndefined();
    expect(keySource('fal', o)).toBeUndefined();
  });

  it('requireKey returns a present key', () => {
    expect(requireKey('openai', options())).toBe('sk-dotenv-lookup-1');
  });

  it('requireKey names the missing variable and every place to set it', () => {
    let error: unknown;
    try {
      requireKey('fal', options());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingKeyError);
    const missing = error as MissingKeyError;
    expect(missing.code).toBe('MISSING_KEY');
    expect(missing.variable).toBe('FAL_KEY');
    expect(missing.message).toBe('Missing FAL_KEY: set it in the environment, in BOARDS_GENERATOR_API_KEYS or in .env');
    expect(missing.message).not.toContain(PLANTED);
  });

  it('names REPLICATE_API_TOKEN when replicate has no key', () => {
    expect(() => requireKey('replicate', { env: {}, envFile: false })).toThrow(/^Missing REPLICATE_API_TOKEN/);
  });
});

describe('planted keys never reach error messages', () => {
  const messageOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      return (error as Error).message + String((error as Error).stack);
    }
    throw new Error('expected a throw');
  };

  it('when a later JSON entry is invalid', () => {
    const env = { BOARDS_GENERATOR_API_KEYS: `{"replicate":"${PLANTED}","fal":42}` };
    expect(messageOf(() => getKey('replicate', { env, envFile: false }))).not.toContain(PLANTED);
  });

  it('when the JSON is malformed around the key', () => {
    const env = { BOARDS_GENERATOR_API_KEYS: `{"replicate":"${PLANTED}"` };
    const message = messageOf(() => requireKey('replicate', { env, envFile: false }));
    expect(message).toContain('BOARDS_GENERATOR_API_KEYS');
    expect(message).not.toContain(PLANTED);
  });

  it('when a .env line holding the key is malformed', () => {
    const cwd = dirWithEnvFile(`# keys\nREPLICATE_API_TOKEN="${PLANTED}`);
    const message = messageOf(() => hasKey('replicate', { env: {}, cwd }));
    expect(message).toContain('.env line 2');
    expect(message).not.toContain(PLANTED);
  });
});
