import type { FalClient } from '@fal-ai/client';
import { CanceledError, nextPollInterval, pause, POLL_FIRST_MS, POLL_MAX_MS, type GeneratorContext } from '@boards/core';

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

function report(ctx: GeneratorContext, status: QueueStatus): void {
  if (status.status === 'IN_QUEUE') ctx.progress({ progress: 0.1, phase: 'queued', queuePosition: status.queue_position });
  else if (status.status === 'IN_PROGRESS') ctx.progress({ progress: 0.4, phase: 'running' });
}

/**
 * Follows one status stream (`GET .../status/stream`, server-sent events) until it closes.
 * `completed`: it carried COMPLETED; `ended`: it closed cleanly after events but before
 * COMPLETED (a stream deadline: reopen it); `failed`: it was refused, broke, or stayed silent
 * (not offered, or stuck): poll instead. Stopping aborts it.
 */
async function followStream(client: FalClient, endpoint: string, requestId: string, ctx: GeneratorContext, stop: AbortSignal) {
  // The SDK takes no signal for a stream (it opens one at once): a stopped generation opens none, and stopping aborts it.
  if (stop.aborted) return 'failed';
  const stream = await client.queue.streamStatus(endpoint, { requestId, logs: false });
  const abort = () => stream.abort();
  stop.addEventListener('abort', abort, { once: true });
  if (stop.aborted) abort();
  const span = setTimeout(abort, STREAM_SPAN_MS);
  const silent = setTimeout(abort, FIRST_EVENT_MS);
  let events = 0;
  let completed = false;
  stream.on('data', (status: QueueStatus) => {
    // Only a status object is an event: byte chunks or `data: null` must not keep a silent stream alive.
    if (!status || typeof status !== 'object' || typeof status.status !== 'string') return;
    events++;
    clearTimeout(silent);
    if (status?.status === 'COMPLETED') completed = true;
    else report(ctx, status);
  });
  try {
    await stream.done();
    if (completed) return 'completed';
    return events > 0 ? 'ended' : 'failed';
  } catch (error) {
    ctx.logger.debug(`fal: status stream of ${requestId} failed (${error instanceof Error ? error.message : String(error)}): polling instead`);
    return 'failed';
  } finally {
    clearTimeout(span);
    clearTimeout(silent);
    stop.removeEventListener('abort', abort);
  }
}

/**
 * Waits until fal reports the request COMPLETED: over fal's status stream (an event the
 * moment the status changes, so no poll period is added to the job), reopened when it closes
 * early; by polling (at once, then from 100 ms growing to 500 ms) when the stream fails, is
 * not offered, or twice in a row closes early at once. Throws CanceledError when `stop` aborts.
 */
export async function waitUntilCompleted(
  client: FalClient,
  endpoint: string,
  requestId: string,
  ctx: GeneratorContext,
  stop: AbortSignal,
  options: WaitOptions = {},
): Promise<void> {
  if (options.statusUpdates !== 'poll') {
    for (let quickEnds = 0; quickEnds < 2;) {
      const opened = Date.now();
      const outcome = await followStream(client, endpoint, requestId, ctx, stop);
      if (stop.aborted) throw new CanceledError();
      if (outcome === 'completed') return;
      if (outcome === 'failed') break;
      quickEnds = Date.now() - opened < POLL_MAX_MS ? quickEnds + 1 : 0;
    }
  }
  let interval = options.pollIntervalMs ?? POLL_FIRST_MS;
  for (;;) {
    const status = (await client.queue.status(endpoint, { requestId, logs: false, abortSignal: stop })) as unknown as QueueStatus;
    if (status.status === 'COMPLETED') return;
    report(ctx, status);
    await pause(interval, stop);
    if (stop.aborted) throw new CanceledError();
    interval = nextPollInterval(interval);
  }
}
