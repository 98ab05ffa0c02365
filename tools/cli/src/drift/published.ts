/**
 * The providers' current published input schemas, fetched over the network (free calls, no
 * generation): fal's per-endpoint OpenAPI, the Replicate model's latest version
 * `openapi_schema`, OpenAI's OpenAPI spec. Base URLs are settings so tests point them at a
 * loopback server.
 */
import { parse as parseYaml } from 'yaml';
import { getKey } from '@boards/config';
import type { AnyGenerator } from '@boards/core';
import { factsFromJsonSchema, type SchemaFacts } from '@boards/testing/drift';

/** Where the published schemas come from; each has a variable to override it. */
export const DRIFT_SOURCES = {
  replicate: { variable: 'BOARDS_DRIFT_REPLICATE_URL', default: 'https://api.replicate.com/v1' },
  fal: { variable: 'BOARDS_DRIFT_FAL_URL', default: 'https://fal.ai/api/openapi/queue/openapi.json' },
  openai: { variable: 'BOARDS_DRIFT_OPENAI_URL', default: 'https://app.stainless.com/api/spec/documented/openai/openapi.documented.yml' },
} as const;

export type Published = { facts: SchemaFacts; source: string } | { skipped: string };

type Json = Record<string, unknown>;
const FETCH_TIMEOUT_MS = 30_000;
/** The request schema of each OpenAI operation a generator can use, by artifact type. */
const OPENAI_REQUESTS: Record<string, string> = { image: 'CreateImageRequest', text: 'CreateTranscriptionRequest', audio: 'CreateSpeechRequest' };

function sourceUrl(provider: keyof typeof DRIFT_SOURCES, env: NodeJS.ProcessEnv): string {
  return (env[DRIFT_SOURCES[provider].variable] || DRIFT_SOURCES[provider].default).replace(/\/+$/, '');
}

async function getDocument(url: string, headers: Record<string, string> = {}): Promise<Json> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  // OpenAI publishes its spec as YAML; JSON is YAML too.
  const doc = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text);
  if (!doc || typeof doc !== 'object') throw new Error(`GET ${url} did not answer a JSON or YAML document`);
  return doc as Json;
}

const at = (doc: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), doc);

async function replicateFacts(generator: AnyGenerator, env: NodeJS.ProcessEnv): Promise<Published> {
  const token = getKey('replicate', { env });
  if (!token) return { skipped: 'REPLICATE_API_TOKEN not set (Replicate serves model schemas to authenticated calls only)' };
  const [ref, version] = generator.model.split(':');
  const url = `${sourceUrl('replicate', env)}/models/${ref}${version ? `/versions/${version}` : ''}`;
  const doc = await getDocument(url, { authorization: `Bearer ${token}` });
  const schema = version ? at(doc, 'openapi_schema') : at(doc, 'latest_version', 'openapi_schema');
  const input = at(schema, 'components', 'schemas', 'Input');
  if (!input) throw new Error(`${url} has no openapi_schema.components.schemas.Input`);
  return { facts: factsFromJsonSchema(input, schema as Json), source: `${url} (${version ? `version ${version}` : 'latest_version'})` };
}

async function falFacts(generator: AnyGenerator, env: NodeJS.ProcessEnv): Promise<Published> {
  const url = `${sourceUrl('fal', env)}?endpoint_id=${encodeURIComponent(generator.model)}`;
  const doc = await getDocument(url);
  const paths = (doc.paths ?? {}) as Json;
  const submit = Object.entries(paths).find(([path, item]) => path.replace(/^\/+/, '') === generator.model && at(item, 'post'));
  const schema = submit && at(submit[1], 'post', 'requestBody', 'content', 'application/json', 'schema');
  if (!schema) throw new Error(`${url} has no POST /${generator.model} with a JSON request body`);
  return { facts: factsFromJsonSchema(schema, doc), source: url };
}

async function openaiFacts(generator: AnyGenerator, env: NodeJS.ProcessEnv): Promise<Published> {
  const name = OPENAI_REQUESTS[generator.artifactType];
  if (!name) return { skipped: `no OpenAI request schema is known for ${generator.artifactType} generators` };
  const url = sourceUrl('openai', env);
  const doc = await getDocument(url);
  const schema = at(doc, 'components', 'schemas', name);
  if (!schema) throw new Error(`${url} has no components.schemas.${name}`);
  // `model` names the model (as a URL does on the other providers); generators set it themselves.
  const { model: _model, ...facts } = factsFromJsonSchema(schema, doc);
  return { facts, source: `${url} (${name})` };
}

/** The published input schema of the generator's model, or why it was not fetched. */
export async function publishedFacts(generator: AnyGenerator, env: NodeJS.ProcessEnv): Promise<Published> {
  if (generator.lifecycle?.status === 'retired') return { skipped: `${generator.model} is retired: the provider no longer serves it` };
  if (generator.provider === 'replicate') return replicateFacts(generator, env);
  if (generator.provider === 'fal') return falFacts(generator, env);
  return openaiFacts(generator, env);
}
