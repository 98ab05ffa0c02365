import { SCALE_ROWS, scaleFigures, scaleSectionOf, withScaleSection } from './scale';

const file = [
  '# Benchmarks',
  '',
  'intro',
  '',
  '## Unit suite',
  '',
  'suite body',
  '',
  '## Scale: at 100',
  '',
  'old figures',
  '',
  '## Scaffold',
  '',
  'scaffold body',
  '',
].join('\n');

describe('the scale section of BENCHMARKS.md', () => {
  it('is found by its heading, and replaced in place without touching the other sections', () => {
    expect(scaleSectionOf(file)).toEqual({ title: 'Scale: at 100', body: 'old figures' });
    const updated = withScaleSection(file, { title: 'Scale: at 100', body: 'new figures' });
    expect(updated).toContain('## Scale: at 100\n\nnew figures\n\n## Scaffold\n\nscaffold body');
    expect(updated).toContain('## Unit suite\n\nsuite body');
    expect(updated).not.toContain('old figures');
  });

  it('is appended when the file has none, and a file without one has no scale section', () => {
    const without = '# Benchmarks\n\nintro\n\n## Unit suite\n\nbody\n';
    expect(scaleSectionOf(without)).toBeUndefined();
    expect(withScaleSection(without, { title: 'Scale: x', body: 'figures' })).toBe(
      '# Benchmarks\n\nintro\n\n## Unit suite\n\nbody\n\n## Scale: x\n\nfigures\n',
    );
  });
});

describe("goals 1 and 6 read back from a scale section's table", () => {
  const body = [
    'Measured by `npm run bench -- --scale` in 1928.8 s on 2026-12-01T13:38:57.898Z, 2 cores, load average 7.1 / 10.2 / 13.3 (1 / 5 / 15 min) when it ended.',
    '',
    'In a snapshot of the working tree: ...',
    '',
    '|  | 9 generators | 100 generators | ratio | goal |',
    '|---|---:|---:|---:|---|',
    `| ${SCALE_ROWS.cold} | 474.9 s | 878.2 s | 1.85x | <= 2x: met |`,
    `| ${SCALE_ROWS.tasks} | 22 / 3 | 113 / 4 |  | green: **missed** provider-fal, cli, tools, reliability |`,
    '| `nx run-many -t test`, everything cached | 20.3 s | 4.89 s | 0.24x |  |',
    '| `nx affected -t test` after a fal adapter change | - | 342.4 s (48 tasks) |  | exit 1: - tools:test \\| x |',
    `| ${SCALE_ROWS.lock} | - | 0 of 109 |  | 0 (cache kept): met |`,
    '',
    'Cold runs: 22 and 113 test tasks, exit codes 1 and 1. Failing at 100: provider-fal, cli, tools, reliability.',
  ].join('\n');

  it('finds the cold times, task counts, failing projects, the lock-file row and when the run was made', () => {
    expect(scaleFigures({ title: 'Scale', body })).toEqual({
      measuredAt: '2026-12-01T13:38:57.898Z',
      small: { generators: 9, coldMs: 474_900, tasks: 22, failed: 3 },
      large: { generators: 100, coldMs: 878_200, tasks: 113, failed: 4 },
      failing: ['provider-fal', 'cli', 'tools', 'reliability'],
      lockRan: 0,
      lockOf: 109,
    });
  });

  it('has no figures for a section without those rows', () => {
    expect(scaleFigures({ title: 'Scale', body: 'not measured: the scaffold failed' })).toBeUndefined();
    expect(scaleFigures({ title: 'Scale', body: body.replace(SCALE_ROWS.lock, 'something else') })).toBeUndefined();
  });
});
