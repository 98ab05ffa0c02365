/**
 * The providers' current published input schemas, fetched over the network (free calls, no
 * generation). Where each provider publishes them, and where in that document a model's input
 * schema is, is its descriptor's `published` (e.g. a per-endpoint OpenAPI, a model version's
 * `openapi_schema`, one OpenAPI spec for all models). Source URLs are settings so tests point
 * them at a loopback server.
 */
import { parse as parseYaml } from 'yaml';
import { getKey } from '@boards/config';
import { requireProvider, type AnyGenerator, type PublishedSchemaSource } from '@boards/core';
import { factsFromJsonSchema, type SchemaFacts } from '@boards/testing/drift';

export type Published = { facts: SchemaFacts; source: string } | { skipped: string };

type Json = Record<string, unknown>;
const FETCH_TIMEOUT_MS = 30_000;

function sourceUrl(source: PublishedSchemaSource, env: NodeJS.ProcessEnv): string {
  return (env[source.variable] || source.defaultUrl).replace(/\/+$/, '');
}

/** A fenced YAML block of a markdown page (```yaml or ````yaml, with anything after the tag). */
const YAML_FENCE = /^(`{3,})ya?ml\b[^\n]*\n([\s\S]*?)\n\1[ \t]*$/m;

/**
 * The document a published source answered: JSON, YAML (OpenAI publishes its spec so; JSON is
 * YAML too), or a markdown documentation page whose first fenced YAML block is the OpenAPI of
 * the page (as some providers publish one page a model).
 */
export function documentFrom(text: string, url: string): Json {
  const json = /^\s*[{[]/.test(text);
  let doc: unknown;
  try {
    doc = json ? JSON.parse(text) : parseYaml(YAML_FENCE.exec(text)?.[2] ?? text);
  } catch (error) {
    throw new Error(`GET ${url} did not answer a JSON or YAML document (${(error as Error).message.split('\n')[0]})`);
  }
  if (!doc || typeof doc !== 'object') throw new Error(`GET ${url} did not answer a JSON or YAML document, nor a page with a fenced YAML block`);
  return doc as Json;
}

async function getDocument(url: string, headers: Record<string, string> = {}): Promise<Json> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return documentFrom(text, url);
}

/** The published input schema of the generator's model, or why it was not fetched. */
export async function publishedFacts(generator: AnyGenerator, env: NodeJS.ProcessEnv): Promise<Published> {
  if (generator.lifecycle?.status === 'retired') return { skipped: `${generator.model} is retired: the provider no longer serves it` };
  const provider = requireProvider(generator.provider);
  const published = provider.published;
  if (!published) return { skipped: `${provider.displayName} publishes no input schemas the drift check knows of` };
  const skipped = published.skipped?.(generator.model, generator.artifactType);
  if (skipped) return { skipped };
  const headers: Record<string, string> = {};
  if (published.needsKey) {
    const key = getKey(provider.name, { env });
    if (!key) return { skipped: `${provider.key.variable} not set (${provider.displayName} serves model schemas to authenticated calls only)` };
    headers.authorization = `Bearer ${key}`;
  }
  const source = sourceUrl(published, env);
  const url = published.url ? published.url(source, generator.model) : source;
  const doc = await getDocument(url, headers);
  const { schema, root, note, drop = [] } = published.inputSchema(doc, generator.model, generator.artifactType, url);
  const facts = factsFromJsonSchema(schema, root as Json);
  for (const name of drop) delete (facts as Record<string, unknown>)[name];
  return { facts, source: note ? `${url} (${note})` : url };
}
