import { dummyKey, emulatorSettings, emulatorVariables } from './emulator-env';

const urls = { url: 'http://e', baseUrls: { fal: 'http://e/fal-from-the-emulator' } };

describe('emulator variables', () => {
  it("point every installed adapter at the emulator (its own base URL, else the descriptor's path), with dummy keys only where asked", () => {
    const ifMissing = new Map(emulatorVariables(urls, { dummyKeys: 'if-missing', env: { FAL_KEY: 'real-key-value-123' } }));
    expect(ifMissing.get('BOARDS_FAL_BASE_URL')).toBe('http://e/fal-from-the-emulator');
    expect(ifMissing.get('BOARDS_REPLICATE_BASE_URL')).toBe('http://e/replicate/v1');
    expect(ifMissing.get('BOARDS_OPENAI_BASE_URL')).toBe('http://e/openai/v1');
    expect(ifMissing.get('BOARDS_REPLICATE_WAIT_SECONDS')).toBe('1');
    expect(ifMissing.get('REPLICATE_API_TOKEN')).toBe(dummyKey('replicate'));
    expect(ifMissing.has('FAL_KEY')).toBe(false);
    expect(new Map(emulatorVariables(urls, { dummyKeys: 'always', env: { FAL_KEY: 'x' } })).get('FAL_KEY')).toBe(dummyKey('fal'));
    expect(new Map(emulatorVariables(urls, { dummyKeys: 'never', env: {} })).has('OPENAI_API_KEY')).toBe(false);
  });

  it('refuses a provider no installed adapter describes, naming the installed ones', () => {
    expect(() => dummyKey('nope')).toThrow(/no installed adapter describes "nope" \(installed: [^)]*fal[^)]*\)/);
  });

  it('are settings values: every adapter at the emulator with its dummy key, the short Replicate wait unless provider waits are asked', () => {
    const settings = emulatorSettings(urls);
    expect(settings.providers?.fal).toEqual({ apiKey: dummyKey('fal'), baseUrl: 'http://e/fal-from-the-emulator' });
    expect(settings.providers?.replicate).toEqual({ apiKey: dummyKey('replicate'), baseUrl: 'http://e/replicate/v1', waitSeconds: 1 });
    expect(emulatorSettings(urls, { waits: 'provider' }).providers?.replicate).toEqual({ apiKey: dummyKey('replicate'), baseUrl: 'http://e/replicate/v1' });
    const kept = emulatorSettings(urls, { keysOf: { providers: { fal: { apiKey: 'own-fal-key-1', baseUrl: 'https://elsewhere' } } } });
    expect(kept.providers?.fal).toEqual({ apiKey: 'own-fal-key-1', baseUrl: 'http://e/fal-from-the-emulator' });
    expect(kept.providers?.openai?.apiKey).toBe(dummyKey('openai'));
  });
});
