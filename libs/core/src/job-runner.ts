/**
 * One provider job, run the same way for every adapter: submitted once, named as soon as it
 * exists, waited on by the provider's best means, bounded by one deadline, canceled on stop.
 * An adapter supplies only its protocol: the calls, and what its statuses mean.
 */
import { cancelProviderJob, stoppedError } from './cancel';
import type { GeneratorContext } from './context';
import { BoardsError, CanceledError, CancelUnconfirmedError, GenerationFailedError, ProviderError, TimeoutError, type ProviderName } from './errors';
import type { ActualCost } from './pricing';
import { nextPollInterval, pause } from './timing';

/** How messages name the provider's things. */
export interface JobNames {
  /** The provider as people write it: `Replicate`, `fal`, `Kie`. */
  display: string;
  /** What the provider calls a job: `prediction`, `request`, `task`. */
  job: string;
  /** The billed call that creates it: `create`, `submit`, `createTask <model>`. */
  submit: string;
  /** What the submit answer names the job by: `prediction id`, `request_id`, `taskId`. */
  id: string;
  /** What a completed job made, in the provider's word: `output` (default), `result`. */
  output?: string;
  /** Where a job that could not be canceled can be watched, e.g. a logs page. */
  dashboard?: string;
}

/** What a status the provider reported means. `unknown` ends the wait at once: waiting on a status not understood could last to the deadline. */
export type JobState =
  | { state: 'queued'; queuePosition?: number }
  /** `fraction`: how far the provider says it is (0..1), when it says. */
  | { state: 'running'; fraction?: number }
  /** `cost`: what the provider reported the job cost, whatever its end. */
  | { state: 'completed'; cost?: ActualCost }
  | { state: 'failed'; reason: string; cost?: ActualCost }
  /** Canceled at the provider, not by this generation; `status` is the provider's word. */
  | { state: 'canceled'; status: string; cost?: ActualCost }
  | { state: 'unknown'; status: string };

/** What a wait is given: the stop signal, and where to send each status it learns. */
export interface JobWatch<Status> {
  readonly signal: AbortSignal;
  /** Reports a status (progress while the job runs); true when it ends the wait: the job ended, or its status is unknown. */
  settled(status: Status): boolean;
}

export interface JobProtocol<Answer, Status, Result> {
  provider: ProviderName;
  names: JobNames;
  /**
   * The one billed call, never repeated by the runner. Its signal fires at the deadline, and on a
   * stop only when there is no cancel: otherwise its answer, which carries the id to cancel, is awaited.
   */
  submit(signal: AbortSignal): Promise<Answer>;
  /** The job id in the submit answer; the runner refuses one that is not a plain id. */
  jobIdOf(answer: Answer): unknown;
  /** Learns statuses by the provider's best means until `settled` says one ends the job; returns at once when the signal fires. */
  wait(job: { id: string; answer: Answer }, watch: JobWatch<Status>): Promise<void>;
  state(status: Status): JobState;
  /**
   * Cancels the job: resolves with `{ completed }` (the provider's word for it) when it had already
   * completed, which is billed; rejects when the provider refused. `undefined`: the provider has no cancel.
   */
  cancel: ((jobId: string, signal: AbortSignal) => Promise<void | { completed: string }>) | undefined;
  /** The result of a completed job (fetched, or read from its status). */
  result(status: Status, job: { id: string; signal: AbortSignal }): Result | Promise<Result>;
  /** Maps anything the protocol's calls throw into the typed family, naming the job once it exists. */
  mapError(error: unknown, jobId: string | undefined): BoardsError;
}

/**
 * Runs one job to its result. Throws GenerationFailedError (the provider failed it), CanceledError
 * (stopped and canceled, or already completed and billed), CancelUnconfirmedError (stopped, but not
 * canceled: the job may still bill), TimeoutError (at `timeoutMs`, naming the job) or ProviderError.
 */
export async function runProviderJob<Answer, Status, Result>(
  ctx: GeneratorContext,
  protocol: JobProtocol<Answer, Status, Result>,
  options: { timeoutMs: number },
): Promise<Result> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const run: Run<Answer, Status, Result> = { ctx, protocol, timeoutMs: options.timeoutMs, deadline, stop: AbortSignal.any([ctx.signal, deadline]) };
  const { id, answer } = await submitOnce(run);
  let ended: { status: Status; state: JobState } | undefined;
  const settled = (status: Status) => {
    if (ended) return true;
    const state = protocol.state(status);
    if (state.state === 'queued') ctx.progress({ progress: 0.1, phase: 'queued', queuePosition: state.queuePosition });
    else if (state.state === 'running') ctx.progress({ progress: state.fraction === undefined ? 0.4 : 0.15 + 0.6 * state.fraction, phase: 'running' });
    else ended = { status, state };
    return ended !== undefined;
  };
  try {
    await protocol.wait({ id, answer }, { signal: run.stop, settled });
  } catch (error) {
    if (!run.stop.aborted) throw protocol.mapError(error, id);
  }
  // A status that ended the job wins over a stop that came after it.
  if (!ended && run.stop.aborted) throw await stopped(run, id);
  if (!ended) throw new ProviderError(`the wait on ${protocol.names.job} ${id} returned before the job ended`, { provider: protocol.provider, jobId: id });
  return finish(run, id, ended.status, ended.state);
}

interface Run<Answer, Status, Result> {
  ctx: GeneratorContext;
  protocol: JobProtocol<Answer, Status, Result>;
  timeoutMs: number;
  /** Fires at the job's deadline. */
  deadline: AbortSignal;
  /** Fires at the deadline or when the caller stops. */
  stop: AbortSignal;
}

/** Whether a stop is the deadline: the caller's signal also fires at the generation's, with a TimeoutError as its reason. */
function timedOut({ ctx, deadline }: Run<unknown, unknown, unknown>): boolean {
  if (!ctx.signal.aborted) return deadline.aborted;
  return BoardsError.isInstance(ctx.signal.reason) && ctx.signal.reason.code === 'TIMEOUT';
}

const timeout = (run: Run<unknown, unknown, unknown>, what: string, jobId?: string) =>
  new TimeoutError(`${run.protocol.provider} ${what}`, run.timeoutMs, jobId);

async function submitOnce<Answer>(run: Run<Answer, unknown, unknown>): Promise<{ id: string; answer: Answer }> {
  const { ctx, protocol, stop } = run;
  const { provider, names } = protocol;
  ctx.progress({ progress: 0.05, phase: 'queued' });
  if (stop.aborted) throw timedOut(run) ? timeout(run, names.submit) : new CanceledError();
  const cut = protocol.cancel ? run.deadline : stop;
  let answer: Answer;
  try {
    answer = await protocol.submit(cut);
  } catch (error) {
    if (!cut.aborted) throw protocol.mapError(error, undefined);
    throw timedOut(run) ? timeout(run, names.submit) : noCancel(run, undefined);
  }
  const id = protocol.jobIdOf(answer);
  if (typeof id !== 'string' || !/^[\w.-]+$/.test(id)) {
    const got = JSON.stringify(answer)?.slice(0, 120);
    throw new ProviderError(`the ${names.submit} answer has no ${names.id} (got ${got})`, { provider, retryable: false });
  }
  ctx.setProviderJob({ provider, jobId: id });
  return { id, answer };
}

async function finish<Status, Result>(run: Run<unknown, Status, Result>, id: string, status: Status, state: JobState): Promise<Result> {
  const { ctx, protocol } = run;
  const { provider, names } = protocol;
  if ('cost' in state && state.cost) ctx.reportActualCost(state.cost);
  if (state.state === 'failed') throw new GenerationFailedError(provider, state.reason, id);
  if (state.state === 'canceled') throw new CanceledError(`The ${names.display} ${names.job} was ${state.status}`, id);
  if (state.state === 'unknown') {
    const reason = `${names.job} ${id} reported the status ${JSON.stringify(state.status)}, which this adapter does not know: not waited on (left as it is at ${names.display})`;
    throw new ProviderError(reason, { provider, jobId: id, retryable: false });
  }
  try {
    return await protocol.result(status, { id, signal: run.stop });
  } catch (error) {
    if (run.stop.aborted) throw await stopped(run, id);
    throw protocol.mapError(error, id);
  }
}

/** The error of a job stopped after it was named: canceled (or completed) if the provider says so, else why not. */
async function stopped(run: Run<unknown, unknown, unknown>, id: string): Promise<BoardsError> {
  const { ctx, protocol } = run;
  const { provider, names, cancel } = protocol;
  if (!cancel) {
    if (!timedOut(run)) return noCancel(run, id);
    ctx.logger.warn(
      `${provider}: stopped waiting on ${names.job} ${id} at the deadline; ${names.display} has no cancel: it goes on and is billed${see(names)}`,
    );
    return timeout(run, names.job, id);
  }
  let completed: string | undefined;
  const problem = await cancelProviderJob({ provider, jobId: id }, async (signal) => (completed = (await cancel(id, signal))?.completed), ctx.logger);
  if (completed) {
    const billed = `it is billed and its ${names.output ?? 'output'} is kept at ${names.display}`;
    ctx.logger.info(`${provider}: ${names.job} ${id} had already ${completed} when canceled: ${billed}`);
    return new CanceledError(`Generation was stopped after the ${names.display} ${names.job} had ${completed}: ${billed}`, id);
  }
  if (timedOut(run)) return timeout(run, names.job, id);
  return stoppedError({ provider, jobId: id }, problem, `Generation was canceled; the ${names.display} ${names.job} was canceled`);
}

const see = (names: JobNames) => (names.dashboard ? ` (see ${names.dashboard})` : '');

/** A stop where the provider has no cancel: the job (or the one a sent submit may have created) goes on, and bills. */
function noCancel({ ctx, protocol }: Run<unknown, unknown, unknown>, id: string | undefined): CancelUnconfirmedError {
  const { provider, names } = protocol;
  const job = id ? `${names.job} ${id}` : `the ${names.job} ${names.submit} may have created (no answer yet, so no ${names.job} id)`;
  const reason = `${names.display} has no cancel endpoint: ${job} may still be running at ${names.display} and will be billed${see(names)}`;
  const error = new CancelUnconfirmedError(provider, id ?? 'unknown', reason);
  ctx.logger.warn(error.message);
  return error;
}

/**
 * A wait by polling: `get` at once (`immediate`) or after `intervalMs`, then after intervals growing
 * by `next` (default core's 1.5x to POLL_MAX_MS), until `settled` or the signal fires.
 */
export async function pollJob<Status>(
  get: (signal: AbortSignal) => Promise<Status>,
  { signal, settled }: JobWatch<Status>,
  options: { intervalMs: number; immediate: boolean; next?: (ms: number) => number },
): Promise<void> {
  const next = options.next ?? nextPollInterval;
  let interval = options.intervalMs;
  if (!options.immediate) {
    await pause(interval, signal);
    interval = next(interval);
  }
  while (!signal.aborted) {
    if (settled(await get(signal))) return;
    await pause(interval, signal);
    interval = next(interval);
  }
}
