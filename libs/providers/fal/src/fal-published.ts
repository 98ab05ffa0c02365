/**
 * fal's published document of an endpoint: the per-endpoint queue OpenAPI
 * (`https://fal.ai/api/openapi/queue/openapi.json?endpoint_id=<id>`), stored whole: its Input
 * and Output schemas, the QueueStatus enum, the security scheme and the queue paths.
 */
import { authSchemes, bodyFields, publishedFields, schemaShape, urlPaths, type PublishedDocumentSource } from '@boards/core';

/** What a fal generator stores of its result, by artifact type (see fal-generator.ts): a `url` under these fields. */
const OUTPUT_FIELDS: Record<string, string> = { image: 'images', video: 'video', audio: 'audio' };

/** The JSON schema of `paths[path][method]`'s request body or 200 answer. */
function schemaAt(doc: Record<string, unknown>, path: string, method: string, part: 'request' | 'response'): unknown {
  const op = bodyFields(bodyFields(bodyFields(doc.paths)[path])[method]);
  const holder = part === 'request' ? op.requestBody : bodyFields(op.responses)['200'];
  return bodyFields(bodyFields(bodyFields(holder).content)['application/json']).schema;
}

export const falDocument: PublishedDocumentSource = {
  async fetch(model, _artifactType, read) {
    const url = `${read.url('BOARDS_DRIFT_FAL_URL', 'https://fal.ai/api/openapi/queue/openapi.json')}?endpoint_id=${encodeURIComponent(model)}`;
    return { document: await read.get(url), urls: [url] };
  },
  schemas: (doc, model) =>
    [schemaAt(doc, `/${model}`, 'post', 'request'), schemaAt(doc, `/${model}/requests/{request_id}`, 'get', 'response')].flatMap((schema) =>
      schema ? [{ schema, root: doc }] : [],
    ),
  facts(doc, model) {
    const input = schemaAt(doc, `/${model}`, 'post', 'request');
    if (!input) throw new Error(`the fal queue document of ${model} has no POST /${model} with a JSON request body`);
    const output = schemaAt(doc, `/${model}/requests/{request_id}`, 'get', 'response');
    const schemas = bodyFields(bodyFields(doc.components).schemas);
    const status = bodyFields(bodyFields(bodyFields(schemas.QueueStatus).properties).status).enum;
    return {
      inputs: publishedFields(input, doc),
      ...(output ? { output: schemaShape(output, doc) } : {}),
      ...(Array.isArray(status) ? { statuses: status.map(String) } : {}),
      auth: authSchemes(bodyFields(doc.components).securitySchemes),
    };
  },
  // fal-wait.ts: IN_QUEUE, IN_PROGRESS and COMPLETED (a failed request is COMPLETED too).
  knownStatuses: ['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'],
  outputProblems(output, artifactType) {
    const field = OUTPUT_FIELDS[artifactType];
    if (!field) return [];
    // The adapter stores every URL of the result (collectUrls); the endpoint's own field must hold one.
    const urls = urlPaths(output).filter((p) => p === field || p.startsWith(`${field}.`) || p.startsWith(`${field}[]`));
    return urls.length > 0 ? [] : [`output ${field}: the adapter reads a url under it; the output schema has none (${JSON.stringify(output)})`];
  },
};
