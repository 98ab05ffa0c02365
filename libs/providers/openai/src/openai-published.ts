/**
 * OpenAI's published document of a model: the operation a generator of its artifact type calls,
 * taken from OpenAI's OpenAPI spec (a few MiB: only that operation, the schemas it references and
 * the auth schemes are stored; the spec's example code is not), and the model object
 * (`GET /v1/models/{id}`, which needs a key) with its `shutdown_date` when OpenAI announced one.
 */
import { authSchemes, bodyFields, publishedFields, referencedRefs, schemaShape, type PublishedDocumentSource } from '@boards/core';

/** The request schema of each OpenAI operation a generator can use, by artifact type. */
export const OPENAI_REQUESTS: Record<string, string> = { image: 'CreateImageRequest', text: 'CreateTranscriptionRequest', audio: 'CreateSpeechRequest' };

type Json = Record<string, unknown>;

/** The (path, method, operation) of the spec whose request body is `#/components/schemas/<name>`. */
function operationOf(spec: Json, name: string): [string, string, Json] | undefined {
  for (const [path, item] of Object.entries(bodyFields(spec.paths)))
    for (const [method, op] of Object.entries(bodyFields(item))) {
      const content = bodyFields(bodyFields(bodyFields(op).requestBody).content);
      if (Object.values(content).some((c) => bodyFields(bodyFields(c).schema).$ref === `#/components/schemas/${name}`)) return [path, method, bodyFields(op)];
    }
  return undefined;
}

/** The spec trimmed to one operation and what it references. */
function trimSpec(spec: Json, name: string, url: string): Json {
  const found = operationOf(spec, name);
  if (!found) throw new Error(`${url} has no operation whose request body is components.schemas.${name}`);
  const [path, method, { 'x-oaiMeta': _examples, ...operation }] = found;
  const schemas: Json = {};
  const all = bodyFields(bodyFields(spec.components).schemas);
  for (const ref of [...referencedRefs(operation, spec)].sort()) {
    const key = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
    if (key && all[key] !== undefined) schemas[key] = all[key];
  }
  return {
    paths: { [path]: { [method]: operation } },
    components: { schemas, securitySchemes: bodyFields(spec.components).securitySchemes },
    security: spec.security,
  };
}

/** The JSON schema of the operation's request body (JSON or multipart) or 200 answer (JSON). */
function operationSchema(spec: Json, part: 'request' | 'response'): unknown {
  const op = bodyFields(Object.values(bodyFields(Object.values(bodyFields(spec.paths))[0]))[0]);
  const holder = part === 'request' ? op.requestBody : bodyFields(op.responses)['200'];
  const content = bodyFields(bodyFields(holder).content);
  return bodyFields(content['application/json'] ?? content['multipart/form-data']).schema;
}

export const openaiDocument: PublishedDocumentSource = {
  async fetch(model, artifactType, read) {
    const name = OPENAI_REQUESTS[artifactType];
    if (!name) throw new Error(`no OpenAI request schema is known for ${artifactType} generators`);
    const specUrl = read.url('BOARDS_DRIFT_OPENAI_URL', 'https://app.stainless.com/api/spec/documented/openai/openapi.documented.yml');
    const modelUrl = `${read.url('BOARDS_DRIFT_OPENAI_MODELS_URL', 'https://api.openai.com/v1')}/models/${encodeURIComponent(model)}`;
    const spec = trimSpec(await read.get(specUrl), name, specUrl);
    return { document: { spec, model: await read.get(modelUrl, { auth: true }) }, urls: [specUrl, modelUrl] };
  },
  moreSources: [
    { variable: 'BOARDS_DRIFT_OPENAI_MODELS_URL', defaultUrl: 'https://api.openai.com/v1', what: 'model objects, GET <url>/models/<id>, with OPENAI_API_KEY' },
  ],
  schemas(doc) {
    const spec = bodyFields(doc.spec);
    return [operationSchema(spec, 'request'), operationSchema(spec, 'response')].flatMap((schema) => (schema ? [{ schema, root: spec }] : []));
  },
  facts(doc, model) {
    const spec = bodyFields(doc.spec);
    const input = operationSchema(spec, 'request');
    if (!input) throw new Error(`the OpenAI document of ${model} has no operation with a request body`);
    const inputs = publishedFields(input, spec);
    // `model` names the model (as a URL does on the other providers); generators set it themselves.
    delete inputs.model;
    const output = operationSchema(spec, 'response');
    const shutdown = bodyFields(doc.model).shutdown_date;
    return {
      inputs,
      ...(output ? { output: schemaShape(output, spec) } : {}),
      auth: authSchemes(bodyFields(spec.components).securitySchemes),
      lifecycle: typeof shutdown === 'string' ? { shutdownDate: shutdown } : {},
    };
  },
  outputProblems(output, artifactType) {
    const props = bodyFields(bodyFields(output).properties);
    if (artifactType === 'image') {
      // openai-operations.ts stores data[].b64_json (or data[].url).
      const item = bodyFields(bodyFields(bodyFields(props.data).items).properties);
      return bodyFields(item.b64_json).type === 'string' || bodyFields(item.url).type === 'string'
        ? []
        : [`output data[].b64_json: the adapter reads it (or data[].url); the output schema has neither`];
    }
    if (artifactType === 'text') {
      const branches = [bodyFields(output), ...((bodyFields(output).oneOf as unknown[]) ?? []).map(bodyFields)];
      return branches.some((b) => bodyFields(bodyFields(b.properties).text).type === 'string')
        ? []
        : ['output text: the adapter reads a string text; the output schema has none'];
    }
    return [];
  },
};
