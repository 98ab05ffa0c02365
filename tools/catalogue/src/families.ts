/**
 * Model families as Nx tags: every generator package carries `family:<name>`, the last segment of
 * its `family` (google/nano-banana-edit -> nano-banana-edit; dots as dashes), or its own id when it names none, so
 * a team selects what it pays for: `nx run-many -t test-live --projects=tag:family:veo3`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findGeneratorPackages, loadGenerator, type AnyGenerator } from '@boards/core';

/** The family tag `generator`'s project must carry. */
export function familyTag(generator: Pick<AnyGenerator, 'id' | 'family'>): string {
  return `family:${(generator.family ?? generator.id).split('/').pop()?.replace(/\./g, '-')}`;
}

/** Generator packages whose project.json lacks their family tag, or carries another family's: one line each. */
export function familyTagProblems(workspaceRoot: string): string[] {
  return findGeneratorPackages(workspaceRoot).flatMap((pkg) => {
    const projectFile = join(pkg.dir, 'project.json');
    const tags: string[] = existsSync(projectFile) ? (JSON.parse(readFileSync(projectFile, 'utf8')).tags ?? []) : [];
    const expected = familyTag(loadGenerator(pkg));
    const families = tags.filter((t) => t.startsWith('family:'));
    if (families.length === 1 && families[0] === expected) return [];
    const found = families.length ? `has ${families.join(', ')}` : 'has no family tag';
    return [`${pkg.id}: project.json ${found}; add "${expected}" (its family, from the generator's \`family\` or its id)`];
  });
}
