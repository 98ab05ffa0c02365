/**
 * The report page: one self-contained HTML file (styles inline, no script, no server) whose
 * media are linked relative to it. Every text is escaped, URLs lose their query strings and
 * anything key-shaped is redacted before it reaches the page.
 */
import { providerDescriptors, redactSecrets } from '@boards/core';
import type { GenerationRecord, RecordedArtifact, RecordedInputFile } from '@boards/testing';
import { formatBytes } from '../output';
import { billedText, type Board, type CapPeriod, type Caps, type Card } from './board';

/** `<`, `>`, `&` and both quotes, for text and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The key shapes of every installed provider (its descriptor's `key.shape`): those a job id may have, or the others. */
function keyShapes(sharedWithJobIds: boolean): RegExp[] {
  return providerDescriptors().flatMap(({ key }) =>
    key.shape && Boolean(key.jobIdsShareShape) === sharedWithJobIds ? [key.shape.global ? key.shape : new RegExp(key.shape.source, `${key.shape.flags}g`)] : [],
  );
}

const redactShapes = (text: string, shapes: RegExp[]) => shapes.reduce((out, shape) => out.replace(shape, '[REDACTED]'), text);

/**
 * Key-shaped strings and URL query strings (signed URLs) never reach the page. Registered keys
 * are redacted by value (redactSecrets), but `boards report` loads no keys and a key pasted into
 * a prompt is shown verbatim otherwise, so keys are also redacted by their shape: each installed
 * provider's, and any `Key <id>:<secret>` authorization.
 */
export function pageSafe(text: string): string {
  return redactShapes(jobIdSafe(text), keyShapes(true));
}

/**
 * A provider job id: every key shape but those the provider's job ids share (its descriptor says
 * so), because the page is where an engineer looks a job up. A job id is the provider's, not the user's text.
 */
function jobIdSafe(text: string): string {
  const unsigned = redactSecrets(text).replace(/\b(https?:\/\/[^\s"'<>?#]+)[?#][^\s"'<>]*/g, '$1');
  return redactShapes(unsigned, keyShapes(false)).replace(/\bKey\s+[A-Za-z0-9_-]{6,}:[A-Za-z0-9_-]{6,}/g, 'Key [REDACTED]');
}

const text = (value: string) => escapeHtml(pageSafe(value));

/** A relative media path as a URL: each segment percent-encoded. */
function href(file: string): string {
  return escapeHtml(file.split(/[\\/]/).map(encodeURIComponent).join('/'));
}

export function renderBoard(board: Board, generatedAt = new Date()): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(board.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${text(board.title)}</h1>
${board.mode === 'emulator' ? '<p class="banner">Emulator run: no provider was called and no money was spent. The media are the emulator\'s synthetic output.</p>' : ''}
<dl class="facts">${board.facts
    .filter(([k]) => board.mode !== 'emulator' || k !== 'mode')
    .map(([k, v]) => `<div><dt>${text(k)}</dt><dd>${text(v)}</dd></div>`)
    .join('')}${capsFacts(board.caps)}</dl>
</header>
<main class="board">
${board.cards.map(renderCard).join('\n')}
</main>
<footer>${board.notInRun.length ? `<p>Not in this run: ${text(board.notInRun.join(', '))}.</p>` : ''}<p>Written ${text(generatedAt.toISOString())} by npx boards report.</p></footer>
</body>
</html>
`;
}

function capsFacts(caps: Caps | undefined): string {
  if (!caps) return '<div><dt>caps</dt><dd>no caps recorded</dd></div>';
  const period = (label: string, p: CapPeriod | undefined) =>
    p ? `<div><dt>${label} ${text(p.period)}</dt><dd>$${text(p.spentUsd)} of ${p.limitUsd === null ? 'no limit' : `$${text(p.limitUsd)}`}</dd></div>` : '';
  return `${period('day', caps.day)}${period('month', caps.month)}<div><dt>caps</dt><dd>${text(caps.backend)} ledger${caps.rehearsal ? ', rehearsal' : ''}</dd></div>`;
}

function renderCard(card: Card): string {
  const reasons = card.reasons.map((r) => `<p class="reason">${text(r)}</p>`).join('');
  const body = card.generations.length
    ? card.generations.map(renderGeneration).join('')
    : card.status === 'skipped' || card.status === 'failed'
      ? ''
      : '<p class="reason">no generation recorded</p>';
  return `<article class="card ${card.status.replace(' ', '-')}" id="${escapeHtml(card.generator)}">
<h2>${text(card.generator)} <span class="status">${text(card.status)}</span></h2>
${card.about ? `<p class="about">${text(card.about)}</p>` : ''}${reasons}${body}
</article>`;
}

function renderGeneration(g: GenerationRecord): string {
  const facts: Array<[string, string]> = [
    ['estimated', g.estimatedUsd === 'unknown' ? 'unknown' : `$${g.estimatedUsd}${g.estimateBasis ? ` (${g.estimateBasis})` : ''}`],
    ['billed', billedText(g)],
    ['time', `${(g.elapsedMs / 1000).toFixed(2)}s, started ${g.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`],
  ];
  const job = g.providerJobId === undefined ? 'none reported' : escapeHtml(jobIdSafe(g.providerJobId));
  return `<section class="generation">
<div class="media">${g.inputFiles.map(renderInputFile).join('')}${g.inputFiles.length ? '<span class="arrow" title="input, then output">→</span>' : ''}${g.artifacts.map(renderArtifact).join('')}</div>
${g.error ? `<p class="reason">failed: ${text(g.error)}</p>` : ''}${(g.warnings ?? []).map((w) => `<p class="warning">warning: ${text(w)}</p>`).join('')}
<dl class="costs">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${text(v)}</dd>`).join('')}<dt>provider job</dt><dd>${job}</dd></dl>
<details class="input" open><summary>input sent</summary><pre>${text(JSON.stringify(g.input, null, 2))}</pre></details>
</section>`;
}

function caption(a: RecordedArtifact): string {
  const facts = [a.mimeType.split(';')[0]];
  if (a.width && a.height) facts.push(`${a.width}×${a.height}`);
  if (a.durationSeconds !== undefined) facts.push(`${Number(a.durationSeconds.toFixed(2))}s`);
  if (a.sampleRate) facts.push(`${a.sampleRate} Hz`);
  facts.push(formatBytes(a.sizeBytes));
  return `<figcaption><a href="${href(a.file)}">${text(facts.join(' · '))}</a></figcaption>`;
}

function renderArtifact(a: RecordedArtifact): string {
  switch (a.type) {
    case 'image':
      return `<figure class="image"><a href="${href(a.file)}"><img src="${href(a.file)}" alt="${escapeHtml(a.type)} artifact"${a.width && a.height ? ` width="${escapeHtml(String(a.width))}" height="${escapeHtml(String(a.height))}"` : ''} loading="eager"></a>${caption(a)}</figure>`;
    case 'video':
      return `<figure class="video"><video controls muted preload="metadata" src="${href(a.file)}"></video>${caption(a)}</figure>`;
    case 'audio':
      return `<figure class="audio"><audio controls preload="metadata" src="${href(a.file)}"></audio>${caption(a)}</figure>`;
    case 'text':
      return `<figure class="text"><pre class="transcript">${text(a.text ?? '')}</pre>${caption(a)}</figure>`;
  }
}

function renderInputFile(f: RecordedInputFile): string {
  const label = `<figcaption>input ${text(f.field)} · ${text(`${f.mimeType} · ${formatBytes(f.sizeBytes)}`)}</figcaption>`;
  if (f.mimeType.startsWith('image/')) return `<figure class="image input-file"><img src="${href(f.file)}" alt="input ${text(f.field)}">${label}</figure>`;
  if (f.mimeType.startsWith('audio/'))
    return `<figure class="audio input-file"><audio controls preload="metadata" src="${href(f.file)}"></audio>${label}</figure>`;
  return `<figure class="input-file"><a href="${href(f.file)}">${text(f.file)}</a>${label}</figure>`;
}

const STYLE = `
:root{--bg:#f4f5f7;--card:#fff;--ink:#1d2330;--muted:#5d6677;--line:#e2e5ea;--ok:#1f8a4c;--skip:#8a6d1f;--fail:#b3261e;--accent:#3b5bdb}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{background:#1d2330;color:#f4f5f7;padding:20px 28px}
h1{margin:0 0 10px;font-size:22px;font-weight:600}
.banner{margin:0 0 12px;padding:6px 10px;border-radius:6px;background:#3b5bdb;color:#fff;display:inline-block}
.facts{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0}
.facts div{min-width:0}
.facts dt{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:#a9b1c2}
.facts dd{margin:0;font-weight:500}
.board{display:grid;align-items:start;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px;padding:20px 28px}
.card{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--muted);border-radius:8px;padding:12px 14px;min-width:0}
.card.passed{border-top-color:var(--ok)}.card.skipped{border-top-color:var(--skip)}.card.failed{border-top-color:var(--fail)}
h2{margin:0;font-size:16px;display:flex;justify-content:space-between;align-items:center}
.status{font-size:11px;text-transform:uppercase;letter-spacing:.06em;padding:2px 8px;border-radius:10px;background:var(--line);color:var(--muted)}
.passed .status{background:#e3f4ea;color:var(--ok)}.skipped .status{background:#f7f0dc;color:var(--skip)}.failed .status{background:#fbe4e2;color:var(--fail)}
.about{margin:2px 0 8px;color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.reason{margin:8px 0;padding:8px 10px;border-radius:6px;background:#f7f0dc;color:#5c4a14;overflow-wrap:anywhere}
.failed .reason{background:#fbe4e2;color:#7d1a14}
.warning{margin:6px 0;color:var(--skip)}
.generation+.generation{border-top:1px dashed var(--line);margin-top:10px;padding-top:10px}
.media{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start}
figure{margin:0;max-width:100%}
figure.image img{display:block;max-width:100%;max-height:240px;width:auto;height:auto;object-fit:contain;border-radius:4px;
  background:repeating-conic-gradient(#eceef1 0 25%,#fff 0 50%) 0 0/16px 16px;border:1px solid var(--line)}
figure.image img[width="64"]{min-width:96px;image-rendering:pixelated}
figure.video video{display:block;max-width:100%;max-height:240px;background:#000;border-radius:4px}
figure.audio audio{display:block;width:270px;max-width:100%}
figure.text{width:100%}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
pre.transcript{padding:10px;background:#f0f3ff;border-left:3px solid var(--accent);border-radius:4px;max-height:160px;overflow:auto;font:13px/1.45 system-ui,sans-serif}
figcaption{font-size:11px;color:var(--muted);margin-top:3px}
figcaption a{color:inherit}
.costs{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:10px 0 6px;font-size:12.5px}
.costs dt{color:var(--muted)}.costs dd{margin:0;overflow-wrap:anywhere}
.input summary{cursor:pointer;color:var(--accent);font-size:12.5px}
.input pre{margin-top:6px;padding:8px;background:var(--bg);border-radius:4px;max-height:180px;overflow:auto}
.arrow{align-self:center;font-size:20px;color:var(--muted)}
figure.image.input-file{max-width:120px}
figure.input-file img{max-height:96px;max-width:120px;min-width:0}
footer{padding:0 28px 20px;color:var(--muted);font-size:12px}
footer p{margin:4px 0}
`;
