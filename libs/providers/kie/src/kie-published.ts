/**
 * Kie's published document of a market model: the fenced YAML OpenAPI block of the model's
 * documentation page (createTask, whose `input` object holds the model's fields), and that of
 * the Get Task Details page (recordInfo: the task states and the result's shape), both as data.
 */
import { authSchemes, bodyFields, publishedFields, schemaShape, type PublishedDocumentSource } from '@boards/core';

type Json = Record<string, unknown>;

/** The documentation page of a Kie market model below the docs' root URL (the dots of its id written as dashes). */
export function kieDocsPage(source: string, model: string): string {
  return `${source}/market/${model.replace(/\./g, '-')}.md`;
}

const TASK_PAGE = 'common/get-task-detail';

/** The JSON schema of the page's `method path` request body or 200 answer. */
function schemaAt(page: Json, path: string, method: string, part: 'request' | 'response'): unknown {
  const op = bodyFields(bodyFields(bodyFields(page.paths)[path])[method]);
  const holder = part === 'request' ? op.requestBody : bodyFields(op.responses)['200'];
  return bodyFields(bodyFields(bodyFields(holder).content)['application/json']).schema;
}

export const kieDocument: PublishedDocumentSource = {
  async fetch(model, _artifactType, read) {
    const source = read.url('BOARDS_DRIFT_KIE_URL', 'https://docs.kie.ai');
    const [pageUrl, taskUrl] = [kieDocsPage(source, model), kieDocsPage(source, TASK_PAGE)];
    return { document: { page: await read.get(pageUrl), taskDetail: await read.get(taskUrl) }, urls: [pageUrl, taskUrl] };
  },
  schemas(doc) {
    const [page, task] = [bodyFields(doc.page), bodyFields(doc.taskDetail)];
    return [
      { schema: schemaAt(page, '/api/v1/jobs/createTask', 'post', 'request'), root: page },
      { schema: schemaAt(task, '/api/v1/jobs/recordInfo', 'get', 'response'), root: task },
    ].filter((s) => s.schema);
  },
  facts(doc, model) {
    const page = bodyFields(doc.page);
    const body = bodyFields(schemaAt(page, '/api/v1/jobs/createTask', 'post', 'request'));
    const input = bodyFields(body.properties).input;
    if (!input) throw new Error(`the Kie page of ${model} has no POST /api/v1/jobs/createTask whose JSON body has an input object`);
    const task = bodyFields(doc.taskDetail);
    const answer = schemaShape(schemaAt(task, '/api/v1/jobs/recordInfo', 'get', 'response'), task);
    const data = bodyFields(bodyFields(bodyFields(answer).properties).data);
    const state = bodyFields(bodyFields(data.properties).state).enum;
    return {
      inputs: publishedFields(input, page),
      ...(Object.keys(data).length ? { output: data } : {}),
      ...(Array.isArray(state) ? { statuses: state.map(String) } : {}),
      auth: authSchemes(bodyFields(page.components).securitySchemes),
    };
  },
  // kie-task.ts: every state of a task it maps.
  knownStatuses: ['waiting', 'queuing', 'generating', 'success', 'fail'],
  outputProblems(output) {
    // kie-task.ts parses data.resultJson (a JSON string holding resultUrls).
    const result = bodyFields(bodyFields(bodyFields(output).properties).resultJson);
    return result.type === 'string'
      ? []
      : [`output data.resultJson: the adapter reads a JSON string; the output schema has ${JSON.stringify(result.type ?? 'none')}`];
  },
};
