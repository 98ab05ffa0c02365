/**
 * An OpenAI model from its snapshot: the model object (id, owner, `shutdown_date`) and the spec's
 * operation it is called with (`/images/generations` or `/audio/transcriptions`), whose request
 * schema checks the body and names the parameter of a 400 `invalid_request_error`.
 */
import type { ProviderHost } from '../../kernel/provider';
import { inputSchemaOf, type InputSchema } from '../../kernel/schema-check';
import { snapshotAuth, snapshotModels, type EmulatorSnapshot, type SnapshotAuth } from '../../kernel/snapshots';
import { isServed, type OpenAIModel } from './openai-models';

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : {});

/** The emulated operation of each spec path. */
const KINDS: Record<string, OpenAIModel['kind']> = { '/images/generations': 'image', '/audio/transcriptions': 'transcription' };

/**
 * The response formats a transcription model takes, from the spec's AudioResponseFormat enum: its
 * description says in prose which models take which (gpt-4o-transcribe and -mini only json and
 * text; diarized_json only the -diarize models), which no schema field states.
 */
function transcriptionFormats(model: string, documented: readonly string[]): string[] {
  if (/^gpt-4o(-mini)?-transcribe$/.test(model)) return documented.filter((f) => f === 'json' || f === 'text');
  return documented.filter((f) => f !== 'diarized_json' || model.endsWith('-diarize'));
}

/** A served model with the request schema of its operation. */
export interface OpenAISnapshotModel {
  model: OpenAIModel;
  /** The request schema (the route reads `model` itself). */
  schema: InputSchema;
  /** The auth scheme the spec documents; none: any. */
  auth?: SnapshotAuth;
}

/** The operation's path and request schema (JSON or multipart) in the snapshot's spec. */
function operationOf(snapshot: EmulatorSnapshot): { kind: OpenAIModel['kind']; schema: unknown; root: Json } {
  const spec = obj(snapshot.document.spec);
  const [path, item] = Object.entries(obj(spec.paths))[0] ?? [];
  const kind = path ? KINDS[path] : undefined;
  if (!kind) throw new Error(`the OpenAI snapshot of ${snapshot.model} has no operation the emulator serves (${Object.keys(KINDS).join(', ')})`);
  const content = obj(obj(obj(Object.values(obj(item))[0]).requestBody).content);
  return { kind, schema: obj(content['application/json'] ?? content['multipart/form-data']).schema, root: spec };
}

/** The model's input schema: the operation's request body, without `model` (it names the model). */
export function openaiSnapshotInput(snapshot: EmulatorSnapshot): { schema: unknown; root: unknown; omit: readonly string[] } {
  const { schema, root } = operationOf(snapshot);
  return { schema, root, omit: ['model'] };
}

/** The model `snapshot` describes. Throws naming what the document lacks. */
export function openaiSnapshotModel(snapshot: EmulatorSnapshot): OpenAISnapshotModel {
  const { kind, schema, root: spec } = operationOf(snapshot);
  const m = obj(snapshot.document.model);
  const formats = obj(obj(obj(spec.components).schemas).AudioResponseFormat).enum;
  return {
    model: {
      id: snapshot.model,
      created: typeof m.created === 'number' ? m.created : 0,
      owned_by: typeof m.owned_by === 'string' ? m.owned_by : 'system',
      shutdown_date: typeof m.shutdown_date === 'string' ? m.shutdown_date : null,
      kind,
      ...(kind === 'transcription' ? { formats: transcriptionFormats(snapshot.model, Array.isArray(formats) ? formats.map(String) : ['json', 'text']) } : {}),
    },
    schema: inputSchemaOf(schema, spec, `openai ${snapshot.model}`),
    auth: snapshotAuth(obj(spec.components).securitySchemes),
  };
}

export type OpenAIModelFinder = (id: unknown, kind?: OpenAIModel['kind']) => OpenAISnapshotModel | undefined;

/** Finds served models: one with a snapshot (built once); without a snapshot, or past its shutdown date, none. */
export function openaiModelFinder(state: ProviderHost): OpenAIModelFinder {
  const fromSnapshots = snapshotModels(state, 'openai', openaiSnapshotModel);
  return (id, kind) => {
    const found = typeof id === 'string' ? fromSnapshots(id) : undefined;
    return found && (kind === undefined || found.model.kind === kind) && isServed(found.model) ? found : undefined;
  };
}
