/**
 * An OpenAI model from its snapshot: the model object (id, owner, `shutdown_date`) and the spec's
 * operation it is called with (`/images/generations` or `/audio/transcriptions`), whose request
 * schema checks the body and names the parameter of a 400 `invalid_request_error`.
 */
import { inputSchemaOf, type InputSchema } from '../../kernel/schema-check';
import type { EmulatorSnapshot } from '../../kernel/snapshots';
import type { ProviderHost } from '../../kernel/provider';
import { findOpenAIModel, isServed, OPENAI_MODELS, type OpenAIModel } from './openai-models';

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : {});

/** The emulated operation of each spec path. */
const KINDS: Record<string, OpenAIModel['kind']> = { '/images/generations': 'image', '/audio/transcriptions': 'transcription' };
const TRANSCRIPTION_FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'];

/** A served model with the request schema of its operation. */
export interface OpenAISnapshotModel {
  model: OpenAIModel;
  /** The request schema without `model` (the route reads it). */
  schema: InputSchema;
}

/** The model `snapshot` describes. Throws naming what the document lacks. */
export function openaiSnapshotModel(snapshot: EmulatorSnapshot, known?: OpenAIModel): OpenAISnapshotModel {
  const spec = obj(snapshot.document.spec);
  const [path, item] = Object.entries(obj(spec.paths))[0] ?? [];
  const kind = path ? KINDS[path] : undefined;
  if (!kind) throw new Error(`the OpenAI snapshot of ${snapshot.model} has no operation the emulator serves (${Object.keys(KINDS).join(', ')})`);
  const content = obj(obj(obj(Object.values(obj(item))[0]).requestBody).content);
  const request = obj(content['application/json'] ?? content['multipart/form-data']).schema;
  const m = obj(snapshot.document.model);
  const formats = obj(obj(obj(obj(spec.components).schemas).AudioResponseFormat)).enum;
  return {
    model: {
      id: snapshot.model,
      created: typeof m.created === 'number' ? m.created : 0,
      owned_by: typeof m.owned_by === 'string' ? m.owned_by : 'system',
      shutdown_date: typeof m.shutdown_date === 'string' ? m.shutdown_date : null,
      kind,
      ...(kind === 'transcription' ? { formats: known?.formats ?? (Array.isArray(formats) ? formats.map(String) : TRANSCRIPTION_FORMATS) } : {}),
    },
    schema: inputSchemaOf(request, spec, `openai ${snapshot.model}`),
  };
}

/** Finds served models: one with a snapshot (built once), else a hand-written one; past its shutdown date, none. */
export type OpenAIModelFinder = (id: unknown, kind?: OpenAIModel['kind']) => (Partial<OpenAISnapshotModel> & { model: OpenAIModel }) | undefined;

export function openaiModelFinder(state: ProviderHost): OpenAIModelFinder {
  const built = new Map<object, OpenAISnapshotModel>();
  return (id, kind) => {
    const snapshot = typeof id === 'string' ? state.snapshotOf('openai', id) : undefined;
    if (!snapshot) {
      const model = findOpenAIModel(id, kind);
      return model ? { model } : undefined;
    }
    let found = built.get(snapshot);
    if (!found)
      built.set(
        snapshot,
        (found = openaiSnapshotModel(
          snapshot,
          OPENAI_MODELS.find((m) => m.id === id),
        )),
      );
    return (kind === undefined || found.model.kind === kind) && isServed(found.model) ? found : undefined;
  };
}
