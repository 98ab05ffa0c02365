import { InvalidConfigError, MissingKeyError, redactSecrets } from '@boards/core';
import { providerConnection } from './connection';

const settings = { providers: { replicate: { apiKey: 'tenant-rep-key-1', waitSeconds: 2 }, fal: { apiKey: 'id:secret', baseUrl: 'http://127.0.0.1:9/fal' } } };

describe('providerConnection', () => {
  it("takes the settings' key and base URL, the provider's real API when none is named, and the adapter's own options first", () => {
    expect(providerConnection('replicate', settings)).toEqual({ apiKey: 'tenant-rep-key-1', baseUrl: 'https://api.replicate.com/v1', waitSeconds: 2 });
    expect(providerConnection('fal', settings)).toEqual({ apiKey: 'id:secret', baseUrl: 'http://127.0.0.1:9/fal' });
    expect(providerConnection('fal', settings, { apiKey: 'own-key-1', baseUrl: 'http://127.0.0.1:8/fal' })).toEqual({
      apiKey: 'own-key-1',
      baseUrl: 'http://127.0.0.1:8/fal',
    });
  });

  it('names the key variable and the settings field of a missing key', () => {
    expect(() => providerConnection('openai', settings)).toThrow(MissingKeyError);
    expect(() => providerConnection('openai', settings)).toThrow(/^Missing OPENAI_API_KEY: .*settings\.providers\.openai\.apiKey/);
  });

  it('names the field of a base URL that is not http(s), never its value', () => {
    const bad = { providers: { openai: { apiKey: 'k-1234567890', baseUrl: 'file:///very-secret-path' } } };
    expect(() => providerConnection('openai', bad)).toThrow(InvalidConfigError);
    expect(() => providerConnection('openai', bad)).toThrow(/^Invalid settings\.providers\.openai\.baseUrl: must be an http/);
    expect(() => providerConnection('openai', bad)).not.toThrow(/very-secret/);
  });

  it("registers a program's key as a secret, so no error or log line can print it", () => {
    const key = 'tenant-given-key-7Qm2xV9pLk3s';
    providerConnection('replicate', { providers: { replicate: { apiKey: key } } });
    expect(redactSecrets(`the answer echoed ${key}`)).toBe('the answer echoed [REDACTED]');
  });
});
