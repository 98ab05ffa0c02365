/**
 * Replicate's published document of a model: the model object (`GET /v1/models/{owner}/{name}`,
 * its `latest_version.openapi_schema` holding Input, Output and the prediction Status enum), or
 * the version object of a pinned `owner/name:<version>`. Needs a token (Replicate serves model
 * objects to authenticated calls only). Counters and pictures that change with every run are
 * not stored: they are not the model's contract.
 */
import { bodyFields, publishedFields, schemaShape, urlPaths, type PublishedDocumentSource } from '@boards/core';

const VOLATILE = ['run_count', 'cover_image_url', 'default_example'];

/** The cog openapi_schema of a model object or a version object. */
function cogSchema(doc: Record<string, unknown>): Record<string, unknown> {
  return bodyFields(doc.openapi_schema ?? bodyFields(doc.latest_version).openapi_schema);
}

export const replicateDocument: PublishedDocumentSource = {
  async fetch(model, _artifactType, read) {
    const [ref, version] = model.split(':');
    const url = `${read.url('BOARDS_DRIFT_REPLICATE_URL', 'https://api.replicate.com/v1')}/models/${ref}${version ? `/versions/${version}` : ''}`;
    const document = Object.fromEntries(Object.entries(await read.get(url, { auth: true })).filter(([key]) => !VOLATILE.includes(key)));
    return { document, urls: [url] };
  },
  schemas(doc) {
    const schema = cogSchema(doc);
    const schemas = bodyFields(bodyFields(schema.components).schemas);
    return [schemas.Input, schemas.Output].flatMap((s) => (s ? [{ schema: s, root: schema }] : []));
  },
  facts(doc, model) {
    const schema = cogSchema(doc);
    const schemas = bodyFields(bodyFields(schema.components).schemas);
    if (!schemas.Input) throw new Error(`the Replicate document of ${model} has no openapi_schema.components.schemas.Input`);
    const status = bodyFields(schemas.Status).enum;
    return {
      inputs: publishedFields(schemas.Input, schema),
      ...(schemas.Output ? { output: schemaShape(schemas.Output, schema) } : {}),
      ...(Array.isArray(status) ? { statuses: status.map(String) } : {}),
    };
  },
  // replicate-prediction.ts: every status of a prediction it maps.
  knownStatuses: ['starting', 'processing', 'succeeded', 'failed', 'canceled', 'aborted'],
  outputProblems(output, artifactType) {
    if (artifactType === 'text') return [];
    // The adapter stores the URIs of the output: one URI string or an array of them (collectUrls).
    return urlPaths(output).length > 0 ? [] : [`output: the adapter reads URIs; the output schema has none (${JSON.stringify(output)})`];
  },
};
