import { randomUUID } from 'node:crypto';
import { authToken, isObject, sendJson, sendText, type Ctx, type Headers } from '../../kernel/http';
import { Job, QUEUED_SHARE } from '../../kernel/jobs';
import { FAL_MEDIA, registeredFalEndpoint, runFalEndpoint, type FalEndpoint } from './fal-endpoints';
import { appIdOf, FAL_STATUSES, falStatus, inferenceSeconds, TIMED_OUT, timedOut, type FalMeta } from './fal-status';
import { snapshotModels } from '../../kernel/snapshots';
import { falSnapshotEndpoint } from './fal-snapshot';
import { inlineMedia } from './fal-sync';
import { falStorageRoutes } from './fal-storage';
import type { ProviderDef } from '../../kernel/provider';
import type { ProviderHost } from '../../kernel/provider';

const REQUEST_ID = 'x-fal-request-id';
const SERVED_FROM = 'x-fal-served-from';
/** fal's queue host: submit answers carry URLs on it (clients map hosts themselves, see rewriteFalUrl). */
export const FAL_QUEUE_ORIGIN = 'https://queue.fal.run';
const SYNC_RUN_TIMEOUT_MS = 10 * 60_000;
/** fal sends a comment line this often on an idle status stream, to keep the connection open. */
export const STREAM_KEEPALIVE_MS = 15_000;
/** A status stream closes after this long even when its request has not completed (clients reconnect or poll). */
export const STREAM_DEADLINE_MS = 10 * 60_000;
/** `X-Fal-Request-Timeout`: seconds for a runner to start the request ("Minimum > 0.1 seconds"). */
const REQUEST_TIMEOUT = 'x-fal-request-timeout';
/** The header of a 504 for a request that timed out; `user`: the caller's own deadline. */
const TIMEOUT_HEADERS = { 'x-fal-request-timeout-type': 'user', 'x-fal-error-type': 'request_timeout' };
/** With `logs=1` the log lines grow while a request runs: a stream looks for new ones this often. */
const STREAM_LOG_TICK_MS = 100;

/**
 * The fal queue (`/fal/queue/...`, what queue.fal.run serves), sync runs (`/fal/run/...`,
 * fal.run) and storage (`/fal/rest/...`, rest.fal.ai). Answers carry x-fal-request-id.
 */
export function createFalProvider(state: ProviderHost): ProviderDef {
  const jobs = new Map<string, Job<FalMeta>>();
  /** The runner that serves results (fal names it in x-fal-served-from): one per emulator. */
  const runner = randomUUID();

  /** A registered endpoint, else one with a snapshot; else none (404). */
  const fromSnapshots = snapshotModels(state, 'fal', (snapshot) => falSnapshotEndpoint(snapshot, FAL_MEDIA[snapshot.model]));
  const endpointOf = (id: string): FalEndpoint | undefined => {
    const kind = state.registeredKind('fal', id);
    return kind ? registeredFalEndpoint(kind) : fromSnapshots(id);
  };

  const detail = (ctx: Ctx, status: number, message: string, headers: Headers = {}) =>
    sendJson(ctx, status, { detail: message }, { [REQUEST_ID]: randomUUID(), ...headers });

  /** A job for a known (or registered) endpoint; an unknown one answers 404 as fal does and returns undefined. */
  const createJob = (ctx: Ctx, endpoint: string, operation: string): Job<FalMeta> | undefined => {
    // An owner alone (`fal-ai`) names no app: fal's router answers that with a plain-text 404.
    if (!endpoint.includes('/')) {
      sendText(ctx, 404, 'Not Found');
      return undefined;
    }
    const timeoutHeader = [ctx.req.headers[REQUEST_TIMEOUT] ?? []].flat()[0];
    const timeoutSeconds = timeoutHeader === undefined ? undefined : Number(timeoutHeader);
    if (timeoutSeconds !== undefined && !(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0.1)) {
      detail(ctx, 422, `${REQUEST_TIMEOUT} must be a number of seconds greater than 0.1, not ${JSON.stringify(timeoutHeader)}`);
      return undefined;
    }
    const def = endpointOf(endpoint);
    if (!def) {
      detail(ctx, 404, `Application not found: the emulator does not know the endpoint ${endpoint} (register it: POST /__emulator/models)`);
      return undefined;
    }
    if (def.auth && !def.auth.check(ctx.req.headers)) {
      detail(ctx, 401, `Unauthorized: ${endpoint} takes ${def.auth.text} (its published security scheme)`);
      return undefined;
    }
    const input = isObject(ctx.json) ? ctx.json : {};
    const id = randomUUID();
    const appId = appIdOf(endpoint);
    const meta: FalMeta = { endpoint, appId, input, responseUrl: `${FAL_QUEUE_ORIGIN}/${appId}/requests/${id}`, statusNames: def.statusNames };
    const planned = state.faults.takeJobOutcome('fal', operation, ctx.testId) ?? 'succeeded';
    // `sync_mode: true` (where the endpoint's schema has it): media comes back as data URIs, not URLs.
    const sync = input.sync_mode === true && def.schema?.fields.includes('sync_mode') === true;
    const build = async () => {
      const result = await runFalEndpoint(def, input, state.buildContext({ provider: 'fal', endpoint, input }));
      return sync && result.ok ? { ...result, value: inlineMedia(result.value, state.files) } : result;
    };
    const durationMs = state.jobDurationFor(def.typicalMs, ctx.testId);
    const job = new Job(id, meta, durationMs, planned, build, () => state.lifetime.now());
    // The deadline covers the wait for a runner only (fal's common parameters): a job still queued then times out.
    const startsAt = job.createdAt + durationMs * QUEUED_SHARE;
    if (timeoutSeconds !== undefined && startsAt > job.createdAt + timeoutSeconds * 1000) meta.timesOutAt = job.createdAt + timeoutSeconds * 1000;
    jobs.set(id, job);
    return job;
  };

  /** The job of a status/result/cancel URL; the URL may name the app or the full endpoint id. */
  const findJob = (ctx: Ctx, app: string, id: string): Job<FalMeta> | undefined => {
    const job = jobs.get(id);
    if (job && appIdOf(app) === job.meta.appId) return job;
    detail(ctx, 404, `Request ${id} not found`);
    return undefined;
  };

  const sendResult = (ctx: Ctx, job: Job<FalMeta>) => {
    const headers = { [REQUEST_ID]: job.id, [SERVED_FROM]: runner };
    if (timedOut(job)) return sendJson(ctx, 504, TIMED_OUT, { ...headers, ...TIMEOUT_HEADERS });
    const phase = job.phase();
    if (phase === 'queued' || phase === 'running') return detail(ctx, 400, 'Request is still in progress', headers);
    if (phase === 'canceled') return detail(ctx, 400, 'Request was cancelled', headers);
    const result = job.result;
    if (result && !result.ok) return sendJson(ctx, result.status, result.body, headers);
    if (phase === 'failed' || !result) return detail(ctx, 500, 'Emulated generation failure (job-failed fault)', headers);
    // Result timings agree with the status metrics (both from the job's run time).
    const value =
      isObject(result.value) && isObject(result.value.timings)
        ? { ...result.value, timings: { ...result.value.timings, inference: inferenceSeconds(job) } }
        : result.value;
    sendJson(ctx, 200, value, { ...headers, 'x-fal-billable-units': String(result.billableUnits ?? 1) });
  };

  /**
   * `GET .../status/stream`, as fal documents it: one `data:` event with the status object (the
   * fields of a status answer) at once and at every change, a comment line every 15 s while
   * nothing changes, closed after the COMPLETED event or at the stream deadline.
   */
  const stream = async (ctx: Ctx, job: Job<FalMeta>, withLogs: boolean) => {
    ctx.record.status = 200;
    ctx.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', [REQUEST_ID]: job.id });
    const deadline = Date.now() + STREAM_DEADLINE_MS;
    let last = '';
    let wroteAt = 0;
    while (!state.lifetime.stopped && !ctx.res.destroyed) {
      const { body } = falStatus(job, withLogs);
      const text = JSON.stringify(body);
      if (text !== last) {
        // Faults: 'truncated' cuts the connection after the first event, 'short' closes the stream cleanly there.
        if (ctx.truncate) return void ctx.res.write(`data: ${text}\n\n`, () => ctx.res.socket?.destroy());
        ctx.res.write(`data: ${text}\n\n`);
        last = text;
        wroteAt = Date.now();
        if (ctx.short) break;
      } else if (Date.now() - wroteAt >= STREAM_KEEPALIVE_MS) {
        ctx.res.write(': keep-alive\n\n');
        wroteAt = Date.now();
      }
      const left = deadline - Date.now();
      if (body.status === (job.meta.statusNames ?? FAL_STATUSES)[2] || left <= 0) break;
      const quiet = Math.max(1, wroteAt + STREAM_KEEPALIVE_MS - Date.now());
      await job.changed(state.lifetime, Math.min(left, quiet, withLogs ? STREAM_LOG_TICK_MS : Infinity));
    }
    ctx.res.end();
  };

  return {
    id: 'fal',
    prefix: ['fal'],
    authorize: (ctx) => authToken(ctx, 'Key') !== undefined,
    unauthorized: (ctx) => detail(ctx, 401, 'Unauthorized: missing or malformed "Authorization: Key <key>" header'),
    error: (ctx, status, message, headers) => detail(ctx, status, message, headers),
    routes: [
      ...falStorageRoutes(state),
      {
        operation: 'submit',
        method: 'POST',
        path: 'queue/*endpoint',
        handle(ctx, { endpoint }) {
          const job = createJob(ctx, endpoint, 'submit');
          if (!job) return;
          const { body } = falStatus(job, false, true);
          sendJson(ctx, 200, body, { [REQUEST_ID]: job.id });
        },
      },
      {
        operation: 'status-stream',
        method: 'GET',
        path: 'queue/*app/requests/:id/status/stream',
        handle(ctx, { app, id }) {
          const job = findJob(ctx, app, id);
          return job && stream(ctx, job, ctx.query.get('logs') === '1');
        },
      },
      {
        operation: 'status',
        method: 'GET',
        path: 'queue/*app/requests/:id/status',
        handle(ctx, { app, id }) {
          const job = findJob(ctx, app, id);
          if (!job) return;
          const { http, body } = falStatus(job, ctx.query.get('logs') === '1');
          sendJson(ctx, http, body, { [REQUEST_ID]: job.id });
        },
      },
      {
        operation: 'result',
        method: 'GET',
        path: 'queue/*app/requests/:id',
        handle(ctx, { app, id }) {
          const job = findJob(ctx, app, id);
          if (job) sendResult(ctx, job);
        },
      },
      {
        operation: 'cancel',
        method: 'PUT',
        path: 'queue/*app/requests/:id/cancel',
        handle(ctx, { app, id }) {
          const job = findJob(ctx, app, id);
          if (!job) return;
          const wasQueued = job.phase() === 'queued';
          if (!job.cancel() && job.phase() !== 'canceled') {
            return sendJson(ctx, 400, { success: false, status: 'ALREADY_COMPLETED' }, { [REQUEST_ID]: job.id });
          }
          sendJson(ctx, 200, { success: true, status: wasQueued ? 'OK' : 'CANCELLATION_REQUESTED' }, { [REQUEST_ID]: job.id });
        },
      },
      {
        operation: 'run',
        method: 'POST',
        path: 'run/*endpoint',
        async handle(ctx, { endpoint }) {
          const job = createJob(ctx, endpoint, 'run');
          if (!job) return;
          const deadline = job.meta.timesOutAt;
          await job.waitUntilDone(state.lifetime, deadline === undefined ? SYNC_RUN_TIMEOUT_MS : deadline - job.createdAt);
          if (timedOut(job)) job.cancel();
          sendResult(ctx, job);
        },
      },
    ],
  };
}
