/**
 * The providers' current published input schemas, fetched over the network (free calls, no
 * generation). Where each provider publishes them, and where in that document a model's input
 * schema is, is its descriptor's `published` (e.g. a per-endpoint OpenAPI, a model version's
 * `openapi_schema`, one OpenAPI spec for all models). Source URLs are settings so tests point
 * them at a loopback server.
 */
import { Lexer, parse as parseYaml } from 'yaml';
import { getKey } from '@boards/config';
import { requireProvider, type AnyGenerator, type PublishedSchemaSource } from '@boards/core';
import { factsFromJsonSchema, type SchemaFacts } from '@boards/testing/drift';
import { fetchBounded, SCHEMA_LIMITS, type FetchLimits } from './bounded-fetch';
import { checkSchemaGraph } from './schema-graph';

export type Published = { facts: SchemaFacts; source: string } | { skipped: string };

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

function sourceUrl(source: PublishedSchemaSource, env: NodeJS.ProcessEnv): string {
  return (env[source.variable] || source.defaultUrl).replace(/\/+$/, '');
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

/** The published input schema of the generator's model, or why it was not fetched. */
export async function publishedFacts(generator: AnyGenerator, env: NodeJS.ProcessEnv, cwd?: string): Promise<Published> {
  if (generator.lifecycle?.status === 'retired') return { skipped: `${generator.model} is retired: the provider no longer serves it` };
  const provider = requireProvider(generator.provider);
  const published = provider.published;
  if (!published) return { skipped: `${provider.displayName} publishes no input schemas the drift check knows of` };
  const skipped = published.skipped?.(generator.model, generator.artifactType);
  if (skipped) return { skipped };
  const headers: Record<string, string> = {};
  if (published.needsKey) {
    // The key from the environment, BOARDS_GENERATOR_API_KEYS or the .env of `cwd`; nothing is written to `env`.
    const key = getKey(provider.name, { env, cwd });
    if (!key) return { skipped: `${provider.key.variable} not set (${provider.displayName} serves model schemas to authenticated calls only)` };
    headers.authorization = `Bearer ${key}`;
  }
  const source = sourceUrl(published, env);
  const url = published.url ? published.url(source, generator.model) : source;
  const doc = await getDocument(url, headers);
  const { schema, root, note, drop = [] } = published.inputSchema(doc, generator.model, generator.artifactType, url);
  // A schema that refers to itself is unreadable (UnreadableSchemaError), not drift: checked before it is compared.
  checkSchemaGraph(schema, (root ?? schema) as Json);
  const facts = factsFromJsonSchema(schema, root as Json);
  for (const name of drop) delete (facts as Record<string, unknown>)[name];
  return { facts, source: note ? `${url} (${note})` : url };
}
