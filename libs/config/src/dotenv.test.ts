import { BoardsError, InvalidConfigError } from '@boards/core';
import { parseDotEnv } from './dotenv';

const PLANTED = 'sk-planted-dotenv-0123456789abcdef';

function parseError(text: string): InvalidConfigError {
  try {
    parseDotEnv(text, '/repo/.env');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return error as InvalidConfigError;
  }
  throw new Error('expected parseDotEnv to throw');
}

describe('parseDotEnv', () => {
  it('reads KEY=VALUE lines, skipping blank lines and # comments', () => {
    const text = ['# keys for local runs', '', 'FAL_KEY=abc', '   ', '  # indented comment', 'OPENAI_API_KEY = def  '].join('\n');
    expect(parseDotEnv(text)).toEqual({ FAL_KEY: 'abc', OPENAI_API_KEY: 'def' });
  });

  it('accepts an export prefix and CRLF line ends', () => {
    expect(parseDotEnv('export FAL_KEY=abc\r\nexport  REPLICATE_API_TOKEN=r8_x\r\n')).toEqual({
      FAL_KEY: 'abc',
      REPLICATE_API_TOKEN: 'r8_x',
    });
  });

  it('keeps = and # inside unquoted values but drops a comment after whitespace', () => {
    expect(parseDotEnv('A=x=y==\nB=abc#def\nC=abc # comment\nD=')).toEqual({ A: 'x=y==', B: 'abc#def', C: 'abc', D: '' });
  });

  it('takes single-quoted values literally', () => {
    expect(parseDotEnv(String.raw`A='a \n # b' # trailing comment`)).toEqual({ A: String.raw`a \n # b` });
  });

  it('expands escapes in double-quoted values', () => {
    expect(parseDotEnv(String.raw`A="line1\nline2\t\"q\" \\ # kept"`)).toEqual({ A: 'line1\nline2\t"q" \\ # kept' });
  });

  it('lets a later line override an earlier one', () => {
    expect(parseDotEnv('A=1\nA=2')).toEqual({ A: '2' });
  });

  it.each([
    ['a line without =', `${PLANTED}`, 2],
    ['an invalid variable name', `1BAD=${PLANTED}`, 2],
    ['an unterminated double quote', `FAL_KEY="${PLANTED}`, 2],
    ['an unterminated single quote', `FAL_KEY='${PLANTED}`, 2],
    ['text after the closing quote', `FAL_KEY="${PLANTED}" extra`, 2],
  ])('rejects %s, naming the file line but not the value', (_label, line, lineNumber) => {
    const error = parseError(`OK=1\n${line}\nLATER=2`);
    expect(BoardsError.isInstance(error)).toBe(true);
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.setting).toBe(`/repo/.env line ${lineNumber}`);
    expect(error.message).toContain(`/repo/.env line ${lineNumber}`);
    expect(error.message).not.toContain(PLANTED);
    expect(error.message).not.toContain(PLANTED.slice(0, 10));
  });

  it('names the variable of a badly quoted line', () => {
    expect(parseError(`FAL_KEY="${PLANTED}`).message).toContain('FAL_KEY');
  });

  it('refuses a key whose value holds a line break, naming the line (it would fail later, inside an HTTP header)', () => {
    expect(() => parseDotEnv('# keys\nFAL_KEY="abc\\ndef"\n', '/x/.env')).toThrow(/Invalid \/x\/.env line 2: FAL_KEY: the value holds a line break/);
    expect(parseDotEnv('GREETING="a\\nb"\n')).toEqual({ GREETING: 'a\nb' });
  });
});
