import type { Job } from '../../kernel/jobs';

/** What the fal queue keeps per request. */
export interface FalMeta {
  endpoint: string;
  /** owner/alias (or namespace/owner/alias): the part of the endpoint id that status/result URLs use. */
  appId: string;
  input: Record<string, unknown>;
  /** `https://queue.fal.run/${appId}/requests/${id}`: fal's own URL shape (clients map the host). */
  responseUrl: string;
  /**
   * With `X-Fal-Request-Timeout`: when the request times out because no runner started it by its
   * deadline (set only when the job's queued span outlasts the deadline).
   */
  timesOutAt?: number;
  /** The names of the queued, running and completed states (the snapshot's QueueStatus; default fal's). */
  statusNames?: readonly string[];
}

/** fal's QueueStatus names, in the order of a request's life. */
export const FAL_STATUSES = ['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'] as const;

/** The body fal gives a request that timed out before it started (`X-Fal-Request-Timeout`). */
export const TIMED_OUT = { detail: 'Request timed out before a runner started it (X-Fal-Request-Timeout)', error_type: 'request_timeout' };

/** True once a request with `X-Fal-Request-Timeout` has passed its deadline unstarted. */
export function timedOut(job: Job<FalMeta>, now = job.now()): boolean {
  return job.meta.timesOutAt !== undefined && now >= job.meta.timesOutAt;
}

const NAMESPACES = ['workflows', 'comfy'];

/** The app part of an endpoint id, as @fal-ai/client's parseEndpointId keeps it (sub-path dropped). */
export function appIdOf(endpoint: string): string {
  const parts = endpoint.split('/').filter(Boolean);
  return parts.slice(0, NAMESPACES.includes(parts[0]) ? 3 : 2).join('/');
}

function logsOf(job: Job<FalMeta>, now: number): Record<string, string>[] {
  const at = (share: number) => new Date(job.createdAt + Math.round(job.durationMs * share)).toISOString();
  const line = (message: string, share: number) => ({ message, level: 'INFO', source: 'USER', timestamp: at(share) });
  const logs = [line(`Emulated run of ${job.meta.endpoint} started`, 0.2)];
  const progress = job.progress(now);
  for (const step of [0.25, 0.5, 0.75]) if (progress >= step) logs.push(line(`Progress: ${step * 100}%`, 0.2 + 0.8 * step));
  if (job.isTerminal(now)) logs.push(line(`Emulated run ended: ${job.phase(now)}`, 1));
  return logs;
}

/** Seconds the job ran (started to completed, or to now): status `metrics.inference_time` and result `timings.inference`. */
export function inferenceSeconds(job: Job<FalMeta>, now = job.now()): number {
  const started = job.startedAt(now) ?? job.createdAt;
  return Math.max(0, (job.completedAt(now) ?? now) - started) / 1000;
}

/**
 * The job's QueueStatus and the HTTP status fal uses for it (202 until COMPLETED, then 200).
 * `asSubmitted` renders the state a submit answers with (always IN_QUEUE).
 */
export function falStatus(job: Job<FalMeta>, withLogs: boolean, asSubmitted = false, now = job.now()): { http: number; body: Record<string, unknown> } {
  const base = {
    request_id: job.id,
    response_url: job.meta.responseUrl,
    status_url: `${job.meta.responseUrl}/status`,
    cancel_url: `${job.meta.responseUrl}/cancel`,
  };
  const phase = asSubmitted ? 'queued' : job.phase(now);
  const [IN_QUEUE, IN_PROGRESS, COMPLETED] = job.meta.statusNames ?? FAL_STATUSES;
  if (asSubmitted) return { http: 200, body: { status: IN_QUEUE, ...base, logs: null, metrics: {}, queue_position: 0 } };
  if (timedOut(job, now))
    return {
      http: 200,
      body: { status: COMPLETED, ...base, logs: withLogs ? [] : null, metrics: {}, error: TIMED_OUT.detail, error_type: TIMED_OUT.error_type },
    };
  if (phase === 'queued') return { http: 202, body: { status: IN_QUEUE, ...base, queue_position: 0 } };
  const logs = withLogs ? logsOf(job, now) : null;
  if (phase === 'running') return { http: 202, body: { status: IN_PROGRESS, ...base, logs } };
  const body: Record<string, unknown> = { status: COMPLETED, ...base, logs, metrics: { inference_time: inferenceSeconds(job, now) } };
  if (phase === 'canceled') body.error = 'Request was cancelled';
  if (phase === 'failed') body.error = job.result && !job.result.ok ? job.result.message : 'Emulated generation failure (job-failed fault)';
  return { http: 200, body };
}
