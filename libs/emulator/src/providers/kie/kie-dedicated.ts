/**
 * Kie's dedicated task APIs under `/kie`: Veo 3.1 (`/api/v1/veo/generate`, `/api/v1/veo/record-info`),
 * Runway Aleph (`/api/v1/aleph/generate`, `/api/v1/aleph/record-info`) and Suno (`/api/v1/generate`,
 * `/api/v1/generate/sounds`, both read at `/api/v1/generate/record-info`). Each is served from its
 * snapshot (the docs page of its generate endpoint and of its task details): the body is checked
 * and defaulted by the page's schema, the auth by its security scheme, Suno's statuses named as its
 * task-details page names them. Records follow each task-details page (see README.md here).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { isObject, type Ctx } from '../../kernel/http';
import { Job, type BuildResult } from '../../kernel/jobs';
import type { ProviderHost, Route } from '../../kernel/provider';
import { inputSchemaOf } from '../../kernel/schema-check';
import { snapshotAuth, snapshotModels, statusNames, type EmulatorSnapshot, type SnapshotAuth } from '../../kernel/snapshots';
import { KIE_DEDICATED_APIS, type KieDedicatedApi } from './kie-apis';
import { makeMedia, sunoProseRule, TYPICAL_MS, type DedicatedOutcome } from './kie-dedicated-media';
import { kieError, kieSuccess } from './kie-envelope';
import { jsonBody, kieSnapshotInput } from './kie-snapshot';

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (isObject(x) ? x : {});

interface Meta {
  api: KieDedicatedApi;
  body: Json;
  /** Suno's statuses as the snapshot's task-details page names them (PENDING, TEXT_SUCCESS, FIRST_SUCCESS, SUCCESS, GENERATE_AUDIO_FAILED). */
  statuses: readonly string[];
}

const SUNO_STATUSES = ['PENDING', 'TEXT_SUCCESS', 'FIRST_SUCCESS', 'SUCCESS', 'GENERATE_AUDIO_FAILED'];

/** The snapshot of a dedicated API, compiled: its body schema, auth and Suno's status names. */
function served(snapshot: EmulatorSnapshot, api: KieDedicatedApi) {
  const { schema, root } = kieSnapshotInput(snapshot);
  const detail = obj(snapshot.document.taskDetail);
  const data = obj(obj(jsonBody(detail, `/${api.recordInfo.path}`, 'get', 'response').properties).data);
  const documented = obj(obj(data.properties).status).enum;
  return {
    schema: inputSchemaOf(schema, root, `kie ${api.page}`),
    auth: snapshotAuth(obj(obj(root).components).securitySchemes) as SnapshotAuth | undefined,
    statuses: statusNames(Array.isArray(documented) ? documented.map(String) : undefined, SUNO_STATUSES),
  };
}

/** How a task ended badly: Kie has no cancel, so a job-canceled fault reads as a failure. */
function failureOf(job: Job<Meta>): { errorCode: number; errorMessage: string } {
  const result = job.result;
  if (job.phase() !== 'canceled' && result && !result.ok && isObject(result.body)) return result.body as { errorCode: number; errorMessage: string };
  return {
    errorCode: 500,
    errorMessage: job.phase() === 'canceled' ? 'Task was stopped (emulated job-canceled fault)' : 'Internal Error, Please try again later.',
  };
}

/** The `data` of the task-details endpoint, in the shape of the task's API (times in ms since the epoch; Aleph's as ISO strings, as its page types them). */
function record(job: Job<Meta>): Json {
  const { api, body, statuses } = job.meta;
  const phase = job.phase();
  const done = phase === 'succeeded' || phase === 'failed' || phase === 'canceled';
  const ok = phase === 'succeeded' && job.result?.ok ? (job.result.value as Json) : undefined;
  const failure = done && !ok ? failureOf(job) : undefined;
  const completeTime = job.completedAt() ?? null;
  const param = JSON.stringify(body);
  if (api.family === 'veo') {
    // successFlag 0 generating, 1 success, 2 failed before completion (an input not read), 3 the generation failed.
    const flag = ok ? 1 : failure ? (failure.errorCode === 400 ? 2 : 3) : 0;
    const response = ok ? { taskId: job.id, ...ok } : null;
    return {
      taskId: job.id,
      paramJson: param,
      completeTime,
      response,
      successFlag: flag,
      ...errorFields(failure, ok ? '' : null),
      createTime: job.createdAt,
      fallbackFlag: false,
    };
  }
  if (api.family === 'aleph') {
    // successFlag 1 success, 0 "failed or in progress": a failure shows in errorCode / errorMessage.
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const response = ok ? { taskId: job.id, ...ok } : null;
    return {
      taskId: job.id,
      paramJson: param,
      response,
      completeTime: iso(completeTime),
      createTime: iso(job.createdAt),
      successFlag: ok ? 1 : 0,
      errorCode: failure?.errorCode ?? 0,
      errorMessage: failure?.errorMessage ?? '',
    };
  }
  const tracks = (ok?.sunoData as unknown[] | undefined) ?? [];
  const stage = ok ? 3 : failure ? 4 : phase === 'queued' ? 0 : job.progress() < 0.5 ? 1 : 2;
  // FIRST_SUCCESS: the first track is ready (and listed), the others are not.
  const listed = stage === 3 ? tracks : stage === 2 && job.result?.ok ? ((job.result.value as Json).sunoData as unknown[]).slice(0, 1) : undefined;
  const response = listed ? { taskId: job.id, sunoData: listed } : null;
  return {
    taskId: job.id,
    parentMusicId: '',
    param,
    response,
    status: statuses[stage],
    type: 'GENERATE',
    operationType: 'generate',
    ...errorFields(failure, null),
  };
}

const errorFields = (failure: { errorCode: number; errorMessage: string } | undefined, none: '' | null) =>
  failure ? { errorCode: failure.errorCode, errorMessage: failure.errorMessage } : { errorCode: null, errorMessage: none };

const toBuildResult = (outcome: DedicatedOutcome): BuildResult =>
  outcome.ok ? { ok: true, value: outcome.response } : { ok: false, status: outcome.errorCode, body: outcome, message: outcome.errorMessage };

/** The routes of every dedicated API (the generate endpoints, and the task-details endpoints once each). */
export function kieDedicatedRoutes(state: ProviderHost): Route[] {
  const tasks = new Map<string, Job<Meta>>();
  const models = new Map(KIE_DEDICATED_APIS.map((api) => [api.page, snapshotModels(state, 'kie', (snapshot) => served(snapshot, api))]));

  const generate = (api: KieDedicatedApi) => (ctx: Ctx) => {
    const body = ctx.json;
    if (!isObject(body)) return kieError(ctx, 422, 'The request body must be a JSON object');
    const def = models.get(api.page)?.(api.page);
    if (!def) return kieError(ctx, 422, `${api.generate.path} is not served: the emulator has no snapshot of ${api.page}`);
    if (def.auth && !def.auth.check(ctx.req.headers)) return kieError(ctx, 401, `You do not have access permissions: ${api.page} takes ${def.auth.text}`);
    const issues = def.schema.check(body);
    if (issues.length > 0) return kieError(ctx, 422, issues.map((i) => `${i.path.join('.')}: ${i.msg}`).join('; '));
    const sounds = api.generate.operation === 'sunoSounds';
    const prose = api.family === 'suno' ? sunoProseRule(body, sounds) : undefined;
    if (prose) return kieError(ctx, 422, prose);
    const id = api.family === 'aleph' ? randomUUID() : randomBytes(16).toString('hex');
    const planned = state.faults.takeJobOutcome('kie', api.generate.operation, ctx.testId) ?? 'succeeded';
    const given = def.schema.withDefaults(body);
    const build = async () => toBuildResult(await makeMedia(api.family, sounds, given, state.buildContext({ provider: 'kie', model: api.page, input: body })));
    tasks.set(id, new Job(id, { api, body, statuses: def.statuses }, state.jobDurationFor(TYPICAL_MS[api.family], ctx.testId), planned, build));
    kieSuccess(ctx, { taskId: id });
  };

  const recordInfo = (path: string) => (ctx: Ctx) => {
    const taskId = ctx.query.get('taskId');
    if (!taskId) return kieError(ctx, 422, 'taskId is required');
    const job = tasks.get(taskId);
    // Another API's task is not this endpoint's: Veo's page words a missing record "record is null".
    if (!job || job.meta.api.recordInfo.path !== path)
      return kieError(ctx, path.includes('/veo/') ? 422 : 404, path.includes('/veo/') ? 'record is null' : 'Task not found');
    kieSuccess(ctx, record(job));
  };

  const details = [...new Map(KIE_DEDICATED_APIS.map((api) => [api.recordInfo.path, api.recordInfo])).values()];
  return [
    ...KIE_DEDICATED_APIS.map((api) => ({ operation: api.generate.operation, method: 'POST', path: api.generate.path, handle: generate(api) })),
    ...details.map((r) => ({ operation: r.operation, method: 'GET', path: r.path, handle: recordInfo(r.path) })),
  ];
}
