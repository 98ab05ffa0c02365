/**
 * The report page in a real browser: a run directory filled by real generations against the
 * emulator (recorded as the live tests record them), `boards report` run as a process, and the
 * page opened in headless Chromium (playwright-core with the system's Chromium). Screenshots go to tmp/report-browser/ at the workspace root.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGeneratorContext, findWorkspaceRoot, loadGeneratorById, type ActualCost } from '@boards/core';
import { LocalArtifactStore } from '@boards/storage';
import { liveSkipReason, recordGeneration, useEmulator } from '@boards/testing';
import { summarizeRun } from '@boards/catalogue';
import { removeTempDirs, runCli, tempDir } from '../../test-support/cli-process';
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium, openReport, type PageReport } from '../../test-support/report-page';

const root = findWorkspaceRoot(__dirname) as string;
const SHOTS = join(root, 'tmp', 'report-browser');
const GENERATED = ['flux-schnell', 'nano-banana-edit', 'elevenlabs-tts', 'veo3', 'whisper'];
const BROWSER_MS = 60_000;

const emulator = useEmulator();
let chromium: Browser | undefined;

beforeAll(async () => {
  const executable = findChromium();
  if (!executable) {
    throw new Error(
      'chromium is not installed: the report page is checked in a real browser (apt-get install -y chromium; .ci/run installs it, BOARDS_CHROMIUM names another)',
    );
  }
  chromium = await launchChromium(executable);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await chromium?.close();
  removeTempDirs();
});

/** A run directory as a live emulator run leaves it: generations, results per project, summary with caps. */
async function emulatorRun(): Promise<string> {
  const runDir = tempDir('boards-report-run-');
  const store = new LocalArtifactStore({ root: tempDir('boards-report-store-') });
  for (const id of GENERATED) {
    const generator = loadGeneratorById(root, id);
    const input = generator.cheapestInput;
    const startedAt = new Date();
    let actual: ActualCost | undefined;
    const ctx = createGeneratorContext({ generatorId: id, store, settings: emulator.settings, onActualCost: (cost) => (actual = cost) });
    const result = await generator.generate(input, ctx);
    recordGeneration(runDir, {
      generator: id,
      mode: 'emulator',
      startedAt,
      elapsedMs: Date.now() - startedAt.getTime(),
      input,
      estimate: generator.estimateCost(input),
      actual,
      result,
    });
  }
  mkdirSync(join(runDir, 'results'));
  for (const id of GENERATED) {
    const dir = join(runDir, 'generations', id);
    const generations = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    writeFileSync(join(runDir, 'results', `${id}.json`), JSON.stringify({ project: id, tests: [{ title: `${id} live`, status: 'passed' }], generations }));
  }
  const reason = liveSkipReason(loadGeneratorById(root, 'dalle3'), { BOARDS_LIVE_RUN: '1' });
  writeFileSync(join(runDir, 'results', 'dalle3.json'), JSON.stringify({ project: 'dalle3', tests: [{ title: 'dalle3 live', status: 'skipped', reason }] }));
  const summary = summarizeRun(runDir, Object.fromEntries([...GENERATED, 'dalle3'].map((id) => [id, 'success'])), 'emulator');
  const caps = {
    backend: 'directory',
    rehearsal: false,
    day: { period: '2026-12-01', spentUsd: '0.055', limitUsd: '5.00' },
    month: { period: '2026-12', spentUsd: '0.055', limitUsd: null },
  };
  writeFileSync(join(runDir, 'summary.json'), JSON.stringify({ ...summary, caps }));
  return runDir;
}

async function openPage(stdout: string, shot: string): Promise<PageReport> {
  // Outside the working directory, the CLI prints absolute paths.
  const page = /report: (\/\S+\.html)/.exec(stdout)?.[1];
  expect(page).toBeDefined();
  const report = await openReport(chromium as Browser, pathToFileURL(page as string).href);
  writeFileSync(join(SHOTS, shot), report.screenshot);
  return report;
}

describe('the report page in headless chromium', () => {
  it(
    'shows every generator of an emulator run: images loaded, players ready, skip reason, caps, no console error',
    async () => {
      const runDir = await emulatorRun();
      const { code, stdout, stderr } = await runCli(['report', runDir]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const report = await openPage(stdout, 'run.png');

      expect(report.errors).toEqual([]);
      // flux-schnell's image, nano-banana-edit's output and the input it edited.
      expect(report.images).toHaveLength(3);
      for (const image of report.images) expect(image).toEqual({ src: image.src, naturalWidth: expect.any(Number) });
      expect(report.images.filter((i) => i.naturalWidth > 0)).toEqual(report.images);
      // elevenlabs-tts's speech, veo3's video, whisper's input audio: metadata loaded, no media error.
      expect(report.media.map((m) => m.tag).sort()).toEqual(['audio', 'audio', 'video']);
      // Every player read its file's metadata. The audio decodes; the emulator's placeholder MP4
      // has an empty sample table (no frames), so chromium may report MEDIA_ERR_DECODE (3) for the
      // video once its decoder looks for a first frame, sooner or later depending on load.
      expect(report.media.filter((m) => m.readyState >= 1)).toEqual(report.media);
      expect(report.media.filter((m) => m.tag === 'audio' && m.error !== null)).toEqual([]);
      expect(report.media.filter((m) => m.tag === 'video' && ![null, 3].includes(m.error))).toEqual([]);
      expect(report.text).toContain('Emulated transcript');
      expect(report.text).toMatch(/dall-e-3 is retired .*; use gpt-image-2/);
      expect(report.text).toContain('$0.055 of $5.00');
      expect(report.text).toContain('$0.055 of no limit');
      expect(report.text).toMatch(/Emulator run/);
      expect(report.screenshot.subarray(1, 4).toString()).toBe('PNG');
    },
    BROWSER_MS,
  );

  it(
    'generate --report writes a page beside the artifact showing the edited image and its input',
    async () => {
      const out = tempDir('boards-report-out-');
      const first = await runCli(['generate', 'flux-schnell', '--prompt', 'a red circle', '--out', out]);
      const input = /(\/\S+\.png)/.exec(first.stdout)?.[1] as string;
      const { code, stdout } = await runCli(['generate', 'nano-banana-edit', '--prompt', 'make it blue', '--image-urls', input, '--out', out, '--report']);
      expect(code).toBe(0);
      const report = await openPage(stdout, 'generation.png');
      expect(report.errors).toEqual([]);
      // The input image (linked where it lies), then the output beside the page.
      expect(report.images.map((i) => i.src)).toEqual([
        expect.stringMatching(/^\.\.\/flux-schnell\/[0-9a-f]{16}\.png$/),
        expect.stringMatching(/^[0-9a-f]{16}\.png$/),
      ]);
      expect(report.images.filter((i) => i.naturalWidth === 1024)).toEqual(report.images);
      expect(report.text).toContain('make it blue');
    },
    BROWSER_MS,
  );
});
