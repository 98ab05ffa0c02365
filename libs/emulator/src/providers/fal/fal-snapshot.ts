/**
 * A fal endpoint from its snapshot (fal's per-endpoint queue OpenAPI document): the POST body
 * schema checks and defaults the input, the result schema shapes the answer, QueueStatus names
 * the states. How media of a kind is made stays fal-side: the hand-written builders of
 * fal-media.ts where one knows the endpoint's sizes, else the output schema synthesized.
 */
import { seedInt } from '../../kernel/media/seed';
import { storeImage, storeMp4, storeWav, type BuildContext } from '../../kernel/outputs';
import { inputSchemaOf } from '../../kernel/schema-check';
import { kindOfOutput, snapshotAuth, statusNames, synthesize, type EmulatorSnapshot } from '../../kernel/snapshots';
import { FAL_STATUSES } from './fal-status';
import { sizeOf, type FalEndpoint } from './fal-endpoints';

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : {});

/** The JSON schema of `paths[path][method]`'s request body or 200 answer. */
function schemaAt(doc: Json, path: string, method: string, part: 'request' | 'response'): unknown {
  const op = obj(obj(obj(doc.paths)[path])[method]);
  const holder = part === 'request' ? op.requestBody : obj(op.responses)['200'];
  return obj(obj(obj(holder).content)['application/json']).schema;
}

/** Typical real time of a fal job of each kind, ms (the realistic job time is derived from it). */
const TYPICAL_MS = { image: 4_000, video: 60_000, audio: 5_000, text: 5_000 } as const;

/** The endpoint's input schema: the JSON body of `POST /<endpoint>`. */
export function falSnapshotInput(snapshot: EmulatorSnapshot): { schema: unknown; root: unknown } {
  const schema = schemaAt(snapshot.document, `/${snapshot.model}`, 'post', 'request');
  if (!schema) throw new Error(`the fal snapshot of ${snapshot.model} has no POST /${snapshot.model} with a JSON request body`);
  return { schema, root: snapshot.document };
}

/** The endpoint `snapshot` describes; `media` builds its output where a hand-written rule knows the endpoint. */
export function falSnapshotEndpoint(snapshot: EmulatorSnapshot, media?: FalEndpoint): FalEndpoint {
  const doc = snapshot.document;
  const input = falSnapshotInput(snapshot).schema;
  const output = schemaAt(doc, `/${snapshot.model}/requests/{request_id}`, 'get', 'response');
  const schema = inputSchemaOf(input, doc, `fal ${snapshot.model}`);
  const kind = snapshot.output ?? kindOfOutput(output, doc);
  const status = obj(obj(obj(obj(obj(doc.components).schemas).QueueStatus).properties).status).enum;
  return {
    schema,
    auth: snapshotAuth(obj(doc.components).securitySchemes),
    statusNames: statusNames(Array.isArray(status) ? status.map(String) : undefined, FAL_STATUSES),
    typicalMs: media?.typicalMs ?? TYPICAL_MS[kind],
    async run(given, ctx: BuildContext) {
      if (media) return media.run(given, ctx);
      const count = Number.isInteger(given.num_images) ? (given.num_images as number) : 1;
      const [width, height] = sizeOf(given);
      const mediaOf = (i: number) => (kind === 'video' ? storeMp4(ctx, 1280, 720, 2) : kind === 'audio' ? storeWav(ctx, 1) : storeImage(ctx, width, height, i));
      const value = output ? synthesize(output, doc, { input: given, media: mediaOf, count, seed: seedInt(ctx.seed) % 2 ** 31 }) : {};
      return { ok: true, value, billableUnits: kind === 'image' ? count : 1 };
    },
  };
}
