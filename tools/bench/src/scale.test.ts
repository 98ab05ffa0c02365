import { scaleSectionOf, withScaleSection } from './scale';

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
