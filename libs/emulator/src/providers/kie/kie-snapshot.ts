/**
 * A Kie market model from its snapshot (the model page's createTask schema and the Get Task
 * Details page, as data): the `input` object's schema checks and defaults the input, the task
 * states come from recordInfo's `state` enum. How media of a kind is made stays Kie-side: the
 * builders of kie-models.ts, else one image or video of the kind the result names.
 */
import { storeImage, storeMp4 } from '../../kernel/outputs';
import { inputSchemaOf } from '../../kernel/schema-check';
import { snapshotAuth, statusNames, type EmulatorSnapshot } from '../../kernel/snapshots';
import type { KieModel } from './kie-models';

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : {});

/** Kie's task states in the order of a task's life: waiting, queuing, generating, success, fail. */
export const KIE_STATES = ['waiting', 'queuing', 'generating', 'success', 'fail'];

const MARKET_PATH = '/api/v1/jobs/createTask';

/** The JSON schema of the page's `method path` request body or 200 answer. */
export function jsonBody(page: Json, path: string, method: string, part: 'request' | 'response'): Json {
  const op = obj(obj(obj(page.paths)[path])[method]);
  const holder = part === 'request' ? op.requestBody : obj(op.responses)['200'];
  return obj(obj(obj(obj(holder).content)['application/json']).schema);
}

/** The one POST endpoint a page documents (a market page: createTask; a dedicated API's page: its generate endpoint). */
export function postPathOf(page: Json): string | undefined {
  return Object.keys(obj(page.paths)).find((path) => obj(obj(page.paths)[path]).post !== undefined);
}

/**
 * The model's input schema: on a market page, the `input` object of the createTask body; on a
 * dedicated API's page, the generate endpoint's whole (flat) body, less `callBackUrl`, which says
 * where Kie reports to, not what it makes.
 */
export function kieSnapshotInput(snapshot: EmulatorSnapshot): { schema: unknown; root: unknown; omit?: readonly string[] } {
  const page = obj(snapshot.document.page);
  const path = postPathOf(page);
  if (path && path !== MARKET_PATH) return { schema: jsonBody(page, path, 'post', 'request'), root: page, omit: ['callBackUrl'] };
  const schema = obj(jsonBody(page, MARKET_PATH, 'post', 'request').properties).input;
  if (!schema) throw new Error(`the Kie snapshot of ${snapshot.model} has no POST /api/v1/jobs/createTask whose JSON body has an input object`);
  return { schema, root: page };
}

/** The model `snapshot` describes; `media` builds its result where a hand-written rule knows the model. */
export function kieSnapshotModel(snapshot: EmulatorSnapshot, media?: KieModel): KieModel {
  const { schema: input, root: page } = kieSnapshotInput(snapshot);
  const task = obj(snapshot.document.taskDetail);
  const data = obj(obj(jsonBody(task, '/api/v1/jobs/recordInfo', 'get', 'response').properties).data);
  const states = obj(obj(data.properties).state).enum;
  const kind = snapshot.output ?? (/video/i.test(snapshot.model) ? 'video' : 'image');
  return {
    schema: inputSchemaOf(input, page, `kie ${snapshot.model}`),
    auth: snapshotAuth(obj(obj(page).components).securitySchemes),
    stateNames: statusNames(Array.isArray(states) ? states.map(String) : undefined, KIE_STATES),
    typicalMs: media?.typicalMs ?? (kind === 'video' ? 60_000 : 15_000),
    async run(given, ctx) {
      if (media) return media.run(given, ctx);
      return { ok: true, resultUrls: [kind === 'video' ? storeMp4(ctx, 1280, 720, 2).url : storeImage(ctx, 1024, 1024, 0).url] };
    },
  };
}
