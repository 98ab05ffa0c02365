import { randomBytes } from 'node:crypto';
import { authToken, isObject, sendJson, type Ctx, type Headers } from '../../kernel/http';
import { Job, type BuildResult, type JobPhase } from '../../kernel/jobs';
import type { ProviderDef } from '../../kernel/provider';
import { replicateFiles } from './replicate-files';
import { snapshotModels } from '../../kernel/snapshots';
import { replicateSnapshotModel } from './replicate-snapshot';
import { REPLICATE_MEDIA, registeredReplicateModel, type ReplicateModel } from './replicate-models';
import { invalid, notFound, problem, replicateInvalidFields, type InvalidField } from './replicate-errors';
import { page } from './replicate-pages';
import type { ProviderHost } from '../../kernel/provider';

interface Meta {
  model: string;
  version: string;
  input: Record<string, unknown>;
  /** The status of each phase (the snapshot's Status enum), when the model has a snapshot. */
  statusNames?: Readonly<Record<JobPhase, string>>;
}

const STATUS: Record<JobPhase, string> = { queued: 'starting', running: 'processing', succeeded: 'succeeded', failed: 'failed', canceled: 'canceled' };
const MAX_WAIT_SECONDS = 60;
const STEPS = 28;
const STREAM_TICK_MS = 20;
/** Top-level body fields of `schemas_prediction_request` (models/.../predictions); the version route adds `version`. */
const REQUEST_FIELDS = ['input', 'stream', 'webhook', 'webhook_events_filter'];
/** The model reported for a bare version id the emulator cannot resolve. */
const UNKNOWN_VERSION_MODEL = 'replicate/unknown-version';

/** The events `webhook_events_filter` may name (schemas_version_prediction_request). */
const WEBHOOK_EVENTS = ['start', 'output', 'logs', 'completed'];

const iso = (ms: number) => new Date(ms).toISOString();

/** `webhook` ("An HTTPS URL") and `webhook_events_filter` (a list of WEBHOOK_EVENTS), checked as Replicate's schema says. */
function webhookFields(body: Record<string, unknown>): InvalidField[] {
  const issues: InvalidField[] = [];
  const { webhook, webhook_events_filter: filter } = body;
  if (webhook !== undefined) {
    let url: URL | undefined;
    try {
      url = typeof webhook === 'string' ? new URL(webhook) : undefined;
    } catch {
      url = undefined;
    }
    if (typeof webhook !== 'string')
      issues.push({ type: 'invalid_type', field: 'webhook', description: `Invalid type. Expected: string, given: ${typeof webhook}` });
    else if (url?.protocol !== 'https:') issues.push({ type: 'format', field: 'webhook', description: 'webhook must be an HTTPS URL' });
  }
  if (filter !== undefined) {
    if (!Array.isArray(filter)) {
      issues.push({ type: 'invalid_type', field: 'webhook_events_filter', description: `Invalid type. Expected: array, given: ${typeof filter}` });
    } else {
      filter.forEach((event, i) => {
        const field = `webhook_events_filter.${i}`;
        if (!WEBHOOK_EVENTS.includes(event as string))
          issues.push({ type: 'enum', field, description: `${field} must be one of the following: ${WEBHOOK_EVENTS.map((e) => `"${e}"`).join(', ')}` });
      });
    }
  }
  return issues;
}

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

/** A bare version id the emulator cannot resolve: created like any, then failed with the reason (never served as an image model). */
const UNKNOWN_VERSION: ReplicateModel = {
  typicalMs: 2_000,
  build: async (): Promise<BuildResult> => ({
    ok: false,
    status: 500,
    body: undefined,
    message:
      'The emulator does not know this version: register its output kind first (POST /__emulator/models {"provider":"replicate","model":"<version>","output":"image"})',
  }),
};

export function createReplicateProvider(state: ProviderHost): ProviderDef {
  const jobs = new Map<string, Job<Meta>>();
  const base = `${state.url}/replicate/v1`;
  const uploads = replicateFiles(state, base);

  /** A registered model, else one with a snapshot; else none (404). */
  const fromSnapshots = snapshotModels(state, 'replicate', (snapshot) => replicateSnapshotModel(snapshot, REPLICATE_MEDIA[snapshot.model]));
  const modelOf = (id: string): ReplicateModel | undefined => {
    const kind = state.registeredKind('replicate', id);
    return kind ? registeredReplicateModel(kind) : fromSnapshots(id);
  };

  const render = (job: Job<Meta>, asCreated = false): Record<string, unknown> => {
    const now = job.now();
    const phase: JobPhase = asCreated ? 'queued' : job.phase(now);
    const ran = asCreated ? undefined : job.startedAt(now);
    const completed = asCreated ? undefined : job.completedAt(now);
    // A prediction canceled before it started reports started_at = its end (as Replicate does) and logs: null.
    const started = ran ?? (phase === 'canceled' ? completed : undefined);
    const get = `${base}/predictions/${job.id}`;
    const logs =
      ran === undefined ? (phase === 'canceled' ? null : '') : `Emulating ${job.meta.model}\n${progressLine(job.progress(now))}\n${completed ? 'Done\n' : ''}`;
    const error = phase !== 'failed' ? null : job.result && !job.result.ok ? job.result.message : 'Emulated prediction failure (job-failed fault)';
    const prediction: Record<string, unknown> = {
      id: job.id,
      model: job.meta.model,
      version: job.meta.version,
      input: job.meta.input,
      logs,
      output: phase === 'succeeded' && job.result?.ok ? job.result.value : null,
      data_removed: false,
      error,
      status: (job.meta.statusNames ?? STATUS)[phase],
      source: 'api',
      created_at: iso(job.createdAt),
      urls: { cancel: `${get}/cancel`, get, stream: `${base}/streams/${job.id}`, web: `https://replicate.com/p/${job.id}` },
    };
    if (started !== undefined) prediction.started_at = iso(started);
    if (completed !== undefined) {
      prediction.completed_at = iso(completed);
      prediction.metrics = { predict_time: started === undefined ? 0 : (completed - started) / 1000, total_time: (completed - job.createdAt) / 1000 };
    }
    return prediction;
  };

  const create = async (ctx: Ctx, route: 'model' | 'version', params: { model?: string }): Promise<void> => {
    const wait = parsePrefer([ctx.req.headers.prefer ?? ''].flat().join(','));
    const headers: Headers = wait === undefined ? {} : { 'preference-applied': `wait=${wait}` };
    const body = ctx.json;
    if (!isObject(body)) return problem(ctx, 400, 'The request body must be a JSON object.', {}, headers);
    const allowed = route === 'version' ? [...REQUEST_FIELDS, 'version'] : REQUEST_FIELDS;
    const extra = Object.keys(body).filter((k) => !allowed.includes(k));
    if (extra.length > 0) {
      const description = (k: string) => `Additional property ${k} is not allowed`;
      return invalid(
        ctx,
        extra.map((k) => ({ type: 'additional_property_not_allowed', field: '', description: description(k) })),
        headers,
      );
    }
    const required = route === 'version' ? ['version', 'input'] : ['input'];
    const missing = required.filter((k) => body[k] === undefined);
    if (missing.length > 0)
      return invalid(
        ctx,
        missing.map((k) => ({ type: 'required', field: '', description: `${k} is required` })),
        headers,
      );
    if (!isObject(body.input))
      return invalid(ctx, [{ type: 'invalid_type', field: 'input', description: 'Invalid type. Expected: object, given: ' + typeof body.input }], headers);
    const webhookIssues = webhookFields(body);
    if (webhookIssues.length > 0) return invalid(ctx, webhookIssues, headers);
    if (route === 'version' && (typeof body.version !== 'string' || !body.version)) {
      return invalid(ctx, [{ type: 'invalid_type', field: 'version', description: 'Invalid type. Expected: string, given: ' + typeof body.version }], headers);
    }

    let model: string;
    let version: string;
    let def: ReplicateModel | undefined;
    if (route === 'model') {
      model = params.model as string;
      version = 'hidden';
      def = modelOf(model);
      if (!def) return notFound(ctx, headers);
    } else {
      const ref = body.version as string;
      const [prefix, hash] = ref.includes(':') ? [ref.split(':')[0], ref.split(':')[1]] : [undefined, ref];
      version = hash;
      def = modelOf(ref) ?? modelOf(hash) ?? (prefix ? modelOf(prefix) : undefined);
      model = prefix ?? (def ? ref : UNKNOWN_VERSION_MODEL);
      if (!def && prefix) return notFound(ctx, headers);
      def ??= UNKNOWN_VERSION;
    }
    const input = body.input;
    const issues = def.schema ? def.schema.check(input) : [];
    if (issues.length > 0) return invalid(ctx, replicateInvalidFields(issues), headers);
    const schema = def.schema;

    const planned = state.faults.takeJobOutcome('replicate', 'submit', ctx.testId) ?? 'succeeded';
    const id = randomBytes(16).toString('hex').slice(0, 26);
    const model_ = def;
    // Inputs naming an uploaded file (its urls.get) are built from the file's bytes.
    const resolved = uploads.resolveInput(input) as Record<string, unknown>;
    // Defaults apply as the model's schema documents them (the prediction's `input` echoes what was sent).
    const build = () =>
      model_.build(schema ? schema.withDefaults(resolved) : resolved, state.buildContext({ provider: 'replicate', model, version, input: resolved }));
    const job = new Job<Meta>(
      id,
      { model, version, input, statusNames: def.statusNames },
      state.jobDurationFor(def.typicalMs, ctx.testId),
      planned,
      build,
      () => state.lifetime.now(),
    );
    jobs.set(id, job);
    if (wait === undefined) return sendJson(ctx, 201, render(job, true));
    await job.waitUntilDone(state.lifetime, wait * 1000);
    if (job.isTerminal()) return sendJson(ctx, 201, render(job), headers);
    // The wait ran out: 202 with where to poll, as Replicate answers.
    const answer = render(job);
    sendJson(ctx, 202, answer, { ...headers, location: (answer.urls as { get: string }).get, reason: 'wait time exceeded' });
  };

  /** `GET predictions` (predictions.list): cursor pages of 100, most recent first, filtered by `created_after` / `created_before` / `source`. */
  const list = (ctx: Ctx): void => {
    const bounds: Array<[string, number | undefined]> = ['created_after', 'created_before'].map((name) => {
      const value = ctx.query.get(name);
      return [name, value === null ? undefined : Date.parse(value)];
    });
    const bad = bounds.find(([, at]) => at !== undefined && Number.isNaN(at));
    if (bad) return invalid(ctx, [{ type: 'format', field: bad[0], description: `${bad[0]} must be an ISO 8601 date-time` }], {});
    const source = ctx.query.get('source');
    if (source !== null && source !== 'web')
      return invalid(ctx, [{ type: 'enum', field: 'source', description: 'source must be one of the following: "web"' }], {});
    const [after, before] = bounds.map(([, at]) => at);
    // Every emulated prediction was created through the API: `source=web` lists none.
    const kept = [...jobs.values()].filter(
      (job) => source === null && (after === undefined || job.createdAt >= after) && (before === undefined || job.createdAt < before),
    );
    sendJson(
      ctx,
      200,
      page(
        kept.map((job) => render(job)),
        `${base}/predictions`,
        ctx.query,
      ),
    );
  };

  const found = (ctx: Ctx, id: string): Job<Meta> | undefined => {
    const job = jobs.get(id);
    if (!job) notFound(ctx);
    return job;
  };

  /** Server-sent events of a prediction's output (`urls.stream`): one `output` event per item, then `done`. */
  const stream = async (ctx: Ctx, job: Job<Meta>) => {
    ctx.record.status = 200;
    ctx.res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    while (!state.lifetime.stopped && !ctx.res.destroyed && !job.isTerminal()) await state.lifetime.sleep(STREAM_TICK_MS);
    const phase = job.phase();
    if (phase === 'succeeded' && job.result?.ok) {
      const output = job.result.value;
      for (const [i, item] of (Array.isArray(output) ? output : [output]).entries()) {
        ctx.res.write(`event: output\nid: ${i}\ndata: ${typeof item === 'string' ? item : JSON.stringify(item)}\n\n`);
      }
    } else if (phase === 'failed') {
      ctx.res.write(`event: error\ndata: ${JSON.stringify({ detail: render(job).error })}\n\n`);
    }
    ctx.res.end(`event: done\ndata: ${JSON.stringify(phase === 'canceled' ? { reason: 'canceled' } : {})}\n\n`);
  };

  return {
    id: 'replicate',
    prefix: ['replicate', 'v1'],
    authorize: (ctx) => authToken(ctx, 'Bearer') !== undefined,
    unauthorized: (ctx) => problem(ctx, 401, 'You did not pass a valid authentication token', { title: 'Unauthenticated' }),
    error: (ctx, status, message, headers) => problem(ctx, status, message, {}, headers),
    routes: [
      ...uploads.routes,
      {
        operation: 'submit',
        method: 'POST',
        path: 'models/:owner/:name/predictions',
        handle: (ctx, p) => create(ctx, 'model', { model: `${p.owner}/${p.name}` }),
      },
      { operation: 'submit', method: 'POST', path: 'predictions', handle: (ctx) => create(ctx, 'version', {}) },
      { operation: 'list', method: 'GET', path: 'predictions', handle: (ctx) => list(ctx) },
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
        operation: 'stream',
        method: 'GET',
        path: 'streams/:id',
        handle(ctx, { id }) {
          const job = found(ctx, id);
          return job && stream(ctx, job);
        },
      },
      {
        operation: 'cancel',
        method: 'POST',
        path: 'predictions/:id/cancel',
        handle(ctx, { id }) {
          const job = found(ctx, id);
          if (!job) return;
          // Canceling a prediction that already ended changes nothing: the answer shows it as it ended.
          job.cancel();
          sendJson(ctx, 200, { ...render(job), webhook_completed: null });
        },
      },
      {
        operation: 'model',
        method: 'GET',
        path: 'models/:owner/:name',
        handle(ctx, { owner, name }) {
          if (!modelOf(`${owner}/${name}`)) return notFound(ctx);
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
