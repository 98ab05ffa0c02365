/**
 * Reading the providers' published documents over the network (free calls, no generation):
 * JSON, YAML or a markdown page's fenced YAML block, bounded in size, time and parse size.
 * Which documents a provider publishes is its descriptor's `published.document` (snapshots.ts).
 */
import { Lexer, parse as parseYaml } from 'yaml';
import { fetchBounded, SCHEMA_LIMITS, type FetchLimits } from './bounded-fetch';

type Json = Record<string, unknown>;

/**
 * Parsing costs memory per value, not per byte: 20 MiB of `[{},{},...]` is 7 million objects
 * (over 700 MB parsed), and the YAML parser keeps a syntax tree of some 300 bytes a token (20 MiB
 * of `- []` lines exhausts a 4 GB heap). A document is counted before it is parsed; these
 * bounds are far above a real spec (OpenAI's whole spec: some hundreds of thousands of tokens)
 * and keep a hostile one to a few hundred MB.
 */
export const MAX_JSON_CONTAINERS = 1_000_000;
export const MAX_YAML_TOKENS = 1_000_000;

/** `{` and `[` in the text (those inside strings too: an upper bound on the objects and arrays). */
function jsonContainers(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) count++;
  }
  return count;
}

/** Whether the YAML text lexes to more than `max` tokens; stops counting there. */
function yamlTokensOver(text: string, max: number): boolean {
  let count = 0;
  for (const _token of new Lexer().lex(text)) if (++count > max) return true;
  return false;
}

const OPENING_FENCE = /^(`{3,})ya?ml\b/;
const CLOSING_FENCE = /^(`{3,})[ \t]*$/;

/**
 * The first fenced YAML block of a markdown page (```yaml or ````yaml, with anything after the
 * tag, closed by a line of the same backticks), or undefined. One pass over the lines: a
 * regular expression with a lazy body and a back-reference takes quadratic time on a page of
 * unclosed fences, and the page comes from a server.
 */
function fencedYaml(text: string): string | undefined {
  const lines = text.split('\n');
  /** Fence -> the line of its earliest opening not yet closed: a later closing of that fence closes it first. */
  const open = new Map<string, number>();
  let best: { from: number; to: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const opening = OPENING_FENCE.exec(line);
    if (opening) {
      if (!open.has(opening[1])) open.set(opening[1], i);
      continue;
    }
    const closing = CLOSING_FENCE.exec(line);
    const from = closing ? open.get(closing[1]) : undefined;
    if (from === undefined || (best && best.from < from)) continue;
    best = { from, to: i };
    // Every opening before `from` is still open: only one of those could come before this block.
    if ([...open.values()].every((line) => line >= from)) break;
    open.delete(closing?.[1] as string);
  }
  return best && lines.slice(best.from + 1, best.to).join('\n');
}

/**
 * The document a published source answered: JSON, YAML (OpenAI publishes its spec so; JSON is
 * YAML too), or a markdown documentation page whose first fenced YAML block is the OpenAPI of
 * the page (as some providers publish one page a model).
 */
export function documentFrom(text: string, url: string, bounds = { jsonContainers: MAX_JSON_CONTAINERS, yamlTokens: MAX_YAML_TOKENS }): Json {
  const json = /^\s*[{[]/.test(text);
  const yaml = json ? '' : (fencedYaml(text) ?? text);
  if (json && jsonContainers(text) > bounds.jsonContainers)
    throw new Error(`GET ${url} answered a JSON document of more than ${bounds.jsonContainers} objects and arrays: too large to be a schema, not parsed`);
  if (!json && yamlTokensOver(yaml, bounds.yamlTokens))
    throw new Error(`GET ${url} answered a YAML document of more than ${bounds.yamlTokens} tokens: too large to be a schema, not parsed`);
  let doc: unknown;
  try {
    doc = json ? JSON.parse(text) : parseYaml(yaml);
  } catch (error) {
    throw new Error(`GET ${url} did not answer a JSON or YAML document (${(error as Error).message.split('\n')[0]})`);
  }
  if (!doc || typeof doc !== 'object') throw new Error(`GET ${url} did not answer a JSON or YAML document, nor a page with a fenced YAML block`);
  return doc as Json;
}

/** The document at `url`, read within `limits` (20 MiB and 30 s by default). */
export async function getDocument(url: string, headers: Record<string, string> = {}, limits: FetchLimits = SCHEMA_LIMITS): Promise<Json> {
  const text = await fetchBounded(url, { accept: 'application/json', ...headers }, limits, 'the published schema');
  return documentFrom(text, url);
}
