/**
 * The generator catalogue: one table row per generator package, rendered from the
 * generators themselves (their price, cheapest input and lifecycle), so the README's
 * table can be checked against the registry instead of being kept up by hand.
 */
import {
  describeLifecycle,
  effectiveLifecycleStatus,
  findGeneratorPackages,
  findProvider,
  InvalidConfigError,
  loadGenerator,
  type AnyGenerator,
  type CostEstimate,
} from '@boards/core';
import { ALLOW_UNKNOWN_VARIABLE, formatEstimate, formatTotal, shortPrice } from '@boards/cost';
import { familyTag } from './families';
import { LEFT_OUT, renderLeftOut } from './left-out';
import { modelFamilies, routesQualifier } from './routes';

export const CATALOGUE_START = '<!-- catalogue:start -->';
export const CATALOGUE_END = '<!-- catalogue:end -->';

/**
 * Every generator of the workspace, loaded through core's discovery (`packages/<dir>/package.json`
 * with `boards.generator`, the package's `generator` export). A package that does not load
 * fails the catalogue instead of dropping out of it.
 */
export function discoverGenerators(workspaceRoot: string): AnyGenerator[] {
  return findGeneratorPackages(workspaceRoot).map(loadGenerator);
}

/** What the live test of `generator` costs: its cheapest input's estimate, or nothing when it is skipped. */
export function liveTestCost(generator: AnyGenerator, now = new Date()): CostEstimate | 'skipped' {
  return effectiveLifecycleStatus(generator.lifecycle, now) === 'retired' ? 'skipped' : generator.estimateCost(generator.cheapestInput);
}

/** `$0.04 / image (note), checked 2026-12-07` or `unknown / second (why), checked ...`: the date links to the source. */
function priceCell(generator: AnyGenerator): string {
  const { price } = generator;
  const notes = [...(price.unknown ? [price.reason] : []), ...(price.note ? [price.note] : [])];
  const date = price.source ? `[${price.checkedOn}](${price.source})` : price.checkedOn;
  return `${shortPrice(price)}${notes.length ? ` (${notes.join('; ')})` : ''}, checked ${date}`;
}

/**
 * The total of every live test: exact when every cost is known; else the known part, and which
 * tests have an unknown cost (a budget refuses them unless unknown costs are allowed).
 */
function totalLine(generators: readonly AnyGenerator[], now: Date): string {
  const parts = generators.flatMap((g) => {
    const estimate = liveTestCost(g, now);
    return estimate === 'skipped' ? [] : [{ id: g.id, estimate }];
  });
  const refused = parts.some((p) => !p.estimate.known) ? `; a live run refuses the unknown ones unless ${ALLOW_UNKNOWN_VARIABLE}=1` : '';
  return `All ${parts.length} live tests together (the cheapest input of each; retired generators are skipped): ${formatTotal(parts)}${refused}.`;
}

function lifecycleCell(generator: AnyGenerator, now: Date): string {
  const successor = generator.lifecycle?.successor;
  const status = effectiveLifecycleStatus(generator.lifecycle, now);
  return `${describeLifecycle(generator.lifecycle, now)}${successor && status !== 'active' ? `; use ${successor}` : ''}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The catalogue block: a markdown table and the total of every live test's cheapest input. */
export function renderCatalogueTable(generators: readonly AnyGenerator[], now = new Date()): string {
  const sorted = [...generators].sort((a, b) => a.id.localeCompare(b.id));
  const rows = sorted.map((g) => {
    const cost = liveTestCost(g, now);
    const columns = [
      `[${g.id}](packages/${g.id})`,
      findProvider(g.provider)?.displayName ?? g.provider,
      `\`${g.model}\``,
      g.artifactType,
      priceCell(g),
      // An unknown price is the reason of an unknown cost: the price cell says why.
      cost === 'skipped' ? 'skipped (retired)' : !cost.known && g.price.unknown ? 'unknown (its price is unknown)' : formatEstimate(cost),
      lifecycleCell(g, now),
      familyTag(g).slice('family:'.length),
    ];
    return `| ${columns.map(cell).join(' | ')} |`;
  });
  return [
    '<!-- generated from the generator packages by `node tools/plugin/scripts/catalogue.js --write`; do not edit by hand -->',
    '| generator | provider | model | artifact | price | live-test cost | lifecycle | family |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    totalLine(sorted, now),
    ...renderLeftOut(LEFT_OUT, new Set(sorted.map((g) => `${g.provider} ${g.model}`))),
    ...renderRoutes(sorted, now),
  ].join('\n');
}

/** Routes of the same model side by side (generators sharing a `family`); nothing when no model has two routes. */
function renderRoutes(generators: readonly AnyGenerator[], now: Date): string[] {
  const families = modelFamilies(generators, now);
  if (families.length === 0) return [];
  const rows = families.map((routesOfOne) => {
    const { family, routes, cheapest } = routesOfOne;
    const unknown = routes.some((r) => r.micros === null);
    const offered = routes.map((r) => `[${r.id}](packages/${r.id}) (${findProvider(r.provider)?.displayName ?? r.provider}) ${r.price}`).join('; ');
    return `| ${[`\`${family}\`${routesQualifier(routesOfOne, families)}`, offered, cheapest.length > 0 ? cheapest.join(', ') : unknown ? 'a price is unknown' : 'prices in different units'].map(cell).join(' | ')} |`;
  });
  return [
    '',
    'Routes of the same model (generators with the same `family` that take the same request), cheapest first:',
    '',
    '| model | routes | cheapest route |',
    '|---|---|---|',
    ...rows,
  ];
}

/** README text with the block between the catalogue markers replaced by `table`. */
export function replaceCatalogueBlock(readme: string, table: string, file = 'README.md'): string {
  const start = readme.indexOf(CATALOGUE_START);
  const end = readme.indexOf(CATALOGUE_END);
  if (start < 0 || end < start) {
    throw new InvalidConfigError(
      file,
      `it has no ${CATALOGUE_START} ... ${CATALOGUE_END} block: put the two markers where the catalogue belongs, then run node tools/plugin/scripts/catalogue.js --write`,
    );
  }
  return `${readme.slice(0, start + CATALOGUE_START.length)}\n${table}\n${readme.slice(end)}`;
}

/** undefined when `actual` already holds `expected`; else a line diff (- stale, + expected). */
export function describeDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  const have = actual.split('\n');
  const want = expected.split('\n');
  const lines = [...have.filter((l) => !want.includes(l)).map((l) => `- ${l}`), ...want.filter((l) => !have.includes(l)).map((l) => `+ ${l}`)];
  return lines.length > 0 ? lines.join('\n') : '(the same lines in another order or spacing)';
}
