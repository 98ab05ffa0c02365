import type { FalClient } from '@fal-ai/client';
import { pollJob, POLL_FIRST_MS, POLL_MAX_MS, type JobState, type JobWatch, type Logger } from '@boards/core';

export interface QueueStatus {
  status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  queue_position?: number;
  error?: string;
}

/**
 * One status stream is closed and reopened after this long (fal also closes streams it holds
 * long): it stays well inside the HTTP attempt deadline that also bounds a response body.
 */
export const STREAM_SPAN_MS = 30_000;
/** fal sends the current status as soon as a stream opens: a stream silent this long is given up for polling. */
export const FIRST_EVENT_MS = 5_000;

export interface WaitOptions {
  /** `stream` (default): fal's status stream, polling when it fails; `poll`: polling only. */
  statusUpdates?: 'stream' | 'poll';
  /** First poll interval, growing 1.5x to 500 ms. Default POLL_FIRST_MS. */
  pollIntervalMs?: number;
}

/** What a queue status means. A request that failed is COMPLETED too: its result answers with the error. */
export function falState(status: QueueStatus): JobState {
  const name = status?.status as string;
  if (name === 'IN_QUEUE') return { state: 'queued', queuePosition: status.queue_position };
  if (name === 'IN_PROGRESS') return { state: 'running' };
  if (name === 'COMPLETED') return { state: 'completed' };
  return { state: 'unknown', status: String(name) };
}

/**
 * Follows one status stream (`GET .../status/stream`, server-sent events) until it closes.
 * `settled`: it carried a status that ends the wait; `ended`: it closed cleanly after events but
 * before that (a stream deadline: reopen it); `failed`: it was refused, broke, or stayed silent
 * (not offered, or stuck): poll instead. Stopping aborts it.
 */
async function followStream(client: FalClient, endpoint: string, requestId: string, { signal, settled }: JobWatch<QueueStatus>, logger: Logger) {
  // The SDK takes no signal for a stream (it opens one at once): a stopped generation opens none, and stopping aborts it.
  if (signal.aborted) return 'failed';
  const stream = await client.queue.streamStatus(endpoint, { requestId, logs: false });
  const abort = () => stream.abort();
  signal.addEventListener('abort', abort, { once: true });
  if (signal.aborted) abort();
  const span = setTimeout(abort, STREAM_SPAN_MS);
  const silent = setTimeout(abort, FIRST_EVENT_MS);
  let events = 0;
  let done = false;
  stream.on('data', (status: QueueStatus) => {
    // Only a status object is an event: byte chunks or `data: null` must not keep a silent stream alive.
    if (done || !status || typeof status !== 'object' || typeof status.status !== 'string') return;
    events++;
    clearTimeout(silent);
    done = settled(status);
    if (done) abort();
  });
  try {
    await stream.done();
    if (done) return 'settled';
    return events > 0 ? 'ended' : 'failed';
  } catch (error) {
    if (done) return 'settled';
    logger.debug(`fal: status stream of ${requestId} failed (${error instanceof Error ? error.message : String(error)}): polling instead`);
    return 'failed';
  } finally {
    clearTimeout(span);
    clearTimeout(silent);
    signal.removeEventListener('abort', abort);
  }
}

/**
 * Waits until fal reports the request ended: over fal's status stream (an event the moment the
 * status changes, so no poll period is added to the job), reopened when it closes early; by
 * polling (at once, then from 100 ms growing to 500 ms) when the stream fails, is not offered,
 * or twice in a row closes early at once. Returns when `watch.signal` fires.
 */
export async function waitForRequest(
  client: FalClient,
  endpoint: string,
  requestId: string,
  watch: JobWatch<QueueStatus>,
  logger: Logger,
  options: WaitOptions = {},
): Promise<void> {
  if (options.statusUpdates !== 'poll') {
    for (let quickEnds = 0; quickEnds < 2;) {
      const opened = Date.now();
      const outcome = await followStream(client, endpoint, requestId, watch, logger);
      if (outcome === 'settled' || watch.signal.aborted) return;
      if (outcome === 'failed') break;
      quickEnds = Date.now() - opened < POLL_MAX_MS ? quickEnds + 1 : 0;
    }
  }
  const status = (signal: AbortSignal) => client.queue.status(endpoint, { requestId, logs: false, abortSignal: signal }) as unknown as Promise<QueueStatus>;
  await pollJob(status, watch, { intervalMs: options.pollIntervalMs ?? POLL_FIRST_MS, immediate: true });
}
