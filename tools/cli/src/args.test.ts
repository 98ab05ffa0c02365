import { parseArgs, type FlagSpec } from './args';

const specs: FlagSpec[] = [
  { name: 'out', kind: 'value' },
  { name: 'yes', kind: 'boolean', short: 'y' },
  { name: 'seed', kind: 'value' },
  { name: 'tag', kind: 'value', repeatable: true },
];
const values = (argv: string[]) => Object.fromEntries(parseArgs(argv, specs).values);

describe('parseArgs', () => {
  it('reads values separated or after =, negative numbers included', () => {
    expect(values(['--out', 'dir', '--seed=-5'])).toEqual({ out: ['dir'], seed: ['-5'] });
    expect(values(['--seed', '-5'])).toEqual({ seed: ['-5'] });
  });

  it('reads booleans as --x, -x, --no-x, --x=false and --x false', () => {
    expect(values(['-y'])).toEqual({ yes: [true] });
    expect(values(['--no-yes'])).toEqual({ yes: [false] });
    expect(values(['--yes=false'])).toEqual({ yes: [false] });
    expect(parseArgs(['--yes', 'false', 'pos'], specs)).toMatchObject({ values: new Map([['yes', [false]]]), positionals: ['pos'] });
  });

  it('keeps positionals and everything after --', () => {
    expect(parseArgs(['a', '--yes', 'b', '--', '--out'], specs).positionals).toEqual(['a', 'b', '--out']);
  });

  it('accumulates repeatable flags and refuses other repeats', () => {
    expect(values(['--tag', 'a', '--tag', 'b'])).toEqual({ tag: ['a', 'b'] });
    expect(() => parseArgs(['--out', 'a', '--out', 'b'], specs)).toThrow('--out is given more than once');
  });

  it('refuses a value flag followed by another flag, and unknown flags unless asked to collect them', () => {
    expect(() => parseArgs(['--out', '--yes'], specs)).toThrow('--out needs a value');
    expect(() => parseArgs(['--nope'], specs)).toThrow('unknown option --nope');
    expect(parseArgs(['--nope', '3', '--flag', '--yes'], specs, { allowUnknown: true }).unknown).toEqual([
      { name: 'nope', value: '3' },
      { name: 'flag', value: true },
    ]);
  });
});
