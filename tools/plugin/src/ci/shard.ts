/**
 * Splits the affected projects of a CI run into shards for a GitHub Actions matrix. The split
 * is deterministic (sorted names dealt round-robin), so every job of the matrix, and a re-run,
 * computes the same shards from the same list.
 */
export interface Shard {
  /** 1-based, for job names ("test 2/3"). */
  shard: number;
  of: number;
  /** Comma-separated, as `nx run-many --projects=` takes them. */
  projects: string;
}

export function splitIntoShards(projects: readonly string[], shards: number): Shard[] {
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`--shards must be a whole number of at least 1, got ${shards}`);
  const names = [...new Set(projects)].sort();
  const buckets: string[][] = Array.from({ length: Math.min(shards, names.length) }, () => []);
  names.forEach((name, i) => buckets[i % buckets.length].push(name));
  return buckets.map((bucket, i) => ({ shard: i + 1, of: buckets.length, projects: bucket.join(',') }));
}

const USAGE = 'usage: nx show projects --affected -t test --json | node tools/plugin/scripts/shard.js --shards <n> [--github-output]';

/**
 * The command: reads the JSON array of project names on stdin and prints the matrix
 * (`{"include":[...]}`), or with --github-output the `matrix=` and `count=` lines for $GITHUB_OUTPUT.
 */
export function runShardCommand(argv: readonly string[], stdin: string): { code: number; out: string } {
  const at = argv.indexOf('--shards');
  const shards = at >= 0 ? Number(argv[at + 1]) : NaN;
  let projects: unknown;
  try {
    projects = JSON.parse(stdin);
  } catch {
    return { code: 2, out: `stdin is not JSON (expected the output of nx show projects --json)\n${USAGE}` };
  }
  if (!Array.isArray(projects) || projects.some((p) => typeof p !== 'string')) return { code: 2, out: `stdin must be a JSON array of project names\n${USAGE}` };
  let include: Shard[];
  try {
    include = splitIntoShards(projects as string[], shards);
  } catch (error) {
    return { code: 2, out: `${(error as Error).message}\n${USAGE}` };
  }
  const matrix = JSON.stringify({ include });
  return { code: 0, out: argv.includes('--github-output') ? `matrix=${matrix}\ncount=${include.length}` : matrix };
}
