import { createGeneratorContext, type ArtifactStore, type ProgressEvent, type ProviderJob } from './context';
import { CanceledError, CancelUnconfirmedError, GenerationFailedError, ProviderError, TimeoutError } from './errors';
import { pollJob, runProviderJob, type JobProtocol, type JobState } from './job-runner';
import type { ActualCost } from './pricing';

type Protocol = JobProtocol<{ id?: unknown }, string, string>;

const COST: ActualCost = { reported: 'gpu_seconds=3' };
/** What the fake provider's statuses mean; any other is one the adapter does not know. */
const STATES: Record<string, JobState> = {
  queued: { state: 'queued', queuePosition: 2 },
  running: { state: 'running', fraction: 0.5 },
  done: { state: 'completed', cost: COST },
  failed: { state: 'failed', reason: 'out of memory' },
  canceled: { state: 'canceled', status: 'canceled' },
};

/** A call that, like fetch, rejects when its signal fires, else answers after `ms`. */
const call = <T>(signal: AbortSignal, ms: number, answer: T) =>
  new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => resolve(answer), ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
  });

/**
 * A fake provider whose job reports `statuses` in turn (the last one for ever), and a context that
 * records what the runner tells it. `stopOn`: the progress phase on which the caller stops.
 */
function setup(statuses: string[], over: Partial<Protocol> = {}, stopOn?: 'queued' | 'running') {
  const calls: string[] = [];
  const jobs: ProviderJob[] = [];
  const costs: ActualCost[] = [];
  const progress: ProgressEvent[] = [];
  const logs: string[] = [];
  const log = (level: string) => (message: string) => void logs.push(`${level} ${message}`);
  const controller = new AbortController();
  let polls = 0;
  const protocol: Protocol = {
    provider: 'acme',
    names: { display: 'Acme', job: 'render', submit: 'POST /renders', id: 'render id', dashboard: 'https://acme.test/renders' },
    submit: async (signal) => (calls.push('submit'), call(signal, 1, { id: 'r-1' })),
    jobIdOf: (answer) => answer?.id,
    wait: (_, watch) => pollJob(async () => (calls.push('poll'), statuses[Math.min(polls++, statuses.length - 1)]), watch, { intervalMs: 1, immediate: true }),
    state: (status) => STATES[status] ?? { state: 'unknown', status },
    cancel: async (id) => void calls.push(`cancel ${id}`),
    result: (_, { id }) => `result of ${id}`,
    mapError: (error, jobId) => new ProviderError(error instanceof Error ? error.message : String(error), { provider: 'acme', jobId }),
    ...over,
  };
  const ctx = createGeneratorContext({
    generatorId: 'acme-test',
    store: {} as ArtifactStore,
    signal: controller.signal,
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    onProviderJob: (job) => jobs.push(job),
    onActualCost: (cost) => costs.push(cost),
    onProgress(event) {
      progress.push(event);
      if (event.phase === stopOn) controller.abort();
    },
  });
  const run = (timeoutMs = 2000) => runProviderJob(ctx, protocol, { timeoutMs }).catch((error: unknown) => error);
  return { calls, jobs, costs, progress, logs, controller, run };
}

describe('runProviderJob', () => {
  it('submits once, names the job, reports progress and cost, and returns the result', async () => {
    const t = setup(['queued', 'running', 'done']);
    expect(await t.run()).toBe('result of r-1');
    expect(t.calls).toEqual(['submit', 'poll', 'poll', 'poll']);
    expect(t.jobs).toEqual([{ provider: 'acme', jobId: 'r-1' }]);
    expect(t.costs).toEqual([COST]);
    expect(t.progress.map((e) => [e.phase, e.progress, e.queuePosition])).toEqual([
      ['queued', 0.05, undefined],
      ['queued', 0.1, 2],
      ['running', 0.15 + 0.6 * 0.5, undefined],
    ]);
  });

  it('turns a failed job into GenerationFailedError naming the job and the reason', async () => {
    const error = await setup(['running', 'failed']).run();
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error).toMatchObject({ jobId: 'r-1', message: expect.stringMatching(/out of memory/) });
  });

  it('turns a job canceled at the provider into CanceledError naming the job', async () => {
    const error = await setup(['canceled']).run();
    expect(error).toBeInstanceOf(CanceledError);
    expect(error).toMatchObject({ jobId: 'r-1', message: expect.stringMatching(/^The Acme render was canceled/) });
  });

  it('fails at once on a status it does not know, naming it: no further poll, no wait to the deadline', async () => {
    const t = setup(['queued', 'paused', 'done']);
    const error = await t.run(500);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ jobId: 'r-1', retryable: false, message: expect.stringContaining('"paused"') });
    expect(t.calls).toEqual(['submit', 'poll', 'poll']);
  });

  it('refuses a submit answer without a usable job id, never waiting or submitting again', async () => {
    const t = setup(['done'], { jobIdOf: () => '../r-1' });
    const error = await t.run();
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).toMatch(/the POST \/renders answer has no render id/);
    expect(t.calls).toEqual(['submit']);
    expect(t.jobs).toEqual([]);
  });

  it('does not submit again after a failed submit (it may have been billed): the error is the protocol mapping', async () => {
    const t = setup(['done'], { submit: async () => (t.calls.push('submit'), Promise.reject(new Error('status 500'))) });
    const error = await t.run();
    expect(error).toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringMatching(/status 500/) });
    expect(t.calls).toEqual(['submit']);
  });

  it('names the job in an error while waiting', async () => {
    const wait = async () => Promise.reject(new Error('status 404'));
    expect(await setup(['done'], { wait }).run()).toMatchObject({ code: 'PROVIDER_ERROR', jobId: 'r-1' });
  });

  describe('a stop', () => {
    it('before the submit sends nothing: CanceledError', async () => {
      const t = setup(['done']);
      t.controller.abort();
      expect(await t.run()).toBeInstanceOf(CanceledError);
      expect(t.calls).toEqual([]);
    });

    it('while waiting cancels the job once: CanceledError naming it', async () => {
      const t = setup(['queued', 'running'], {}, 'running');
      const error = await t.run();
      expect(error).toBeInstanceOf(CanceledError);
      expect(error).toMatchObject({ jobId: 'r-1', message: expect.stringMatching(/the Acme render was canceled/) });
      expect(t.calls).toEqual(['submit', 'poll', 'poll', 'cancel r-1']);
    });

    it('during the submit does not cut it short: its answer names the job, which is canceled, never polled', async () => {
      const submit: Protocol['submit'] = async (signal) => (t.calls.push('submit'), t.controller.abort(), call(signal, 20, { id: 'r-1' }));
      const t = setup(['running'], { submit });
      const error = await t.run();
      expect(error).toBeInstanceOf(CanceledError);
      expect(error).toMatchObject({ jobId: 'r-1' });
      expect(t.jobs).toEqual([{ provider: 'acme', jobId: 'r-1' }]);
      expect(t.calls).toEqual(['submit', 'cancel r-1']);
    });

    it('after the job completed is completed-and-billed: CanceledError saying so, without a warning', async () => {
      const t = setup(['running'], { cancel: async () => ({ completed: 'finished' }) }, 'running');
      const error = await t.run();
      expect(error).toBeInstanceOf(CanceledError);
      expect(error).toMatchObject({ jobId: 'r-1', message: expect.stringMatching(/had finished: it is billed and its output is kept at Acme/) });
      expect(t.logs.filter((l) => l.startsWith('warn'))).toEqual([]);
    });

    it('whose cancel the provider refuses is not a cancel: CancelUnconfirmedError naming the job', async () => {
      const t = setup(['running'], { cancel: async () => Promise.reject(new Error('status 500')) }, 'running');
      const error = await t.run();
      expect(error).toBeInstanceOf(CancelUnconfirmedError);
      expect(error).toMatchObject({ jobId: 'r-1', provider: 'acme', message: expect.stringMatching(/status 500.*may still be running and billed/) });
    });

    it('that comes after the job ended keeps its end: the result', async () => {
      const wait: Protocol['wait'] = async (_, watch) => {
        watch.settled('done');
        t.controller.abort();
      };
      const t = setup(['done'], { wait });
      expect(await t.run()).toBe('result of r-1');
      expect(t.calls).toEqual(['submit']);
    });
  });

  describe('a provider without cancel (cancel: undefined)', () => {
    it('stopped while waiting: CancelUnconfirmedError naming the job, which goes on and bills', async () => {
      const t = setup(['running'], { cancel: undefined }, 'running');
      const error = await t.run();
      expect(error).toBeInstanceOf(CancelUnconfirmedError);
      expect(error).toMatchObject({ jobId: 'r-1', message: expect.stringMatching(/Acme has no cancel endpoint: render r-1 may still be running/) });
      expect(t.logs).toEqual([expect.stringMatching(/^warn .*see https:\/\/acme.test\/renders/)]);
    });

    it('stopped during the submit: the submit is cut short, and a job it may have created is reported', async () => {
      const submit: Protocol['submit'] = async (signal) => (t.controller.abort(), call(signal, 60_000, { id: 'r-1' }));
      const t = setup(['running'], { cancel: undefined, submit });
      const started = Date.now();
      const error = await t.run(10_000);
      // At once, not at the deadline: with no cancel, the submit's answer is of no use.
      expect(Date.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(CancelUnconfirmedError);
      expect((error as Error).message).toMatch(/the render POST \/renders may have created \(no answer yet, so no render id\)/);
    });
  });

  describe('the one deadline', () => {
    it('cancels a job still running at it: TimeoutError naming the job', async () => {
      const t = setup(['running']);
      const error = await t.run(50);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ jobId: 'r-1', timeoutMs: 50, operation: 'acme render' });
      expect(t.calls.filter((c) => c.startsWith('cancel'))).toEqual(['cancel r-1']);
    });

    it('covers the submit: TimeoutError without a job', async () => {
      const submit: Protocol['submit'] = (signal) => call(signal, 60_000, { id: 'r-1' });
      const error = await setup(['done'], { submit }).run(50);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ jobId: undefined, operation: 'acme POST /renders' });
    });

    it('of the generation (the caller signal aborted with a TimeoutError) stays a timeout, with or without cancel', async () => {
      for (const cancel of [undefined, async () => undefined]) {
        const t = setup(['running'], { cancel });
        const pending = t.run();
        setTimeout(() => t.controller.abort(new TimeoutError('generation', 40)), 40);
        expect(await pending).toMatchObject({ code: 'TIMEOUT', jobId: 'r-1' });
      }
    });
  });
});

describe('pollJob', () => {
  it('polls at once or after the first interval, backing off by `next`, until settled', async () => {
    for (const immediate of [true, false]) {
      const seen: number[] = [];
      const started = Date.now();
      let n = 0;
      const get = async () => (seen.push(Date.now() - started), ++n);
      await pollJob(get, { signal: new AbortController().signal, settled: (s) => s === 3 }, { intervalMs: 30, immediate, next: (ms) => ms * 2 });
      // Immediate: polls at 0, 30, 90 ms; else at 30, 90, 210 ms (a timer may be late, and up to 1 ms early).
      expect(seen).toHaveLength(3);
      if (immediate) expect(seen[0]).toBeLessThan(25);
      else expect(seen[0]).toBeGreaterThanOrEqual(28);
      expect(seen[2] - seen[1]).toBeGreaterThanOrEqual(immediate ? 58 : 118);
    }
  });
});
