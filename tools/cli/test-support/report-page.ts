/**
 * The report page in a real browser, for the report's integration test: playwright-core driving the
 * system's Chromium (`executablePath`: nothing is downloaded). Opens a page, waits for its media to
 * read their metadata, and says what loaded, what failed and what it shows. Every wait has a deadline.
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** The Chromium executable: BOARDS_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BOARDS_CHROMIUM) return env.BOARDS_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}

export interface PageReport {
  /** Every <img>: its src attribute and natural width (0 when it did not load). */
  images: Array<{ src: string; naturalWidth: number }>;
  /** Every <audio> and <video>: its src, readyState (>= 1 once its metadata loaded) and error code. */
  media: Array<{ tag: string; src: string; readyState: number; error: number | null }>;
  /** Console errors, uncaught exceptions and failed loads. */
  errors: string[];
  /** The page's visible text. */
  text: string;
  /** PNG of the whole page. */
  screenshot: Buffer;
}

const TIMEOUT_MS = 30_000;

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: TIMEOUT_MS,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--mute-audio'],
  });
}

/** Loads `url` at `width` CSS pixels and reports on it. */
export async function openReport(browser: Browser, url: string, width = 1280): Promise<PageReport> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(TIMEOUT_MS);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`failed to load ${request.url()}: ${request.failure()?.errorText ?? 'unknown error'}`));
  try {
    await page.goto(url, { waitUntil: 'load' });
    // Images are in by `load`; audio and video read their metadata on their own time.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('audio, video')].every((m) => (m as HTMLMediaElement).readyState >= 1 || (m as HTMLMediaElement).error),
    );
    const facts = await page.evaluate(() => ({
      images: [...document.images].map((i) => ({ src: i.getAttribute('src') ?? '', naturalWidth: i.naturalWidth })),
      media: [...document.querySelectorAll<HTMLMediaElement>('audio, video')].map((m) => ({
        tag: m.tagName.toLowerCase(),
        src: m.getAttribute('src') ?? '',
        readyState: m.readyState,
        error: m.error ? m.error.code : null,
      })),
      text: document.body.innerText,
    }));
    return { ...facts, errors, screenshot: await page.screenshot({ fullPage: true }) };
  } finally {
    await page.close();
  }
}
