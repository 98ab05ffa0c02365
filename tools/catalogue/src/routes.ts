/**
 * Routes of the same model: generators whose `family` names one underlying model
 * ("google/nano-banana-edit") offered by different providers. The catalogue shows each family's
 * routes side by side; `boards describe` names the other routes and the cheapest one.
 */
import { effectiveLifecycleStatus, isKnownPrice, type AnyGenerator, type PriceUnit } from '@boards/core';
import { priceMicros, shortPrice } from '@boards/cost';

export interface ModelRoute {
  id: string;
  provider: string;
  /** `$0.039 / image`, or `unknown / image`. */
  price: string;
  /** Absent when not even the unit of an unknown price is known. */
  unit?: PriceUnit;
  /** The price per unit; null when it is unknown. */
  micros: number | null;
}

export interface ModelFamily {
  family: string;
  /** Every route that is not retired: cheapest first when the prices share a unit, else by id. */
  routes: ModelRoute[];
  /** Ids of the routes at the lowest price (more than one on a tie); empty when the units differ or a price is unknown. */
  cheapest: string[];
}

function routeOf(generator: AnyGenerator): ModelRoute {
  const { price } = generator;
  const micros = isKnownPrice(price) ? priceMicros(price) : null;
  return { id: generator.id, provider: generator.provider, price: shortPrice(price), ...(price.unit ? { unit: price.unit } : {}), micros };
}

/** The families with two or more routes (retired generators are not routes), sorted by family id. */
export function modelFamilies(generators: readonly AnyGenerator[], now = new Date()): ModelFamily[] {
  const byFamily = new Map<string, AnyGenerator[]>();
  for (const g of generators) {
    if (!g.family || effectiveLifecycleStatus(g.lifecycle, now) === 'retired') continue;
    byFamily.set(g.family, [...(byFamily.get(g.family) ?? []), g]);
  }
  return [...byFamily.entries()]
    .filter(([, members]) => members.length > 1)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, members]) => {
      const routes = members.map(routeOf).sort((a, b) => a.id.localeCompare(b.id));
      if (new Set(routes.map((r) => r.unit)).size > 1 || routes.some((r) => r.micros === null)) return { family, routes, cheapest: [] };
      routes.sort((a, b) => (a.micros as number) - (b.micros as number));
      return { family, routes, cheapest: routes.filter((r) => r.micros === routes[0].micros).map((r) => r.id) };
    });
}

/** The family `generator` is a route of, when it has other routes. */
export function familyOf(generator: AnyGenerator, generators: readonly AnyGenerator[], now = new Date()): ModelFamily | undefined {
  return modelFamilies(generators, now).find((f) => f.routes.some((r) => r.id === generator.id));
}

/** `Also offered by: <id> (<provider>) at $0.025 / image; cheapest route: <id>`. */
export function describeOtherRoutes(family: ModelFamily, generatorId: string): string {
  const others = family.routes.filter((r) => r.id !== generatorId).map((r) => `${r.id} (${r.provider}) at ${r.price}`);
  const unknown = family.routes.filter((r) => r.micros === null).map((r) => r.id);
  const cheapest =
    family.cheapest.length > 0
      ? `cheapest route: ${family.cheapest.join(' and ')}${family.cheapest.length > 1 ? ' (the same price)' : ''}`
      : unknown.length > 0
        ? `no cheapest route (the price of ${unknown.join(' and ')} is unknown)`
        : `no cheapest route (prices per ${[...new Set(family.routes.map((r) => r.unit))].join(' and per ')} do not compare)`;
  return `Also offered by: ${others.join(', ')}; ${cheapest}`;
}
