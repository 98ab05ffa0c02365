/**
 * Routes of the same model: generators whose `family` names one underlying model
 * ("google/nano-banana-edit") offered by different providers or endpoints, that can take the same
 * request. A family's endpoints for different requests (Wan 2.5 text-to-video and image-to-video:
 * no media, an image required) are not each other's routes: each media a request brings (none, an
 * image, ...) is compared apart, among the generators that require no more and accept it all (a Kie
 * model taking an optional image is a route of both). The catalogue shows each set of routes side by
 * side; `boards describe` names the other routes and the cheapest one.
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
  /** The media the request brings (`['image']`; [] for none): every route requires no more and accepts all of it. */
  media: string[];
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

/** The media types a generator requires (a required field in `mediaInputs`) and accepts (any of them). */
function mediaOf(generator: AnyGenerator): { required: Set<string>; accepted: Set<string> } {
  const shape = (generator.inputSchema as { shape?: Record<string, { safeParse(value: unknown): { success: boolean } }> }).shape ?? {};
  const required = new Set<string>();
  const accepted = new Set<string>();
  for (const [field, type] of Object.entries(generator.mediaInputs ?? {})) {
    if (type === undefined) continue;
    accepted.add(type);
    if (shape[field] && !shape[field].safeParse(undefined).success) required.add(type);
  }
  return { required, accepted };
}

const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));

function familyRoutes(family: string, media: string[], members: readonly AnyGenerator[]): ModelFamily {
  const routes = members.map(routeOf).sort((a, b) => a.id.localeCompare(b.id));
  if (new Set(routes.map((r) => r.unit)).size > 1 || routes.some((r) => r.micros === null)) return { family, media, routes, cheapest: [] };
  routes.sort((a, b) => (a.micros as number) - (b.micros as number));
  return { family, media, routes, cheapest: routes.filter((r) => r.micros === routes[0].micros).map((r) => r.id) };
}

/**
 * The sets of two or more routes (retired generators are not routes), sorted by family id, then
 * by the media the request brings: for each media some member of the family requires, the members
 * that require no more and accept all of it.
 */
export function modelFamilies(generators: readonly AnyGenerator[], now = new Date()): ModelFamily[] {
  const byFamily = new Map<string, AnyGenerator[]>();
  for (const g of generators) {
    if (!g.family || effectiveLifecycleStatus(g.lifecycle, now) === 'retired') continue;
    byFamily.set(g.family, [...(byFamily.get(g.family) ?? []), g]);
  }
  return [...byFamily.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([family, members]) => {
      const media = new Map(members.map((g) => [g, mediaOf(g)]));
      const requests = new Map([...media.values()].map(({ required }) => [[...required].sort().join(' '), new Set(required)]));
      return [...requests.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, request]) =>
          familyRoutes(
            family,
            [...request].sort(),
            members.filter((g) => subset(media.get(g)!.required, request) && subset(request, media.get(g)!.accepted)),
          ),
        )
        .filter((routes) => routes.routes.length > 1);
    });
}

/** The routes of `generator`, when it has other routes: those of the request it requires, else the first it takes. */
export function familyOf(generator: AnyGenerator, generators: readonly AnyGenerator[], now = new Date()): ModelFamily | undefined {
  const required = [...mediaOf(generator).required].sort().join(' ');
  const own = modelFamilies(generators, now).filter((f) => f.routes.some((r) => r.id === generator.id));
  return own.find((f) => f.media.join(' ') === required) ?? own[0];
}

/** What tells a set of routes from the family's others: the media its request brings (' (from image)'), or '' when the family has one set. */
export function routesQualifier(family: ModelFamily, families: readonly ModelFamily[]): string {
  if (families.filter((f) => f.family === family.family).length < 2) return '';
  return family.media.length > 0 ? ` (from ${family.media.join(' and ')})` : ' (no media input)';
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
