import { PassThrough } from 'node:stream';
import { Output, printable } from './output';

describe('output', () => {
  it('never lets echoed text drive the terminal: control characters are shown escaped', () => {
    const stderr = new PassThrough();
    const stdout = new PassThrough();
    const output = new Output(false, { stdout, stderr });
    output.note('error: Unknown generator "\x1b[2J\x1b[31mred\x07"');
    output.result('line\twith tab');
    const text = String(stderr.read());
    expect(text).toBe('error: Unknown generator "\\x1b[2J\\x1b[31mred\\x07"\n');
    expect(text).not.toContain('\x1b');
    expect(String(stdout.read())).toBe('line\twith tab\n');
    expect(printable('\x9b31m')).toBe('\\x9b31m');
  });
});
