import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerationRecord } from '@boards/testing';
import { removeTempDirs, tempDir } from '../../test-support/cli-process';
import { writePage, writeRunReport } from './write';

afterAll(removeTempDirs);

// Shapes only: none of these is a real key.
const FAL_KEY = '3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f:0123456789abcdef0123456789abcdef';
const KIE_KEY = 'fedcba9876543210fedcba9876543210';
const REPLICATE_TOKEN = 'r8_Abcdefghij0123456789KLMNOPQRSTUVWXYZa';
const OPENAI_KEY = 'sk-proj-Abcdefghij0123456789';
/** A Kie task id has the shape of a Kie key: the page shows it where job ids go. */
const KIE_TASK = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

/** A live run directory with one generation whose prompt and error hold every key shape. */
function runDir(): string {
  const dir = tempDir('boards-report-run-');
  const generation: GenerationRecord = {
    generator: 'nano-banana',
    mode: 'live',
    startedAt: '2026-12-01T10:00:00.000Z',
    elapsedMs: 1000,
    input: { prompt: `a cat; fal ${FAL_KEY} kie ${KIE_KEY} replicate ${REPLICATE_TOKEN} openai ${OPENAI_KEY}` },
    inputFiles: [],
    estimatedUsd: '0.039',
    providerJobId: KIE_TASK,
    artifacts: [{ type: 'text', file: 'artifacts/nano-banana/001.txt', mimeType: 'text/plain', sizeBytes: 10, sha256: 'ab', text: `echo ${KIE_KEY}` }],
    error: `provider said ${FAL_KEY}`,
  };
  writeFileSync(
    join(dir, 'summary.json'),
    JSON.stringify({
      runDir: dir,
      mode: 'live',
      budgetUsd: '1.00',
      budgetSource: 'default',
      reservedUsd: '0.039',
      generators: [
        {
          generator: 'nano-banana',
          task: 'failure',
          run: 1,
          skipped: 0,
          failed: 1,
          skipReasons: [],
          errors: [`failed: ${KIE_KEY}`],
          estimatedUsd: '0.039',
          actual: [],
        },
      ],
      jobs: [],
      costLines: [],
    }),
  );
  mkdirSync(join(dir, 'results'));
  writeFileSync(join(dir, 'results', 'nano-banana.json'), JSON.stringify({ project: 'nano-banana', tests: [], generations: [generation] }));
  return dir;
}

describe('boards report: the page of a run', () => {
  it('replaces a symlink at RUN/report.html and never writes the file it points to', () => {
    const dir = runDir();
    const victim = join(tempDir('boards-report-victim-'), 'bashrc');
    writeFileSync(victim, 'export PATH=/usr/bin\n');
    symlinkSync(victim, join(dir, 'report.html'));

    const page = writeRunReport(dir, []);

    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(lstatSync(page).isSymbolicLink()).toBe(false);
    expect(readFileSync(page, 'utf8')).toContain('<!doctype html>');
    // No temporary file is left beside the page.
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'results', 'summary.json']);
  });

  it('replaces a dangling symlink rather than creating the file it names', () => {
    const dir = tempDir('boards-report-page-');
    const target = join(tempDir('boards-report-elsewhere-'), 'created-by-report.html');
    symlinkSync(target, join(dir, 'page.html'));
    writePage(join(dir, 'page.html'), '<p>ok</p>');
    expect(readdirSync(join(target, '..'))).toEqual([]);
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe('<p>ok</p>');
  });

  it('redacts fal, Kie, Replicate and OpenAI key shapes in prompts, errors and transcripts, and keeps the job id', () => {
    const html = readFileSync(writeRunReport(runDir(), []), 'utf8');
    for (const secret of [FAL_KEY, FAL_KEY.split(':')[1], KIE_KEY, REPLICATE_TOKEN, OPENAI_KEY]) expect(html).not.toContain(secret);
    expect(html).toContain('a cat; fal [REDACTED] kie [REDACTED]');
    expect(html).toContain(`<dt>provider job</dt><dd>${KIE_TASK}</dd>`);
  });
});
