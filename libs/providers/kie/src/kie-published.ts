/**
 * Kie's published document of a model: the fenced YAML OpenAPI block of the model's
 * documentation page (a market model's: createTask, whose `input` object holds the model's
 * fields; a dedicated API's: its generate endpoint, whose flat body holds them) and that of its
 * task-details page (the task states and the result's shape), both as data.
 */
import { authSchemes, bodyFields, publishedFields, schemaShape, type PublishedDocumentSource } from '@boards/core';
import { isDedicatedModel, KIE_TASK_APIS, kieTaskApi } from './kie-apis';

type Json = Record<string, unknown>;

/**
 * The documentation page of a Kie model below the docs' root URL: a market model's under
 * `market/` (the dots of its id written as dashes), a dedicated API's at its own path.
 */
export function kieDocsPage(source: string, model: string): string {
  return isDedicatedModel(model) ? `${source}/${model}.md` : `${source}/market/${model.replace(/\./g, '-')}.md`;
}

/** The JSON schema of the page's `method path` request body or 200 answer. */
function schemaAt(page: Json, path: string, method: string, part: 'request' | 'response'): unknown {
  const op = bodyFields(bodyFields(bodyFields(page.paths)[path])[method]);
  const holder = part === 'request' ? op.requestBody : bodyFields(op.responses)['200'];
  return bodyFields(bodyFields(bodyFields(holder).content)['application/json']).schema;
}

/**
 * The model's fields on its page: a market page's createTask `input`, a dedicated API's whole
 * body less `callBackUrl` (where Kie reports, which the adapter sets, not a field of the model).
 * Throws naming the page (`where`) when it has no such body.
 */
export function kieModelInput(page: Json, model: string, where: string): { schema: Json; note: string } {
  const api = kieTaskApi(model);
  const body = bodyFields(schemaAt(page, api.submit.path, 'post', 'request'));
  if (!isDedicatedModel(model)) {
    const input = bodyFields(body.properties).input;
    if (!input) throw new Error(`${where} has no POST ${api.submit.path} whose JSON body has an input object (for ${model})`);
    return { schema: input as Json, note: 'createTask input' };
  }
  if (!body.properties) throw new Error(`${where} has no POST ${api.submit.path} with a JSON body (for ${model})`);
  const { callBackUrl: _callBack, ...properties } = bodyFields(body.properties);
  const required = Array.isArray(body.required) ? body.required.filter((name) => name !== 'callBackUrl') : undefined;
  return { schema: { ...body, properties, ...(required ? { required } : {}) }, note: `${api.submit.what(model)} body` };
}

export const kieDocument: PublishedDocumentSource = {
  async fetch(model, _artifactType, read) {
    const source = read.url('BOARDS_DRIFT_KIE_URL', 'https://docs.kie.ai');
    const [pageUrl, taskUrl] = [kieDocsPage(source, model), `${source}/${kieTaskApi(model).detailPage}.md`];
    return { document: { page: await read.get(pageUrl), taskDetail: await read.get(taskUrl) }, urls: [pageUrl, taskUrl] };
  },
  schemas(doc, model) {
    const api = kieTaskApi(model);
    const [page, task] = [bodyFields(doc.page), bodyFields(doc.taskDetail)];
    return [
      { schema: schemaAt(page, api.submit.path, 'post', 'request'), root: page },
      { schema: schemaAt(task, api.record.path, 'get', 'response'), root: task },
    ].filter((s) => s.schema);
  },
  facts(doc, model) {
    const api = kieTaskApi(model);
    const page = bodyFields(doc.page);
    const { schema } = kieModelInput(page, model, `the Kie page of ${model}`);
    const task = bodyFields(doc.taskDetail);
    const answer = schemaShape(schemaAt(task, api.record.path, 'get', 'response'), task);
    const data = bodyFields(bodyFields(bodyFields(answer).properties).data);
    const statuses = bodyFields(bodyFields(data.properties)[api.statusField]).enum;
    return {
      inputs: publishedFields(schema, page),
      ...(Object.keys(data).length ? { output: data } : {}),
      ...(Array.isArray(statuses) ? { statuses: statuses.map(String) } : {}),
      auth: authSchemes(bodyFields(page.components).securitySchemes),
    };
  },
  // kie-apis.ts: every status of every task API it maps.
  knownStatuses: [...new Set(KIE_TASK_APIS.flatMap((api) => api.statuses))],
  outputProblems(output) {
    const props = bodyFields(bodyFields(output).properties);
    // The market: data.resultJson, a JSON string holding resultUrls.
    if (!props.response) {
      const result = bodyFields(props.resultJson);
      return result.type === 'string'
        ? []
        : [`output data.resultJson: the adapter reads a JSON string; the output schema has ${JSON.stringify(result.type ?? 'none')}`];
    }
    // A dedicated API: data.response holds the media (Veo resultUrls, Aleph resultVideoUrl, Suno sunoData[].audioUrl).
    const response = bodyFields(bodyFields(props.response).properties);
    const tracks = bodyFields(bodyFields(bodyFields(response.sunoData).items).properties);
    if (bodyFields(response.resultUrls).type === 'array' || bodyFields(response.resultVideoUrl).type === 'string' || tracks.audioUrl) return [];
    return [
      'output data.response: the adapter reads resultUrls (an array), resultVideoUrl (a string) or sunoData[].audioUrl; the output schema has none of them',
    ];
  },
};
