import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { authToken, isObject, sendJson, type Ctx, type Headers } from './http';
import { Job, type JobPhase } from './jobs';
import type { ProviderDef } from './provider';
import { replicateModel } from './replicate-models';
import type { EmulatorState } from './state';
import type { Issue } from './validate';

interface Meta {
  model: string;
  version: string;
  input: Record<string, unknown>;
}

const STATUS: Record<JobPhase, string> = { queued: 'starting', running: 'processing', succeeded: 'succeeded', failed: 'failed', canceled: 'canceled' };
const MAX_WAIT_SECONDS = 60;
const STEPS = 28;

const iso = (ms: number) => new Date(ms).toISOString();

/** `Prefer: wait` -> 60, `Prefer: wait=N` -> N (max 60); undefined without the preference. */
export function parsePrefer(header: string | undefined): number | undefined {
  const match = /(?:^|[,;\s])wait(?:\s*=\s*(\d+))?(?:$|[,;\s])/i.exec(header ?? '');
  if (!match) return undefined;
  return Math.min(MAX_WAIT_SECONDS, match[1] === undefined ? MAX_WAIT_SECONDS : Number(match[1]));
}

/** A tqdm-style line that the replicate SDK's parseProgressFromLogs understands. */
function progressLine(fraction: number): string {
  const done = Math.floor(fraction * STEPS);
  const pct = Math.floor((done / STEPS) * 100);
  const bar = '█'.repeat(Math.round((done / STEPS) * 10)).padEnd(10, ' ');
  return `${String(pct).padStart(3)}%|${bar}| ${done}/${STEPS} [00:00<00:00, 9.99it/s]`;
}

function problem(ctx: Ctx, status: number, detail: string, extra: Record<string, unknown> = {}, headers: Headers = {}): void {
  const title = status === 429 ? 'Request was throttled.' : (STATUS_CODES[status] ?? 'Error');
  sendJson(ctx, status, { title, detail, status, ...extra }, { 'content-type': 'application/problem+json', ...headers });
}

function invalid(ctx: Ctx, issues: Issue[]): void {
  const fields = issues.map((i) => ({ type: i.type, field: ['input', ...i.path].join('.'), description: i.msg }));
  problem(ctx, 422, fields.map((f) => `- ${f.field}: ${f.description}`).join('\n'), { title: 'Input validation failed', invalid_fields: fields });
}

export function createReplicateProvider(state: EmulatorState): ProviderDef {
  const jobs = new Map<string, Job<Meta>>();

  const render = (job: Job<Meta>, asCreated = false): Record<string, unknown> => {
    const now = Date.now();
    const phase: JobPhase = asCreated ? 'queued' : job.phase(now);
    const started = asCreated ? undefined : job.startedAt(now);
    const completed = asCreated ? undefined : job.completedAt(now);
    const get = `${state.replicateBaseUrl}/predictions/${job.id}`;
    const logs = started === undefined ? '' : `Emulating ${job.meta.model}\n${progressLine(job.progress(now))}\n${completed ? 'Done\n' : ''}`;
    const error =
      phase !== 'failed' ? null : job.result && !job.result.ok ? job.result.message : 'Emulated prediction failure (job-failed fault)';
    const prediction: Record<string, unknown> = {
      id: job.id,
      model: job.meta.model,
      version: job.meta.version,
      input: job.meta.input,
      logs,
      output: phase === 'succeeded' && job.result?.ok ? job.result.value : null,
      data_removed: false,
      error,
      status: STATUS[phase],
      source: 'api',
      created_at: iso(job.createdAt),
      urls: { cancel: `${get}/cancel`, get, web: `https://replicate.com/p/${job.id}` },
    };
    if (started !== undefined) prediction.started_at = iso(started);
    if (completed !== undefined) {
      prediction.completed_at = iso(completed);
      prediction.metrics = { predict_time: started === undefined ? 0 : (completed - started) / 1000, total_time: (completed - job.createdAt) / 1000 };
    }
    return prediction;
  };

  const create = async (ctx: Ctx, model: string, version: string): Promise<void> => {
    const body = ctx.json;
    if (!isObject(body)) return problem(ctx, 400, 'The request body must be a JSON object.');
    if (!isObject(body.input)) return invalid(ctx, [{ path: [], msg: 'input is required and must be an object', type: 'required' }]);
    const input = body.input;
    const def = replicateModel(model);
    const issues = def.validate(input);
    if (issues.length > 0) return invalid(ctx, issues);
    const planned = state.faults.takeJobOutcome('replicate', 'submit') ?? 'succeeded';
    const id = randomBytes(16).toString('hex').slice(0, 26);
    const build = () => def.build(input, state.buildContext({ provider: 'replicate', model, version, input }));
    const job = new Job<Meta>(id, { model, version, input }, state.jobDurationMs, planned, build);
    jobs.set(id, job);
    const wait = parsePrefer([ctx.req.headers.prefer ?? ''].flat().join(','));
    if (wait === undefined) return sendJson(ctx, 201, render(job, true));
    await job.waitUntilDone(state.lifetime, wait * 1000);
    sendJson(ctx, 201, render(job));
  };

  const found = (ctx: Ctx, id: string): Job<Meta> | undefined => {
    const job = jobs.get(id);
    if (!job) problem(ctx, 404, 'Not found.');
    return job;
  };

  return {
    id: 'replicate',
    prefix: ['replicate', 'v1'],
    authorize: (ctx) => authToken(ctx, 'Bearer') !== undefined,
    unauthorized: (ctx) => problem(ctx, 401, 'You did not pass a valid authentication token', { title: 'Unauthenticated' }),
    error: (ctx, status, message, headers) => problem(ctx, status, message, {}, headers),
    routes: [
      {
        operation: 'submit',
        method: 'POST',
        path: 'models/:owner/:name/predictions',
        handle: (ctx, p) => create(ctx, `${p.owner}/${p.name}`, 'hidden'),
      },
      {
        operation: 'submit',
        method: 'POST',
        path: 'predictions',
        handle(ctx) {
          const version = isObject(ctx.json) ? ctx.json.version : undefined;
          if (typeof version !== 'string' || !version) return problem(ctx, 422, '- version: version is required', { title: 'Input validation failed' });
          const model = version.includes('/') ? version.split(':')[0] : 'replicate/emulated-version';
          return create(ctx, model, version.includes(':') ? version.split(':')[1] : version);
        },
      },
      {
        operation: 'get',
        method: 'GET',
        path: 'predictions/:id',
        handle(ctx, { id }) {
          const job = found(ctx, id);
          if (job) sendJson(ctx, 200, render(job));
        },
      },
      {
        operation: 'cancel',
        method: 'POST',
        path: 'predictions/:id/cancel',
        handle(ctx, { id }) {
          const job = found(ctx, id);
          if (!job) return;
          job.cancel();
          sendJson(ctx, 200, render(job));
        },
      },
      {
        operation: 'model',
        method: 'GET',
        path: 'models/:owner/:name',
        handle(ctx, { owner, name }) {
          sendJson(ctx, 200, {
            url: `https://replicate.com/${owner}/${name}`,
            owner,
            name,
            description: `Emulated model ${owner}/${name}`,
            visibility: 'public',
            github_url: null,
            paper_url: null,
            license_url: null,
            run_count: 0,
            cover_image_url: null,
            default_example: null,
            latest_version: null,
            is_official: true,
          });
        },
      },
    ],
  };
}
