import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Models of the catalogue this project follows (weirdfingers/boards) that have no generator package
 * here, each with the reason and the date it was established (tools/catalogue/left-out.json). The
 * README's catalogue lists them under the generators; a model leaves the list when its package lands.
 */
export interface LeftOutModel {
  provider: string;
  model: string;
  /** Why there is no package, e.g. the provider shut the model down (with the date). */
  reason: string;
  /** YYYY-MM-DD: when the reason was established (a shutdown date, or the date it was checked). */
  since: string;
}

/** Where the list is kept, from the workspace root (the scaffold takes a model off it when its package lands). */
export const LEFT_OUT_FILE = 'tools/catalogue/left-out.json';

/** tools/catalogue/left-out.json: the list, kept as data. */
export const LEFT_OUT: readonly LeftOutModel[] = (JSON.parse(readFileSync(join(__dirname, '..', 'left-out.json'), 'utf8')) as { models: LeftOutModel[] })
  .models;

/** The README's list of models left out, as markdown lines (none when the list is empty). */
export function renderLeftOut(models: readonly LeftOutModel[], packagedModels: ReadonlySet<string>): string[] {
  const left = models.filter((m) => !packagedModels.has(`${m.provider} ${m.model}`));
  if (left.length === 0) return [];
  return [
    '',
    `Models of the catalogue this project follows that have no generator here (${left.length}), with the reason:`,
    '',
    '| provider | model | reason | since |',
    '|---|---|---|---|',
    ...left.map((m) => `| ${m.provider} | \`${m.model}\` | ${m.reason.replace(/\|/g, '\\|')} | ${m.since} |`),
  ];
}
