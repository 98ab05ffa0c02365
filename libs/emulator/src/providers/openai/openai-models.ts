/** A model the emulated OpenAI API serves (read from its snapshot: openai-snapshot.ts). */
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

/** A model past its shutdown date is no longer served: it answers 404 like a retired one. */
export function isServed(m: OpenAIModel, today = new Date().toISOString().slice(0, 10)): boolean {
  return m.shutdown_date === null || m.shutdown_date > today;
}

/** The public model object (without the emulator's own fields). */
export function modelObject(m: OpenAIModel): Record<string, unknown> {
  return { id: m.id, object: 'model', created: m.created, owned_by: m.owned_by, shutdown_date: m.shutdown_date };
}
