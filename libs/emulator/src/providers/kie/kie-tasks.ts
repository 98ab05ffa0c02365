import { randomBytes } from 'node:crypto';
import { isObject, type Ctx } from '../../kernel/http';
import { Job, type BuildResult } from '../../kernel/jobs';
import type { Route } from '../../kernel/provider';
import type { ProviderHost } from '../../kernel/provider';
import { kieError, kieSuccess } from './kie-envelope';
import { snapshotModels } from '../../kernel/snapshots';
import { KIE_MEDIA, type KieOutcome } from './kie-models';
import { KIE_STATES, kieSnapshotModel } from './kie-snapshot';

interface TaskMeta {
  model: string;
  /** The createTask body as Kie echoes it in `param`: a JSON string of {model, callBackUrl?, input}. */
  param: string;
  /** The state names of the model's snapshot, in KIE_STATES order. */
  stateNames?: readonly string[];
}

type KieState = 'waiting' | 'queuing' | 'generating' | 'success' | 'fail';

/** Share of the job duration a task is `waiting` before it is `queuing` (Job keeps it queued for the first 20%). */
const WAITING_SHARE = 0.1;

const toBuildResult = (outcome: KieOutcome): BuildResult =>
  outcome.ok
    ? { ok: true, value: outcome.resultUrls }
    : { ok: false, status: Number(outcome.failCode) || 500, body: { failCode: outcome.failCode, failMsg: outcome.failMsg }, message: outcome.failMsg };

function stateOf(job: Job<TaskMeta>, now: number): KieState {
  switch (job.phase(now)) {
    case 'queued':
      return now - job.createdAt < job.durationMs * WAITING_SHARE ? 'waiting' : 'queuing';
    case 'running':
      return 'generating';
    case 'succeeded':
      return 'success';
    default:
      return 'fail';
  }
}

/** The state as the model's snapshot names it (a renamed state is answered renamed). */
const stateName = (job: Job<TaskMeta>, state: KieState) => (job.meta.stateNames ? job.meta.stateNames[KIE_STATES.indexOf(state)] : state);

/** Kie has no cancel: a job-canceled fault ends the task failed, as a task stopped on Kie's side would read. */
function failureOf(job: Job<TaskMeta>): { failCode: string; failMsg: string } {
  if (job.phase() === 'canceled' || job.planned === 'canceled') return { failCode: '500', failMsg: 'Task was stopped (emulated job-canceled fault)' };
  const result = job.result;
  if (result && !result.ok && isObject(result.body)) return { failCode: String(result.body.failCode), failMsg: String(result.body.failMsg) };
  return { failCode: '500', failMsg: 'Internal server error' };
}

/** The `data` of recordInfo: Kie's task record (times in ms since the epoch; resultJson and param are JSON strings). */
function record(job: Job<TaskMeta>, now = job.now()) {
  const state = stateOf(job, now);
  const completeTime = job.completedAt(now) ?? null;
  const startedAt = job.startedAt(now);
  const done = state === 'success' || state === 'fail';
  const failure = state === 'fail' ? failureOf(job) : { failCode: '', failMsg: '' };
  const resultUrls = state === 'success' && job.result?.ok ? (job.result.value as string[]) : undefined;
  return {
    taskId: job.id,
    model: job.meta.model,
    state: stateName(job, state),
    param: job.meta.param,
    resultJson: resultUrls ? JSON.stringify({ resultUrls }) : '',
    ...failure,
    costTime: done && startedAt !== undefined && completeTime !== null ? Math.max(0, completeTime - startedAt) : 0,
    completeTime,
    createTime: job.createdAt,
    updateTime: completeTime ?? startedAt ?? job.createdAt,
  };
}

/** `POST /api/v1/jobs/createTask` and `GET /api/v1/jobs/recordInfo` (the market task API of api.kie.ai). */
export function kieTaskRoutes(state: ProviderHost): Route[] {
  const tasks = new Map<string, Job<TaskMeta>>();
  /** A model with a snapshot; else none. */
  const modelOf = snapshotModels(state, 'kie', (snapshot) => kieSnapshotModel(snapshot, KIE_MEDIA[snapshot.model]));

  const createTask = (ctx: Ctx) => {
    const body = ctx.json;
    if (!isObject(body)) return kieError(ctx, 422, 'The request body must be a JSON object {model, input, callBackUrl?}');
    const { model, input, callBackUrl } = body;
    if (typeof model !== 'string' || !model) return kieError(ctx, 422, 'model is required');
    const def = modelOf(model);
    if (!def) return kieError(ctx, 422, `model ${model} is not supported (the emulator has no snapshot of it)`);
    if (def.auth && !def.auth.check(ctx.req.headers)) return kieError(ctx, 401, `You do not have access permissions: ${model} takes ${def.auth.text}`);
    if (callBackUrl !== undefined && typeof callBackUrl !== 'string') return kieError(ctx, 422, 'callBackUrl must be a string (a URL)');
    if (!isObject(input)) return kieError(ctx, 422, 'input is required: an object with the parameters of the model');
    const issues = def.schema ? def.schema.check(input) : [];
    if (issues.length > 0) return kieError(ctx, 422, issues.map((i) => `input.${i.path.join('.')}: ${i.msg}`).join('; '));
    const id = randomBytes(16).toString('hex');
    const param = JSON.stringify({ model, ...(callBackUrl !== undefined ? { callBackUrl } : {}), input });
    const planned = state.faults.takeJobOutcome('kie', 'createTask', ctx.testId) ?? 'succeeded';
    const given = def.schema ? def.schema.withDefaults(input) : input;
    const build = async () => toBuildResult(await def.run(given, state.buildContext({ provider: 'kie', model, input })));
    tasks.set(id, new Job(id, { model, param, stateNames: def.stateNames }, state.jobDurationFor(def.typicalMs, ctx.testId), planned, build));
    kieSuccess(ctx, { taskId: id });
  };

  const recordInfo = (ctx: Ctx) => {
    const taskId = ctx.query.get('taskId');
    if (!taskId) return kieError(ctx, 400, 'taskId parameter is required');
    const job = tasks.get(taskId);
    if (!job) return kieError(ctx, 404, 'Task not found');
    kieSuccess(ctx, record(job));
  };

  return [
    { operation: 'createTask', method: 'POST', path: 'api/v1/jobs/createTask', handle: createTask },
    { operation: 'recordInfo', method: 'GET', path: 'api/v1/jobs/recordInfo', handle: recordInfo },
  ];
}
