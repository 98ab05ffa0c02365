import { renderSuite, tasksFromProfile, type SuiteRun } from './suite';

const event = (project: string, ms: number, status: string) => ({
  name: `${project}:test`,
  ph: 'X',
  dur: ms * 1000,
  args: { target: { project, target: 'test' }, status },
});

describe('unit suite figures', () => {
  it('reads test task durations from an NX_PROFILE trace', () => {
    const trace = [
      { name: 'thread_name', ph: 'M', args: { name: 'Group #1' } },
      event('core', 4000, 'success'),
      { ...event('core', 9, 'success'), args: { target: { project: 'core', target: 'lint' } } },
    ];
    expect(tasksFromProfile(trace)).toEqual([{ project: 'core', ms: 4000, status: 'success' }]);
    expect(tasksFromProfile({ not: 'a trace' })).toEqual([]);
  });

  it('compares cold and cached medians and keeps failing projects out of the cached figures', () => {
    const run = (wallMs: number, tasks: Array<[string, number, string]>): SuiteRun => ({
      wallMs,
      code: 0,
      tasks: tasks.map(([project, ms, status]) => ({ project, ms, status })),
    });
    const cold = [
      run(60_000, [
        ['core', 4000, 'success'],
        ['cli', 9000, 'failure'],
      ]),
      run(62_000, [
        ['core', 5000, 'success'],
        ['cli', 9000, 'failure'],
      ]),
    ];
    const cached = [run(2_000, [['core', 40, 'local-cache']]), run(3_000, [['core', 60, 'local-cache']])];
    const text = renderSuite(cold, cached);
    expect(text).toContain('| **61.0 s** | **2.50 s** | **24.4x** |');
    expect(text).toMatch(/\| core \| 4.50 s \| 50 ms \| 2\/2 \|/);
    expect(text).toMatch(/\| cli \| 9.00 s \| - \| - \| failed in 2\/2 cold runs/);
    expect(text).toContain('left out of the cached runs): cli.');
  });
});
