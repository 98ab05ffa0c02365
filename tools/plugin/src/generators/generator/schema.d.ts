/** Options of `nx g @boards/tools:generator` (see schema.json for the descriptions). */
export interface GeneratorGeneratorSchema {
  name: string;
  /** An installed provider adapter's name (its descriptor's `name`). */
  provider: string;
  model: string;
  artifact: 'image' | 'video' | 'audio' | 'text';
  /** USD per unit; yargs may hand over a number. */
  price?: string | number;
  unit?: 'image' | 'megapixel' | 'second' | 'minute' | '1k-characters' | 'request';
  checkedOn?: string;
  source?: string;
  skipInstall?: boolean;
}
