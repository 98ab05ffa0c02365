/** Options of `nx g @boards/tools:generator` (see schema.json for the descriptions). */
export interface GeneratorGeneratorSchema {
  /** Default: the model id's path without the owner (fal-ai/flux-2-pro -> flux-2-pro). */
  name?: string;
  /** An installed provider adapter's name (its descriptor's `name`). */
  provider: string;
  model: string;
  /** Default: what the snapshot's output schema returns. */
  artifact?: 'image' | 'video' | 'audio' | 'text';
  /** A stored snapshot (provider document) to build from; default for fal: seeded from the fal client's endpoint types. */
  snapshot?: string;
  /** Provider-free model family (a `family:<name>` tag); default: the generator id. */
  family?: string;
  /** USD per unit, or `unknown` when no price can be verified; yargs may hand over a number. */
  price?: string | number;
  /** With `--price=unknown`: why (where a price was looked for). */
  reason?: string;
  unit?: 'image' | 'megapixel' | 'second' | 'minute' | '1k-characters' | 'request';
  checkedOn?: string;
  source?: string;
  skipInstall?: boolean;
}
