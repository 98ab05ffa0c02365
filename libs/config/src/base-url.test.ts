import { InvalidConfigError } from '@boards/core';
import { providerBaseUrl } from './base-url';

describe('providerBaseUrl', () => {
  it('returns the override for the provider', () => {
    const env = { BOARDS_FAL_BASE_URL: 'http://127.0.0.1:4010/fal', BOARDS_OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1' };
    expect(providerBaseUrl('fal', env)).toBe('http://127.0.0.1:4010/fal');
    expect(providerBaseUrl('openai', env)).toBe('http://127.0.0.1:4010/v1');
    expect(providerBaseUrl('replicate', env)).toBeUndefined();
  });

  it('treats an empty value as unset', () => {
    expect(providerBaseUrl('replicate', { BOARDS_REPLICATE_BASE_URL: '' })).toBeUndefined();
  });

  it('rejects a value that is not an http(s) URL, naming the variable', () => {
    expect(() => providerBaseUrl('fal', { BOARDS_FAL_BASE_URL: '127.0.0.1:4010' })).toThrow(InvalidConfigError);
    expect(() => providerBaseUrl('fal', { BOARDS_FAL_BASE_URL: 'not a url' })).toThrow(/^Invalid BOARDS_FAL_BASE_URL/);
    expect(() => providerBaseUrl('openai', { BOARDS_OPENAI_BASE_URL: 'ftp://example.com' })).toThrow(/^Invalid BOARDS_OPENAI_BASE_URL/);
  });

  it('reads process.env by default', () => {
    process.env.BOARDS_REPLICATE_BASE_URL = 'http://127.0.0.1:9/';
    try {
      expect(providerBaseUrl('replicate')).toBe('http://127.0.0.1:9/');
    } finally {
      delete process.env.BOARDS_REPLICATE_BASE_URL;
    }
  });
});
