/** A GitHub-flavoured markdown table; cells are escaped so a `|` in a value cannot break the row. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: ReadonlyArray<'l' | 'r'> = []): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The cells of each row of the markdown tables in `markdown` (header rows included, rule lines left out); an escaped `\|` stays in its cell, unescaped. */
export function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-:| ]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, line.endsWith('|') ? -1 : undefined)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|')),
    );
}

export interface Section {
  /** The heading, without the `##`. */
  title: string;
  body: string;
}

export function renderSections(title: string, intro: string, sections: readonly Section[]): string {
  return [`# ${title}`, '', intro.trim(), '', ...sections.flatMap((s) => [`## ${s.title}`, '', s.body.trim(), ''])].join('\n');
}
