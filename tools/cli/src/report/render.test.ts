import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerProvider, type ProviderDescriptor } from '@boards/core';
import type { GenerationRecord } from '@boards/testing';
import { removeTempDirs, tempDir } from '../../test-support/cli-process';
import { findRunDir, type Board } from './board';
import { escapeHtml, renderBoard } from './render';

afterAll(removeTempDirs);

const generation = (over: Partial<GenerationRecord> = {}): GenerationRecord => ({
  generator: 'flux-pro',
  mode: 'live',
  startedAt: '2026-12-01T10:00:00.000Z',
  elapsedMs: 1234,
  input: { prompt: 'a <script>alert(1)</script> & "quotes"' },
  inputFiles: [],
  estimatedUsd: '0.055',
  estimateBasis: '1 image x $0.055',
  actual: { usd: '0.055', reported: 'predict_time=1.2s' },
  providerJobId: 'job-1',
  artifacts: [{ type: 'image', file: 'artifacts/flux-pro/001-a b.png', mimeType: 'image/png', sizeBytes: 9600, sha256: 'ab', width: 1024, height: 1024 }],
  ...over,
});

const board = (over: Partial<Board> = {}): Board => ({
  title: 'Live run 1',
  mode: 'live',
  facts: [['estimated', '$0.055 of the $1.00 budget (default 1.00)']],
  cards: [{ generator: 'flux-pro', status: 'passed', reasons: [], generations: [generation()] }],
  notInRun: [],
  ...over,
});

describe('renderBoard', () => {
  it('escapes every text it shows', () => {
    const html = renderBoard(board());
    expect(html).not.toContain('<script>');
    expect(html).toContain('a &#60;script&#62;alert(1)&#60;/script&#62; &#38; \\&#34;quotes\\&#34;');
    expect(escapeHtml(`<a href='x'>`)).toBe('&#60;a href=&#39;x&#39;&#62;');
  });

  it('links media relative to the page, percent-encoded, with bounded thumbnails', () => {
    const html = renderBoard(board());
    expect(html).toContain('<img src="artifacts/flux-pro/001-a%20b.png"');
    expect(html).toMatch(/figure\.image img\{[^}]*max-height:240px/);
    expect(html).not.toContain('data:image');
  });

  it('shows estimated and billed cost, timing and the provider job id', () => {
    const html = renderBoard(board());
    expect(html).toContain('$0.055 (1 image x $0.055)');
    expect(html).toContain('$0.055 (predict_time=1.2s)');
    expect(html).toContain('1.23s, started 2026-12-01 10:00:00Z');
    expect(html).toContain('<dd>job-1</dd>');
  });

  it('never shows a key or a signed URL query string', () => {
    const leaky = generation({
      input: {
        image: 'https://files.example/x.png?X-Amz-Signature=abcdef123456&token=zzz',
        note: 'r8_ABCDEFGH12345678 sk-proj_abcdefgh1234 Key abcdef123:ghijkl456',
      },
      error: 'provider said Bearer sk-abcdefghijklmnop',
    });
    const html = renderBoard(
      board({ cards: [{ generator: 'flux-pro', status: 'failed', reasons: ['failed: Key someid12:somesecret99'], generations: [leaky] }] }),
    );
    expect(html).not.toMatch(/r8_[A-Za-z0-9]{8}|sk-[A-Za-z0-9_-]{8}|Key [A-Za-z0-9_-]{6,}:[A-Za-z0-9_-]{6,}/);
    expect(html).not.toContain('X-Amz-Signature');
    expect(html).toContain('https://files.example/x.png');
  });

  it("redacts every installed provider's key shape (its descriptor's), and shows a job id whose provider's ids share one", () => {
    // An adapter the page has never heard of: its descriptor alone teaches the page its key shape.
    const acme = { name: 'acme-report', displayName: 'Acme', key: { variable: 'ACME_KEY', shape: /\bacme_[a-z0-9]{12}\b/ } };
    const ids = { name: 'hexid-report', displayName: 'Hexid', key: { variable: 'HEXID_KEY', shape: /\bhx[0-9a-f]{10}\b/, jobIdsShareShape: true } };
    for (const d of [acme, ids]) registerProvider(d as unknown as ProviderDescriptor);
    const pasted = generation({ input: { prompt: 'acme_abcdef123456 and acme_0123456789ab, hx0123456789' }, providerJobId: 'hxabcdef0123' });
    const html = renderBoard(board({ cards: [{ generator: 'flux-pro', status: 'passed', reasons: [], generations: [pasted] }] }));
    expect(html).not.toMatch(/acme_[a-z0-9]{12}|hx0123456789/);
    expect(html).toContain('[REDACTED] and [REDACTED], [REDACTED]');
    expect(html).toContain('<dd>hxabcdef0123</dd>');
  });

  it('shows the caps when the summary has them, and says so when it has none', () => {
    expect(renderBoard(board())).toContain('no caps recorded');
    const html = renderBoard(
      board({
        caps: {
          backend: 'redis',
          rehearsal: true,
          day: { period: '2026-12-01', spentUsd: '0.055', limitUsd: '5.00' },
          month: { period: '2026-12', spentUsd: '0.10', limitUsd: null },
        },
      }),
    );
    expect(html).toContain('<dt>day 2026-12-01</dt><dd>$0.055 of $5.00</dd>');
    expect(html).toContain('<dt>month 2026-12</dt><dd>$0.10 of no limit</dd>');
    expect(html).toContain('redis ledger, rehearsal');
    expect(html).not.toContain('no caps recorded');
  });

  it('gives a skipped card its reason and an emulator run its banner', () => {
    const html = renderBoard(
      board({
        mode: 'emulator',
        cards: [{ generator: 'dalle3', status: 'skipped', reasons: ['skipped: dall-e-3 is retired 2026-05-12; use gpt-image-2'], generations: [] }],
      }),
    );
    expect(html).toContain('<p class="reason">skipped: dall-e-3 is retired 2026-05-12; use gpt-image-2</p>');
    expect(html).toContain('Emulator run: no provider was called');
  });
});

describe('findRunDir', () => {
  it('takes a run directory, a run id, or the latest run; says what is missing otherwise', () => {
    const root = tempDir('boards-report-root-');
    expect(() => findRunDir(root, root)).toThrow(/no live run found under .*\.live-runs: run one first/);
    const older = join(root, '.live-runs', 'older');
    const newer = join(root, '.live-runs', 'newer');
    for (const dir of [older, newer]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(older, 'summary.json'), '{}');
    writeFileSync(join(newer, 'summary.json'), '{}');
    writeFileSync(join(root, '.live-runs', 'latest-summary.json'), JSON.stringify({ runDir: older }));
    expect(findRunDir(root, root)).toBe(older);
    expect(findRunDir(root, root, 'newer')).toBe(newer);
    expect(findRunDir(root, '/', newer)).toBe(newer);
    expect(() => findRunDir(root, root, 'nope')).toThrow('no live run at nope: expected a directory with summary.json');
  });
});
