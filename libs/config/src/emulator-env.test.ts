import { applyVariables, DUMMY_KEYS, emulatorVariables } from './emulator-env';

const urls = { replicateBaseUrl: 'http://e/replicate/v1', falBaseUrl: 'http://e/fal', openaiBaseUrl: 'http://e/openai/v1' };

describe('emulator variables', () => {
  it('point every adapter at the emulator, with dummy keys only where asked', () => {
    const ifMissing = new Map(emulatorVariables(urls, { dummyKeys: 'if-missing', env: { FAL_KEY: 'real-key-value-123' } }));
    expect(ifMissing.get('BOARDS_FAL_BASE_URL')).toBe('http://e/fal');
    expect(ifMissing.get('REPLICATE_API_TOKEN')).toBe(DUMMY_KEYS.replicate);
    expect(ifMissing.has('FAL_KEY')).toBe(false);
    expect(new Map(emulatorVariables(urls, { dummyKeys: 'always', env: { FAL_KEY: 'x' } })).get('FAL_KEY')).toBe(DUMMY_KEYS.fal);
  });

  it('puts the environment back as it was', () => {
    const env: NodeJS.ProcessEnv = { BOARDS_FAL_BASE_URL: 'before' };
    const restore = applyVariables(emulatorVariables(urls, { dummyKeys: 'always', env }), env);
    expect(env.BOARDS_FAL_BASE_URL).toBe('http://e/fal');
    restore();
    expect(env).toEqual({ BOARDS_FAL_BASE_URL: 'before' });
  });
});
