/**
 * The journal of the provider jobs a live run started: `<run>/jobs.jsonl`, one line when a job's id
 * is known and one when it ends. Written as it happens (not at the end), so that a run stopped by a
 * signal, a deadline or a kill still leaves which jobs it started: a job without an end line is one
 * the run cannot vouch for, and the summary names it as possibly still running.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BoardsError, redactSecrets } from '@boards/core';

/** How a job ended, as far as this run knows. */
export type JobStatus = 'completed' | 'canceled' | 'possibly-running' | 'failed';

export interface JobLine {
  generator: string;
  provider: string;
  jobId: string;
  /** Absent on the line that says the job started. */
  status?: JobStatus;
  /** 'emulator' when every answer came from the emulator (nothing billed). */
  reached?: 'emulator' | 'live';
  detail?: string;
  at: string;
}

export const jobsFile = (runDir: string) => join(runDir, 'jobs.jsonl');

export function journalJob(runDir: string | undefined, line: Omit<JobLine, 'at'>): void {
  if (!runDir) return;
  const file = jobsFile(runDir);
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${redactSecrets(JSON.stringify({ ...line, at: new Date().toISOString() }))}\n`);
}

/** How an error ends a job: canceled (confirmed), possibly still running (a stop not confirmed), or failed. */
export function jobStatusOf(error: unknown): JobStatus {
  if (!BoardsError.isInstance(error)) return 'failed';
  if (error.code === 'CANCELED') return 'canceled';
  if (error.code === 'CANCEL_UNCONFIRMED') return 'possibly-running';
  return 'failed';
}

/** Each job of the journal with its last known status ('possibly-running' when it never ended). */
export function readJobs(runDir: string): JobLine[] {
  const file = jobsFile(runDir);
  if (!existsSync(file)) return [];
  const jobs = new Map<string, JobLine>();
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    let line: JobLine;
    try {
      line = JSON.parse(text) as JobLine;
    } catch {
      continue; // a line torn by a kill: the job it would have ended stays possibly running
    }
    const key = `${line.provider} ${line.jobId}`;
    jobs.set(key, { ...jobs.get(key), ...line });
  }
  return [...jobs.values()].map((job) => ({ ...job, status: job.status ?? 'possibly-running' }));
}

/** "<generator>: <provider> job <id> canceled" (one line of the run summary). */
export function describeJob(job: JobLine): string {
  const what = `${job.generator}: ${job.provider} job ${job.jobId}`;
  switch (job.status) {
    case 'completed':
      return `${what} completed${job.reached === 'emulator' ? ' (on the emulator: nothing billed)' : ' and billed'}`;
    case 'canceled':
      return `${what} canceled`;
    case 'failed':
      return `${what} failed${job.detail ? `: ${job.detail}` : ''}`;
    default:
      return `${what} possibly still running and billed: no cancel was confirmed${job.detail ? ` (${job.detail})` : ''}`;
  }
}
