import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { familyTag, familyTagProblems } from './families';
import { LEFT_OUT, renderLeftOut } from './left-out';

const WORKSPACE = join(__dirname, '../../..');

describe('family tags', () => {
  it("names the family by its last segment, dots as dashes, else by the generator's id", () => {
    expect(familyTag({ id: 'kie-nano-banana-edit', family: 'google/nano-banana-edit' })).toBe('family:nano-banana-edit');
    expect(familyTag({ id: 'seedream-v4-5', family: 'bytedance/seedream-4.5' })).toBe('family:seedream-4-5');
    expect(familyTag({ id: 'flux-schnell' })).toBe('family:flux-schnell');
  });

  it('finds every generator package of the workspace tagged with its family', () => {
    expect(familyTagProblems(WORKSPACE)).toEqual([]);
  });

  it('names a package without its family tag, and one tagged with another family', () => {
    const root = mkdtempSync(join(tmpdir(), 'families-'));
    try {
      const main = join(__dirname, '__fixtures__', 'generator.ts');
      for (const [dir, tags] of [
        ['fixture', ['generator']],
        ['other', ['generator', 'family:wrong']],
      ] as const) {
        mkdirSync(join(root, 'packages', dir), { recursive: true });
        writeFileSync(join(root, 'packages', dir, 'package.json'), JSON.stringify({ name: `@boards/${dir}`, main, boards: { generator: 'fixture' } }));
        writeFileSync(join(root, 'packages', dir, 'project.json'), JSON.stringify({ name: dir, tags }));
      }
      const problems = familyTagProblems(root);
      expect(problems).toHaveLength(2);
      expect(problems.join('\n')).toMatch(/fixture: project.json has no family tag; add "family:fixture"/);
      expect(problems.join('\n')).toMatch(/fixture: project.json has family:wrong; add "family:fixture"/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('models left out', () => {
  // The retired gpt-image models on fal left this list when their (retired) packages landed: the row is a fixture's.
  it('lists each model with its reason and date, escaping the table pipe', () => {
    const lines = renderLeftOut([{ provider: 'fal', model: 'fal-ai/old', reason: 'shut down | use fal-ai/new', since: '2026-10-23' }], new Set());
    expect(lines).toContain('| fal | `fal-ai/old` | shut down \\| use fal-ai/new | 2026-10-23 |');
    expect(LEFT_OUT.every((m) => /^\d{4}-\d{2}-\d{2}$/.test(m.since) && m.reason.trim() !== '')).toBe(true);
  });

  it('drops a model once a generator package serves it, and renders nothing when none is left', () => {
    const packaged = new Set(LEFT_OUT.map((m) => `${m.provider} ${m.model}`));
    expect(renderLeftOut(LEFT_OUT, packaged)).toEqual([]);
    const one = renderLeftOut(LEFT_OUT, new Set([...packaged].filter((k) => k !== 'fal fal-ai/reve/edit')));
    expect(one.filter((l) => l.startsWith('| fal'))).toEqual([expect.stringContaining('`fal-ai/reve/edit`')]);
  });
});
