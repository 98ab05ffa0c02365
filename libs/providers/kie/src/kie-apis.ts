/**
 * Kie's task APIs, as data: the market (createTask / recordInfo, every market model) and the
 * dedicated APIs of Veo 3.1, Runway Aleph and Suno, each with its own generate and task-details
 * endpoints and its own record. A Kie model id is a market model (`seedream/4.5-text-to-image`) or
 * the docs page of a dedicated API's generate endpoint (`veo3-api/generate-veo-3-video`): the
 * adapter picks the API by it, so a generator declares a model and nothing about endpoints.
 */
import { ProviderError, type JobState } from '@boards/core';

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : {});

/** What a finished task made: the media URLs (in order), and the record's own reading of its result. */
export interface KieTaskOutput {
  resultUrls: string[];
  /** The market's parsed resultJson (`{resultUrls}` or `{resultObject}`); a dedicated API's response object. */
  raw: Json;
}

/** One of Kie's task APIs: where a task is created and read, and what its record means. */
export interface KieTaskApi {
  /** The generate endpoint, and how messages name the call (`createTask <model>`, `veo/generate`). */
  submit: { path: string; what(model: string): string };
  /** The task-details endpoint (`?taskId=`), and how messages name it. */
  record: { path: string; what: string };
  /** The docs page (below docs.kie.ai, without `.md`) of the task-details endpoint. */
  detailPage: string;
  /** The field of the task-details record that holds its status (for the drift check of statuses). */
  statusField: string;
  /** Every status the adapter maps (a published one outside these is one it would not understand). */
  statuses: readonly string[];
  /** The request body of the generate endpoint for the task's `input` (the model's fields). */
  body(model: string, input: Json, callBackUrl: string | undefined): Json;
  state(record: Json): JobState;
  /** The media of a record whose state is completed; throws a ProviderError naming what is missing. */
  output(record: Json, taskId: string): KieTaskOutput;
  /** Least wait between two reads of one task, ms (Suno: 3 queries per second per task). */
  pollFloorMs?: number;
  /** Kie refuses the generate call without a `callBackUrl` (Suno music). */
  requiresCallBackUrl?: boolean;
}

/**
 * What the adapter sends as `callBackUrl` where Kie requires one and the caller gave none: a host
 * under `.invalid`, which no resolver answers (RFC 6761), so Kie's report reaches nobody; the
 * adapter reads the task-details endpoint instead.
 */
export const KIE_NO_CALLBACK_URL = 'https://callback.boards.invalid/kie';

const urls = (x: unknown): string[] => (Array.isArray(x) ? x.filter((u): u is string => typeof u === 'string' && u !== '') : []);

function missing(what: string, taskId: string): never {
  throw new ProviderError(`task ${taskId} succeeded but its record has no ${what}`, { provider: 'kie', jobId: taskId, retryable: false });
}

const failed = (record: Json, fallback: string): JobState => {
  const code = record.errorCode ?? record.failCode;
  const message = record.errorMessage ?? record.failMsg;
  return {
    state: 'failed',
    reason: `${typeof message === 'string' && message ? message : fallback}${code ? ` (${record.failCode ? 'failCode' : 'errorCode'} ${String(code)})` : ''}`,
  };
};

/** The market: createTask `{model, input}`, recordInfo's `state` and its resultJson (a JSON string). */
export const KIE_MARKET: KieTaskApi = {
  submit: { path: '/api/v1/jobs/createTask', what: (model) => `createTask ${model}` },
  record: { path: '/api/v1/jobs/recordInfo', what: 'recordInfo' },
  detailPage: 'market/common/get-task-detail',
  statusField: 'state',
  statuses: ['waiting', 'queuing', 'generating', 'success', 'fail'],
  body: (model, input, callBackUrl) => ({ model, input, ...(callBackUrl ? { callBackUrl } : {}) }),
  state(record) {
    const state = String(record.state);
    if (state === 'waiting' || state === 'queuing') return { state: 'queued' };
    if (state === 'generating') return { state: 'running' };
    if (state === 'success') return { state: 'completed' };
    if (state === 'fail') return failed(record, 'the task failed');
    return { state: 'unknown', status: state };
  },
  output(record, taskId) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(record.resultJson ?? ''));
    } catch {
      // reported below
    }
    if (!parsed || typeof parsed !== 'object')
      throw new ProviderError(`task ${taskId} succeeded but its resultJson is not a JSON object (${String(record.resultJson).slice(0, 80)})`, {
        provider: 'kie',
        jobId: taskId,
      });
    return { resultUrls: urls(obj(parsed).resultUrls), raw: obj(parsed) };
  },
};

/** A dedicated API's generate endpoint takes the model's fields as its body (with `callBackUrl` beside them). */
const flatBody = (_model: string, input: Json, callBackUrl: string | undefined): Json => ({ ...input, ...(callBackUrl ? { callBackUrl } : {}) });

/** Veo 3.1: `successFlag` 0 generating, 1 success, 2 failed, 3 generation failed; the videos at `response.resultUrls`. */
const VEO: KieTaskApi = {
  submit: { path: '/api/v1/veo/generate', what: () => 'veo/generate' },
  record: { path: '/api/v1/veo/record-info', what: 'veo/record-info' },
  detailPage: 'veo3-api/get-veo-3-video-details',
  statusField: 'successFlag',
  statuses: ['0', '1', '2', '3'],
  body: flatBody,
  state(record) {
    const flag = record.successFlag;
    if (flag === 0) return { state: 'running' };
    if (flag === 1) return { state: 'completed' };
    if (flag === 2 || flag === 3) return failed(record, `the task failed (successFlag ${flag})`);
    return { state: 'unknown', status: `successFlag ${String(flag)}` };
  },
  output(record, taskId) {
    const found = urls(obj(record.response).resultUrls);
    return found.length > 0 ? { resultUrls: found, raw: obj(record.response) } : missing('response.resultUrls', taskId);
  },
};

/** Runway Aleph: `successFlag` 1 success, 0 "failed or in progress" (a failure carries an errorCode or errorMessage); the video at `response.resultVideoUrl`. */
const ALEPH: KieTaskApi = {
  submit: { path: '/api/v1/aleph/generate', what: () => 'aleph/generate' },
  record: { path: '/api/v1/aleph/record-info', what: 'aleph/record-info' },
  detailPage: 'runway-api/get-aleph-video-details',
  statusField: 'successFlag',
  statuses: ['0', '1'],
  body: flatBody,
  state(record) {
    const flag = record.successFlag;
    if (flag === 1) return { state: 'completed' };
    if (flag !== 0) return { state: 'unknown', status: `successFlag ${String(flag)}` };
    const code = Number(record.errorCode ?? 0);
    return code !== 0 || (typeof record.errorMessage === 'string' && record.errorMessage !== '') ? failed(record, 'the task failed') : { state: 'running' };
  },
  output(record, taskId) {
    const video = obj(record.response).resultVideoUrl;
    return typeof video === 'string' && video ? { resultUrls: [video], raw: obj(record.response) } : missing('response.resultVideoUrl', taskId);
  },
};

const SUNO_FAILED = ['CREATE_TASK_FAILED', 'GENERATE_AUDIO_FAILED', 'SENSITIVE_WORD_ERROR'];
const sunoTracks = (record: Json) =>
  urls((Array.isArray(obj(record.response).sunoData) ? (obj(record.response).sunoData as unknown[]) : []).map((t) => obj(t).audioUrl));

/** Suno (music and sounds, one task-details endpoint): `status` PENDING -> TEXT_SUCCESS -> FIRST_SUCCESS -> SUCCESS; the tracks at `response.sunoData[].audioUrl`. */
function suno(path: string, what: string, requiresCallBackUrl: boolean): KieTaskApi {
  return {
    submit: { path, what: () => what },
    record: { path: '/api/v1/generate/record-info', what: 'generate/record-info' },
    detailPage: 'suno-api/get-music-details',
    statusField: 'status',
    statuses: ['PENDING', 'TEXT_SUCCESS', 'FIRST_SUCCESS', 'SUCCESS', 'CALLBACK_EXCEPTION', ...SUNO_FAILED],
    body: flatBody,
    requiresCallBackUrl,
    // The page: "Maximum query rate: 3 requests per second per task".
    pollFloorMs: 350,
    state(record) {
      const status = String(record.status);
      if (status === 'PENDING') return { state: 'queued' };
      if (status === 'TEXT_SUCCESS' || status === 'FIRST_SUCCESS') return { state: 'running' };
      if (status === 'SUCCESS') return { state: 'completed' };
      // A failed callback (the adapter's goes nowhere) fails only the report: tracks made are the task's result.
      if (status === 'CALLBACK_EXCEPTION') return sunoTracks(record).length > 0 ? { state: 'completed' } : failed(record, status);
      if (SUNO_FAILED.includes(status)) return failed(record, status);
      return { state: 'unknown', status };
    },
    output(record, taskId) {
      const found = sunoTracks(record);
      return found.length > 0 ? { resultUrls: found, raw: obj(record.response) } : missing('response.sunoData[].audioUrl', taskId);
    },
  };
}

/** The model ids of the dedicated APIs: the docs pages of their generate endpoints. */
export const KIE_DEDICATED_MODELS = {
  veo3: 'veo3-api/generate-veo-3-video',
  runwayAleph: 'runway-api/generate-aleph-video',
  sunoMusic: 'suno-api/generate-music',
  sunoSounds: 'suno-api/generate-sounds',
} as const;

const DEDICATED: Readonly<Record<string, KieTaskApi>> = {
  [KIE_DEDICATED_MODELS.veo3]: VEO,
  [KIE_DEDICATED_MODELS.runwayAleph]: ALEPH,
  [KIE_DEDICATED_MODELS.sunoMusic]: suno('/api/v1/generate', 'generate', true),
  [KIE_DEDICATED_MODELS.sunoSounds]: suno('/api/v1/generate/sounds', 'generate/sounds', false),
};

/** Every task API: the market's, then the dedicated ones. */
export const KIE_TASK_APIS: readonly KieTaskApi[] = [KIE_MARKET, ...new Set(Object.values(DEDICATED))];

/** The task API of a model: a dedicated API's, by its docs page, else the market's. */
export const kieTaskApi = (model: string): KieTaskApi => DEDICATED[model] ?? KIE_MARKET;

/** True for the model id of a dedicated API. */
export const isDedicatedModel = (model: string): boolean => Object.hasOwn(DEDICATED, model);
