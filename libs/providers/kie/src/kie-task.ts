import { randomBytes } from 'node:crypto';
import { CanceledError, GenerationFailedError, nextPollInterval, pause, POLL_FIRST_MS, ProviderError, TimeoutError, type GeneratorContext } from '@boards/core';
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

/**
 * Creates a market task and polls recordInfo (at once, then from 25 ms growing 1.5x to 500 ms)
 * until it ends. Kie has no cancel: on abort or deadline polling stops, and the error says the
 * task goes on at Kie and is billed.
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
  try {
    ctx.progress({ progress: 0.05, phase: 'queued' });
    taskId = await createTask(client, model, input, stop);
    ctx.setProviderJob({ provider: 'kie', jobId: taskId });
    let interval = options.pollIntervalMs ?? KIE_FIRST_POLL_MS;
    for (;;) {
      const record = await client.call<KieTaskRecord>({
        method: 'GET',
        path: `/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(taskId)}`,
        what: `recordInfo ${taskId}`,
        jobId: taskId,
        signal: stop,
      });
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
      if (!taskId) throw ctx.signal.aborted ? new CanceledError() : new TimeoutError('kie createTask', timeoutMs);
      const continues = `Kie has no cancel: task ${taskId} goes on at Kie and is billed (see https://kie.ai/logs)`;
      ctx.logger.warn(`kie: stopped polling task ${taskId}; ${continues}`);
      if (ctx.signal.aborted) throw new CanceledError(`Generation was stopped; ${continues}`, taskId);
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
