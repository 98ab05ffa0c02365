/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
 * no port, no websocket library): opens a page, reports what loaded and what failed, and
 * takes a full-page screenshot. Used by the report's browser test; every wait has a deadline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

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
  /** Every <img>: its src and natural width (0 when it did not load). */
  images: Array<{ src: string; naturalWidth: number }>;
  /** Every <audio> and <video>: its src and readyState (>= 1 once its metadata loaded). */
  media: Array<{ tag: string; src: string; readyState: number; error: number | null }>;
  /** Console errors, uncaught exceptions and failed loads. */
  errors: string[];
  /** The page's visible text. */
  text: string;
  /** PNG of the whole page. */
  screenshot: Buffer;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

export class HeadlessChromium {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners: Array<(m: Message) => void> = [];
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
    private readonly timeoutMs: number,
  ) {
    const out = child.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) !== -1) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
    child.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static launch(executable: string, timeoutMs = 30_000): HeadlessChromium {
    const profile = mkdtempSync(join(tmpdir(), 'boards-chromium-'));
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      '--hide-scrollbars',
      '--mute-audio',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      'about:blank',
    ];
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    return new HeadlessChromium(child, profile, timeoutMs);
  }

  /** Loads `url` at `width` CSS pixels and reports on it. */
  async open(url: string, width = 1280): Promise<PageReport> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const session = sessionId as string;
    const errors: string[] = [];
    this.listeners.push((m) => {
      if (m.sessionId !== session || !m.params) return;
      const p = m.params as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (m.method === 'Runtime.consoleAPICalled' && p.type === 'error')
        errors.push(`console.error: ${p.args.map((a: { value?: unknown; description?: string }) => a.value ?? a.description).join(' ')}`);
      if (m.method === 'Runtime.exceptionThrown') errors.push(`exception: ${p.exceptionDetails.exception?.description ?? p.exceptionDetails.text}`);
      if (m.method === 'Log.entryAdded' && p.entry.level === 'error')
        errors.push(`${p.entry.source}: ${p.entry.text}${p.entry.url ? ` (${p.entry.url})` : ''}`);
    });
    for (const domain of ['Page', 'Runtime', 'Log']) await this.send(`${domain}.enable`, {}, session);
    await this.send('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: false }, session);
    const loaded = this.event('Page.loadEventFired', session);
    await this.send('Page.navigate', { url }, session);
    await loaded;
    const facts = await this.evaluate<Omit<PageReport, 'errors' | 'screenshot'>>(
      `(async () => {
        const media = [...document.querySelectorAll('audio, video')];
        await Promise.all(media.map((m) => m.readyState >= 1 || m.error ? 0 : new Promise((r) => { m.addEventListener('loadedmetadata', r); m.addEventListener('error', r); })));
        return {
          images: [...document.images].map((i) => ({ src: i.getAttribute('src'), naturalWidth: i.naturalWidth })),
          media: media.map((m) => ({ tag: m.tagName.toLowerCase(), src: m.getAttribute('src'), readyState: m.readyState, error: m.error && m.error.code })),
          text: document.body.innerText,
        };
      })()`,
      session,
    );
    const metrics = await this.send('Page.getLayoutMetrics', {}, session);
    const height = Math.ceil((metrics.cssContentSize as { height: number }).height);
    const shot = await this.send(
      'Page.captureScreenshot',
      { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } },
      session,
    );
    return { ...facts, errors, screenshot: Buffer.from(shot.data as string, 'base64') };
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.profile, { recursive: true, force: true });
  }

  private async evaluate<T>(expression: string, sessionId: string): Promise<T> {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(exceptionDetails)}`);
    return (result as { value: T }).value;
  }

  private send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return this.deadline(
      `${method}`,
      new Promise((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        (this.child.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      }),
    );
  }

  private event(method: string, sessionId: string): Promise<void> {
    return this.deadline(
      method,
      new Promise((resolve) => {
        const listener = (m: Message) => {
          if (m.method !== method || m.sessionId !== sessionId) return;
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          resolve();
        };
        this.listeners.push(listener);
      }),
    );
  }

  private deadline<T>(what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`chromium: no answer to ${what} within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`chromium: ${message.error.message}`));
      else waiter?.resolve(message.result ?? {});
      return;
    }
    for (const listener of [...this.listeners]) listener(message);
  }
}
