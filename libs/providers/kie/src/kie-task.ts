import { randomBytes } from 'node:crypto';
import {
  BoardsError,
  CanceledError,
  CancelUnconfirmedError,
  GenerationFailedError,
  nextPollInterval,
  pause,
  POLL_FIRST_MS,
  ProviderError,
  TimeoutError,
  type GeneratorContext,
} from '@boards/core';
import { generationTimeoutMs } from '@boards/config';
import { createKieClient, type KieAdapterOptions, type KieClient } from './kie-client';
import { mapKieError } from './kie-error';
import { kieSettings } from './kie-settings';

/** A task's record as recordInfo answers it (docs.kie.ai/market/common/get-task-detail). */
export interface KieTaskRecord {
  taskId: string;
  model?: string;
  state: 'waiting' | 'queuing' | 'generating' | 'success' | 'fail';
  /** A JSON string: `{"resultUrls": [...]}` (media) or `{"resultObject": {...}}` (text); '' until success. */
  resultJson?: string;
  failCode?: string;
  failMsg?: string;
  /** Processing time, ms. */
  costTime?: number;
  createTime?: number;
  completeTime?: number | null;
}

export interface KieTaskResult {
  taskId: string;
  /** The parsed resultJson. */
  result: { resultUrls?: string[]; resultObject?: unknown };
  record: KieTaskRecord;
}

/** The one client of a generation (settings resolved once): calls without a signal of their own are bounded by the generation's. */
export function openKieClient(options: KieAdapterOptions, ctx: GeneratorContext): KieClient {
  return createKieClient(kieSettings(options), { defaultSignal: ctx.signal, retry: options.retry });
}

/** Default wait before the second poll: the first is immediate, so a fast task costs one round trip. */
export const KIE_FIRST_POLL_MS = 25;

function parseResult(record: KieTaskRecord): KieTaskResult['result'] {
  try {
    const parsed: unknown = JSON.parse(record.resultJson ?? '');
    if (parsed && typeof parsed === 'object') return parsed as KieTaskResult['result'];
  } catch {
    // reported below
  }
  throw new ProviderError(`task ${record.taskId} succeeded but its resultJson is not a JSON object (${String(record.resultJson).slice(0, 80)})`, {
    provider: 'kie',
    jobId: record.taskId,
  });
}

async function createTask(client: KieClient, model: string, input: Record<string, unknown>, signal: AbortSignal): Promise<string> {
  const data = await client.call<{ taskId?: unknown } | null>({
    signal,
    method: 'POST',
    path: '/api/v1/jobs/createTask',
    json: { model, input },
    what: `createTask ${model}`,
  });
  const taskId = data?.taskId;
  if (typeof taskId === 'string' && /^[\w.-]+$/.test(taskId)) return taskId;
  throw new ProviderError(`createTask ${model}: the answer has no taskId (got ${JSON.stringify(data)?.slice(0, 120)})`, { provider: 'kie' });
}

/** The record recordInfo answered, if it is about our task: an answer for another task must not become our output. */
function ownRecord(record: KieTaskRecord | null | undefined, taskId: string): KieTaskRecord {
  if (record?.taskId === taskId) return record;
  throw new ProviderError(`recordInfo for task ${taskId} answered for task ${String(record?.taskId)}: not ours, its state and output are not used`, {
    provider: 'kie',
    jobId: taskId,
    retryable: false,
  });
}

/**
 * The error of a generation stopped by its caller once a createTask was sent. Kie has no cancel
 * endpoint, so stopping here does not stop the task: it is not a cancel, and the money goes on.
 */
function stoppedTask(taskId: string | undefined, model: string): CancelUnconfirmedError {
  const task = taskId ? `task ${taskId}` : `the task createTask ${model} may have created (no answer yet, so no task id)`;
  return new CancelUnconfirmedError(
    'kie',
    taskId ?? 'unknown',
    `Kie has no cancel endpoint: ${task} may still be running at Kie and will be billed; see https://kie.ai/logs`,
  );
}

/**
 * Creates a market task and polls recordInfo (at once, then from 25 ms growing 1.5x to 500 ms)
 * until it ends. Kie has no cancel: on abort polling stops with CancelUnconfirmedError (once a
 * createTask was sent), on the deadline with a TimeoutError naming the task.
 */
export async function runKieTask(
  model: string,
  input: Record<string, unknown>,
  ctx: GeneratorContext,
  options: KieAdapterOptions = {},
  client: KieClient = openKieClient(options, ctx),
): Promise<KieTaskResult> {
  const timeoutMs = generationTimeoutMs(options.timeoutMs);
  const stop = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]);
  let taskId: string | undefined;
  // Set just before the createTask request leaves (no await in between): from then on a task may exist.
  let createSent = false;
  try {
    ctx.progress({ progress: 0.05, phase: 'queued' });
    if (stop.aborted) throw new CanceledError();
    createSent = true;
    taskId = await createTask(client, model, input, stop);
    ctx.setProviderJob({ provider: 'kie', jobId: taskId });
    let interval = options.pollIntervalMs ?? KIE_FIRST_POLL_MS;
    for (;;) {
      const answer = await client.call<KieTaskRecord | null>({
        method: 'GET',
        path: `/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(taskId)}`,
        what: `recordInfo ${taskId}`,
        jobId: taskId,
        signal: stop,
      });
      const record = ownRecord(answer, taskId);
      if (record.state === 'success') return { taskId, result: parseResult(record), record };
      if (record.state === 'fail') {
        throw new GenerationFailedError('kie', `${record.failMsg || 'the task failed'}${record.failCode ? ` (failCode ${record.failCode})` : ''}`, taskId);
      }
      ctx.progress(record.state === 'generating' ? { progress: 0.4, phase: 'running' } : { progress: 0.1, phase: 'queued' });
      await pause(interval, stop);
      if (stop.aborted) throw new CanceledError();
      interval = interval < POLL_FIRST_MS ? POLL_FIRST_MS : nextPollInterval(interval);
    }
  } catch (error) {
    if (stop.aborted) {
      // The generation's deadline fires the same signal, with a TimeoutError as its reason: that stays a timeout.
      const deadline = BoardsError.isInstance(ctx.signal.reason) && ctx.signal.reason.code === 'TIMEOUT';
      if (ctx.signal.aborted && !deadline) {
        if (!createSent) throw new CanceledError();
        const stopped = stoppedTask(taskId, model);
        ctx.logger.warn(stopped.message);
        throw stopped;
      }
      if (!taskId) throw new TimeoutError('kie createTask', timeoutMs);
      ctx.logger.warn(`kie: stopped polling task ${taskId} at the deadline; Kie has no cancel: it goes on at Kie and is billed (see https://kie.ai/logs)`);
      throw new TimeoutError('kie task', timeoutMs, taskId);
    }
    throw mapKieError(error, taskId);
  }
}

/** Uploads bytes through Kie's file upload API (stream upload) and returns the downloadUrl models accept as input. */
export async function uploadToKie(
  bytes: Uint8Array,
  mimeType: string,
  fileName: string,
  ctx: GeneratorContext,
  options: KieAdapterOptions = {},
  client: KieClient = openKieClient(options, ctx),
): Promise<string> {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], fileName, { type: mimeType }));
  form.append('uploadPath', 'boards-inputs');
  // Kie replaces a file uploaded again under the same name: concurrent generations must not share one.
  form.append('fileName', `${randomBytes(6).toString('hex')}-${fileName}`);
  try {
    const data = await client.call<{ downloadUrl?: unknown }>({
      method: 'POST',
      path: '/api/file-stream-upload',
      form,
      upload: true,
      what: `upload ${fileName}`,
    });
    if (typeof data?.downloadUrl === 'string' && data.downloadUrl) return data.downloadUrl;
    throw new ProviderError(`upload ${fileName}: the answer has no downloadUrl`, { provider: 'kie' });
  } catch (error) {
    throw mapKieError(error, undefined);
  }
}
