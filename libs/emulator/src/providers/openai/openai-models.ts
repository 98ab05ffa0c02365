/** A model the emulated OpenAI API knows. */
export interface OpenAIModel {
  id: string;
  created: number;
  owned_by: string;
  /** ISO date the model shuts down, or null when none is announced. */
  shutdown_date: string | null;
  kind: 'image' | 'transcription';
  /** Response formats a transcription model supports. */
  formats?: readonly string[];
}

const ALL_FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'] as const;

/** Served models. Retired models (dall-e-2, dall-e-3) are absent, so they answer 404 model_not_found like OpenAI does. */
export const OPENAI_MODELS: readonly OpenAIModel[] = [
  { id: 'gpt-image-2', created: 1776729600, owned_by: 'system', shutdown_date: null, kind: 'image' },
  { id: 'gpt-image-2-2026-04-21', created: 1776729600, owned_by: 'system', shutdown_date: null, kind: 'image' },
  { id: 'gpt-image-1.5', created: 1765756800, owned_by: 'system', shutdown_date: '2026-12-01', kind: 'image' },
  { id: 'gpt-image-1', created: 1745366400, owned_by: 'system', shutdown_date: '2026-10-23', kind: 'image' },
  { id: 'gpt-image-1-mini', created: 1759795200, owned_by: 'system', shutdown_date: '2026-12-01', kind: 'image' },
  { id: 'whisper-1', created: 1677532384, owned_by: 'openai-internal', shutdown_date: '2027-02-26', kind: 'transcription', formats: ALL_FORMATS },
  { id: 'gpt-4o-transcribe', created: 1742169600, owned_by: 'system', shutdown_date: null, kind: 'transcription', formats: ['json', 'text'] },
  { id: 'gpt-4o-mini-transcribe', created: 1742169600, owned_by: 'system', shutdown_date: null, kind: 'transcription', formats: ['json', 'text'] },
];

/** A model past its shutdown date is no longer served: it answers 404 like a retired one. */
export function isServed(m: OpenAIModel, today = new Date().toISOString().slice(0, 10)): boolean {
  return m.shutdown_date === null || m.shutdown_date > today;
}

export function findOpenAIModel(id: unknown, kind?: OpenAIModel['kind']): OpenAIModel | undefined {
  return OPENAI_MODELS.find((m) => m.id === id && (kind === undefined || m.kind === kind) && isServed(m));
}

/** The public model object (without the emulator's own fields). */
export function modelObject(m: OpenAIModel): Record<string, unknown> {
  return { id: m.id, object: 'model', created: m.created, owned_by: m.owned_by, shutdown_date: m.shutdown_date };
}
