import { InvalidConfigError } from '@boards/core';
import { parseKeysJson } from './keys-json';

const PLANTED = 'fal-planted-json-0123456789abcdef';

function parseError(text: string): InvalidConfigError {
  try {
    parseKeysJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return error as InvalidConfigError;
  }
  throw new Error('expected parseKeysJson to throw');
}

describe('parseKeysJson', () => {
  it('reads variable names and maps provider names to their variables', () => {
    expect(parseKeysJson('{"replicate":"r","fal":"f","openai":"o","OTHER_TOKEN":"x"}')).toEqual({
      REPLICATE_API_TOKEN: 'r',
      FAL_KEY: 'f',
      OPENAI_API_KEY: 'o',
      OTHER_TOKEN: 'x',
    });
  });

  it('treats empty strings as unset', () => {
    expect(parseKeysJson('{"FAL_KEY":"","OPENAI_API_KEY":"o"}')).toEqual({ OPENAI_API_KEY: 'o' });
  });

  it('names the setting for malformed JSON without echoing the text', () => {
    const error = parseError(`{"PLANTED_VARIABLE":"${PLANTED}",}`);
    expect(error.setting).toBe('BOARDS_GENERATOR_API_KEYS');
    expect(error.message).toMatch(/^Invalid BOARDS_GENERATOR_API_KEYS: not valid JSON/);
    expect(error.message).not.toContain(PLANTED);
    expect(error.message).not.toContain('PLANTED_VARIABLE');
    expect(error.cause).toBeUndefined();
  });

  it.each([
    ['an array', `["${PLANTED}"]`],
    ['a string', `"${PLANTED}"`],
    ['null', 'null'],
  ])('rejects %s at the top level', (_label, text) => {
    const error = parseError(text);
    expect(error.setting).toBe('BOARDS_GENERATOR_API_KEYS');
    expect(error.message).not.toContain(PLANTED);
  });

  it('names the entry whose value is not a string, without the value', () => {
    const error = parseError(`{"OPENAI_API_KEY":"ok-value-123456","FAL_KEY":{"nested":"${PLANTED}"}}`);
    expect(error.setting).toBe('BOARDS_GENERATOR_API_KEYS.FAL_KEY');
    expect(error.message).toContain('must be a string, not an object');
    expect(error.message).not.toContain(PLANTED);
    expect(error.message).not.toContain('ok-value-123456');
  });

  it('names a numeric value by its entry only', () => {
    expect(parseError('{"replicate":123456789}').setting).toBe('BOARDS_GENERATOR_API_KEYS.replicate');
  });

  it('does not echo an entry name that looks like a pasted key', () => {
    const error = parseError(`{"${PLANTED}":"FAL_KEY"}`);
    expect(error.setting).toBe('BOARDS_GENERATOR_API_KEYS[entry 1]');
    expect(error.message).not.toContain(PLANTED);
  });

  it('refuses a misspelled key variable, naming the one it resembles, instead of ignoring it', () => {
    const error = parseError('{"REPLICATE_API_TOKN":"r8-value-123456"}');
    expect(error.setting).toBe('BOARDS_GENERATOR_API_KEYS.REPLICATE_API_TOKN');
    expect(error.message).toContain('did you mean REPLICATE_API_TOKEN?');
  });

  it('refuses a setting that is not a key (a base URL is not taken from the keys JSON)', () => {
    const error = parseError('{"BOARDS_FAL_BASE_URL":"http://127.0.0.1:9/fal"}');
    expect(error.setting).toBe('BOARDS_GENERATOR_API_KEYS.BOARDS_FAL_BASE_URL');
    expect(error.message).toMatch(/is not a key variable/);
  });

  it('refuses a key pasted as a name without echoing it', () => {
    const pasted = 'r8_PastedAsName0123456789abcdef';
    const error = parseError(`{"${pasted}":"x"}`);
    expect(error.setting).toBe('BOARDS_GENERATOR_API_KEYS[entry 1]');
    expect(error.message).toMatch(/is a key pasted as a name/);
    expect(error.message).not.toContain(pasted);
  });

  it('refuses a value with a line break (it would fail later, inside an HTTP header)', () => {
    expect(parseError('{"FAL_KEY":"abc\\ndef"}').message).toMatch(/line break/);
  });

  it('rejects a variable given both by name and by alias', () => {
    const error = parseError(`{"FAL_KEY":"${PLANTED}","fal":"other-value-123"}`);
    expect(error.setting).toBe('BOARDS_GENERATOR_API_KEYS.fal');
    expect(error.message).toContain('FAL_KEY is given twice');
    expect(error.message).not.toContain(PLANTED);
  });
});

describe('a key pasted as a name', () => {
  it('is reported by position, never printed', () => {
    const pasted = 'r8_PastedTokenValue0123456789abcdefABCDEF';
    const message = (() => {
      try {
        parseKeysJson(JSON.stringify({ [pasted]: 42 }));
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('BOARDS_GENERATOR_API_KEYS[entry 1]');
    expect(message).not.toContain(pasted);
    expect(() => parseKeysJson(JSON.stringify({ FAL_KEY: 42 }))).toThrow('BOARDS_GENERATOR_API_KEYS.FAL_KEY');
  });
});
