/**
 * fal's published document of an endpoint: the per-endpoint queue OpenAPI
 * (`https://fal.ai/api/openapi/queue/openapi.json?endpoint_id=<id>`), stored whole: its Input
 * and Output schemas, the QueueStatus enum, the security scheme and the queue paths.
 */
import { authSchemes, bodyFields, publishedFields, schemaShape, urlPaths, type PublishedDocumentSource } from '@boards/core';

/**
 * Where a fal endpoint's result holds what a generator stores, by artifact type: a `url` under one of
 * these fields (the adapter stores every URL of the result, fal-generator.ts). Most image endpoints
 * answer a list (`images`); background removal, upscalers and try-on answer one `image`.
 */
const OUTPUT_FIELDS: Record<string, string[]> = { image: ['images', 'image'], video: ['video'], audio: ['audio'] };

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
    const fields = OUTPUT_FIELDS[artifactType];
    if (!fields) return [];
    // The adapter stores every URL of the result (collectUrls); one of the endpoint's own fields must hold one.
    const under = (field: string) => (p: string) => p === field || p.startsWith(`${field}.`) || p.startsWith(`${field}[]`);
    const urls = urlPaths(output).filter((p) => fields.some((field) => under(field)(p)));
    const named = fields.join(' or ');
    return urls.length > 0 ? [] : [`output ${named}: the adapter reads a url under it; the output schema has none (${JSON.stringify(output)})`];
  },
};
