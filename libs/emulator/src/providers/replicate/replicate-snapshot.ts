/**
 * A Replicate model from its snapshot (the model object, or a version object, with the cog
 * `openapi_schema`): its Input schema checks and defaults the input, its Output schema shapes the
 * answer, its Status enum names the states. How media of a kind is made stays Replicate-side:
 * the builders of replicate-models.ts, sized from the input.
 */
import type { JobPhase } from '../../kernel/jobs';
import { seedInt } from '../../kernel/media/seed';
import { storeMp4, storeWav } from '../../kernel/outputs';
import { storeImage } from '../../kernel/outputs';
import { inputSchemaOf } from '../../kernel/schema-check';
import { kindOfOutput, statusNames, synthesize, type EmulatorSnapshot } from '../../kernel/snapshots';
import { imageSizeOf, type ReplicateModel } from './replicate-models';

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : {});

/** Replicate's prediction statuses by job phase, in the order of the phases below. */
const PHASES: readonly JobPhase[] = ['queued', 'running', 'succeeded', 'failed', 'canceled'];
export const REPLICATE_STATUSES = ['starting', 'processing', 'succeeded', 'failed', 'canceled'];

/** Typical real time of a Replicate prediction of each kind, ms (the realistic job time is derived from it). */
const TYPICAL_MS = { image: 5_000, video: 120_000, audio: 10_000, text: 2_000 } as const;

/** The model's input schema: the cog openapi_schema's Input (of the model object's latest_version, or of a version object). */
export function replicateSnapshotInput(snapshot: EmulatorSnapshot): { schema: unknown; root: unknown } {
  const cog = obj(snapshot.document.openapi_schema ?? obj(snapshot.document.latest_version).openapi_schema);
  const schema = obj(obj(cog.components).schemas).Input;
  if (!schema) throw new Error(`the Replicate snapshot of ${snapshot.model} has no openapi_schema.components.schemas.Input`);
  return { schema, root: cog };
}

/** The model `snapshot` describes; `media` builds its output where a hand-written rule knows the model. */
export function replicateSnapshotModel(snapshot: EmulatorSnapshot, media?: ReplicateModel): ReplicateModel {
  const cog = obj(replicateSnapshotInput(snapshot).root);
  const schemas = obj(obj(cog.components).schemas);
  const description = String(snapshot.document.description ?? '').toLowerCase();
  const guess = /video/.test(description) ? 'video' : /speech|audio|music|voice/.test(description) ? 'audio' : 'image';
  const kind = snapshot.output ?? kindOfOutput(schemas.Output, cog, guess);
  const status = obj(schemas.Status).enum;
  const names = statusNames(Array.isArray(status) ? status.map(String) : undefined, REPLICATE_STATUSES);
  return {
    schema: inputSchemaOf(schemas.Input, cog, `replicate ${snapshot.model}`),
    statusNames: Object.fromEntries(PHASES.map((phase, i) => [phase, names[i]])) as Record<JobPhase, string>,
    typicalMs: media?.typicalMs ?? TYPICAL_MS[kind],
    async build(input, ctx) {
      if (media) return media.build(input, ctx);
      if (kind === 'text') return { ok: true, value: ['Emulated ', 'answer.'] };
      const [width, height] = imageSizeOf(input);
      const count = Number.isInteger(input.num_outputs) ? (input.num_outputs as number) : 1;
      const mediaOf = (i: number) => (kind === 'video' ? storeMp4(ctx, 1280, 720, 2) : kind === 'audio' ? storeWav(ctx, 1) : storeImage(ctx, width, height, i));
      const value = synthesize(schemas.Output ?? { type: 'string', format: 'uri' }, cog, { input, media: mediaOf, count, seed: seedInt(ctx.seed) % 2 ** 31 });
      return { ok: true, value, billableUnits: kind === 'image' ? count : 1 };
    },
  };
}
