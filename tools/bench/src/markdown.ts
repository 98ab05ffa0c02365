/** A GitHub-flavoured markdown table; cells are escaped so a `|` in a value cannot break the row. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: ReadonlyArray<'l' | 'r'> = []): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export interface Section {
  /** The heading, without the `##`. */
  title: string;
  body: string;
}

export function renderSections(title: string, intro: string, sections: readonly Section[]): string {
  return [`# ${title}`, '', intro.trim(), '', ...sections.flatMap((s) => [`## ${s.title}`, '', s.body.trim(), ''])].join('\n');
}
