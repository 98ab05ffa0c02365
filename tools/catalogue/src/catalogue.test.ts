import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKnownPrice } from '@boards/core';
import { DEFAULT_BUDGET_USD, estimateFromPrice, unknownCost, unknownPrice } from '@boards/cost';
import { listedGenerator } from './__fixtures__/listed-generator';
import { describeDifference, discoverGenerators, liveTestCost, renderCatalogueTable, replaceCatalogueBlock } from './catalogue';

const WORKSPACE = join(__dirname, '../../..');
const scratch: string[] = [];
/** A temporary workspace root, removed after the tests. */
function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'catalogue-'));
  scratch.push(root);
  return root;
}
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const registry = discoverGenerators(WORKSPACE);
const table = renderCatalogueTable(registry);

describe('catalogue registry', () => {
  it('discovers every package whose package.json declares boards.generator, by its generator export', () => {
    const declared = readdirSync(join(WORKSPACE, 'packages'))
      .map((dir) => join(WORKSPACE, 'packages', dir, 'package.json'))
      .filter((manifest) => existsSync(manifest))
      .map((manifest) => JSON.parse(readFileSync(manifest, 'utf8')).boards?.generator)
      .filter((id): id is string => typeof id === 'string')
      .sort();
    expect(registry.map((g) => g.id)).toEqual(declared);
    expect(declared).toEqual(expect.arrayContaining(['dalle3', 'elevenlabs-tts', 'flux-schnell', 'gpt-image-2', 'nano-banana-edit', 'veo3']));
  });

  it('knows nano-banana-edit as a route of google/nano-banana-edit (other providers of that model group with it)', () => {
    expect(registry.find((g) => g.id === 'nano-banana-edit')?.family).toBe('google/nano-banana-edit');
  });

  it('refuses a package whose generator export does not match its boards.generator', () => {
    const root = tempRoot();
    mkdirSync(join(root, 'packages', 'odd'), { recursive: true });
    const main = join(__dirname, '__fixtures__', 'generator.ts');
    writeFileSync(join(root, 'packages', 'odd', 'package.json'), JSON.stringify({ name: '@boards/odd', main, boards: { generator: 'odd' } }));
    expect(() => discoverGenerators(root)).toThrow('package.json declares generator "odd" but the module exports "fixture"');
  });

  // Whatever the size of the catalogue: a run of every live test can exceed the budget (the
  // budget then stops it before the next paid call), but no single live test may. A generator whose
  // price is unknown has an unknown live-test cost (never $0), which a budget refuses unless allowed.
  it('fits each live test of a known price in the default $1.00 live budget on its own, and totals them', () => {
    const costs = registry.flatMap((g) => {
      const cost = liveTestCost(g);
      return cost === 'skipped' ? [] : [{ generator: g, cost }];
    });
    expect(costs.length).toBeGreaterThan(0);
    const budgetMicros = Number(DEFAULT_BUDGET_USD) * 1_000_000;
    for (const { generator, cost } of costs) {
      if (!isKnownPrice(generator.price)) {
        expect(cost).toEqual({ known: false, reason: expect.stringContaining(generator.price.reason) });
        continue;
      }
      expect(cost).toMatchObject({ known: true });
      if (cost.known) expect(cost.micros).toBeLessThan(budgetMicros);
    }
    const sum = costs.reduce((s, c) => s + (c.cost.known ? c.cost.micros : 0), 0);
    const total = /together .*?: \$(\d+\.\d+)(\.| \+ unknown)/m.exec(table)?.[1];
    expect(Math.round(Number(total) * 1_000_000)).toBe(sum);
  });
});

describe('renderCatalogueTable', () => {
  const now = new Date('2026-11-22T00:00:00Z');

  it('renders price with unit and date, the live-test cost and the lifecycle, one row per generator', () => {
    const rendered = renderCatalogueTable(
      [
        listedGenerator('zeta', { lifecycle: { status: 'retired', retiredOn: '2026-05-12', successor: 'alpha' } }),
        listedGenerator('alpha', { price: { usd: '0.10', unit: 'second', checkedOn: '2026-11-20', note: 'a | b' } }),
      ],
      now,
    );
    const rows = rendered.split('\n').filter((l) => l.startsWith('| ['));
    expect(rows).toEqual([
      '| [alpha](packages/alpha) | fal | `fal-ai/alpha` | image | $0.10 / second (a \\| b), checked 2026-11-20 | $0.02 | active | alpha |',
      '| [zeta](packages/zeta) | fal | `fal-ai/zeta` | image | $0.02 / image, checked 2026-01-02 | skipped (retired) | retired 2026-05-12; use alpha | zeta |',
    ]);
    expect(rendered).toMatch(/All 1 live tests together .*: \$0\.02\.$/m);
  });

  it('shows routes of the same model side by side, cheapest first, and only models with two routes', () => {
    const family = 'acme/sketch';
    const rendered = renderCatalogueTable(
      [
        listedGenerator('sketch', { family }),
        listedGenerator('sketch-cheap', {
          provider: 'replicate',
          model: 'acme/sketch',
          family,
          price: { usd: '0.013', unit: 'image', checkedOn: '2026-11-22' },
        }),
        listedGenerator('lonely', { family: 'acme/lonely' }),
        listedGenerator('plain'),
      ],
      now,
    );
    const routes = rendered.split('\n').slice(rendered.split('\n').indexOf('| model | routes | cheapest route |'));
    expect(routes).toEqual([
      '| model | routes | cheapest route |',
      '|---|---|---|',
      '| `acme/sketch` | [sketch-cheap](packages/sketch-cheap) (Replicate) $0.013 / image; [sketch](packages/sketch) (fal) $0.02 / image | sketch-cheap |',
    ]);
    expect(rendered).toMatch(/All 4 live tests together .*: \$0\.08\.$/m);
    expect(renderCatalogueTable([listedGenerator('sketch', { family })], now)).not.toContain('Routes of the same model');
  });

  it('says unknown, never $0, when a live test cannot be estimated, and totals the rest', () => {
    const rendered = renderCatalogueTable(
      [listedGenerator('vague', { estimateCost: () => unknownCost('the duration is unknown') }), listedGenerator('plain')],
      now,
    );
    expect(rendered).toContain('| unknown (the duration is unknown) |');
    expect(rendered).toMatch(
      /^All 2 live tests together .*: \$0\.02 \+ unknown \(vague\); a live run refuses the unknown ones unless BOARDS_LIVE_ALLOW_UNKNOWN_COST=1\.$/m,
    );
  });

  it('lists a generator whose price is unknown with the reason and the date, linked to where it was looked for', () => {
    const price = unknownPrice({ reason: 'fal publishes none', checkedOn: '2026-12-08', source: 'https://fal.ai/models/fal-ai/clip', unit: 'second' });
    const rendered = renderCatalogueTable([listedGenerator('clip', { price, estimateCost: () => estimateFromPrice(price, 4) })], now);
    expect(rendered.split('\n').find((l) => l.startsWith('| [clip]'))).toBe(
      '| [clip](packages/clip) | fal | `fal-ai/clip` | image | unknown / second (fal publishes none), checked [2026-12-08](https://fal.ai/models/fal-ai/clip) | ' +
        'unknown (its price is unknown) | active | clip |',
    );
    expect(rendered).not.toContain('$0.00 /');
    expect(rendered).toMatch(/: \$0\.00 \+ unknown \(clip\); a live run refuses the unknown ones unless BOARDS_LIVE_ALLOW_UNKNOWN_COST=1\.$/m);
  });
});

describe('catalogue block', () => {
  it('replaces only what lies between the markers', () => {
    const readme = '# Title\n<!-- catalogue:start -->\nold\n<!-- catalogue:end -->\nafter\n';
    expect(replaceCatalogueBlock(readme, 'new')).toBe('# Title\n<!-- catalogue:start -->\nnew\n<!-- catalogue:end -->\nafter\n');
  });

  it('fails with a clear message when the markers are missing', () => {
    expect(() => replaceCatalogueBlock('# Title\n', 'new')).toThrow(/no <!-- catalogue:start --> \.\.\. <!-- catalogue:end --> block: put the two markers/);
  });

  it('shows what is stale as removed and added lines', () => {
    expect(describeDifference('a\nb\n', 'a\nb\n')).toBeUndefined();
    expect(describeDifference('a\nold\n', 'a\nnew\n')).toBe('- old\n+ new');
  });
});
