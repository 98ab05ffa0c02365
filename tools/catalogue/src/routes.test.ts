import type { AnyGenerator, ProviderName } from '@boards/core';
import { unknownPrice } from '@boards/cost';
import { listedGenerator } from './__fixtures__/listed-generator';
import { z } from 'zod';
import { describeOtherRoutes, familyOf, modelFamilies, routesQualifier } from './routes';

const now = new Date('2026-11-22T00:00:00Z');

/** A route of acme/edit on `provider` at `usd` per image. */
function route(id: string, provider: ProviderName, usd: string, extra: Parameters<typeof listedGenerator>[1] = {}): AnyGenerator {
  return listedGenerator(id, { provider, family: 'acme/edit', price: { usd, unit: 'image', checkedOn: '2026-11-22' }, ...extra });
}

describe('modelFamilies', () => {
  it('groups generators by family, cheapest route first, leaving out models with one route', () => {
    const generators = [route('edit-fal', 'fal', '0.039'), route('edit-cheap', 'replicate', '0.025'), route('solo', 'openai', '0.01', { family: 'acme/solo' })];
    expect(modelFamilies(generators, now)).toEqual([
      {
        family: 'acme/edit',
        media: [],
        routes: [
          { id: 'edit-cheap', provider: 'replicate', price: '$0.025 / image', unit: 'image', micros: 25_000 },
          { id: 'edit-fal', provider: 'fal', price: '$0.039 / image', unit: 'image', micros: 39_000 },
        ],
        cheapest: ['edit-cheap'],
      },
    ]);
  });

  it('is not a route once retired, and names no cheapest route when the price units differ', () => {
    const retired = route('edit-old', 'openai', '0.001', { lifecycle: { status: 'retired', retiredOn: '2026-05-12' } });
    const perSecond = route('edit-video', 'replicate', '0.01', { price: { usd: '0.01', unit: 'second', checkedOn: '2026-11-22' } });
    const [family] = modelFamilies([route('edit-fal', 'fal', '0.039'), retired, perSecond], now);
    expect(family.routes.map((r) => r.id)).toEqual(['edit-fal', 'edit-video']);
    expect(family.cheapest).toEqual([]);
    expect(describeOtherRoutes(family, 'edit-fal')).toBe(
      'Also offered by: edit-video (replicate) at $0.01 / second; no cheapest route (prices per image and per second do not compare)',
    );
  });

  it("names no cheapest route while a route's price is unknown, and says which", () => {
    const unverified = route('edit-new', 'replicate', '0', { price: unknownPrice({ reason: 'none published', checkedOn: '2026-12-08', unit: 'image' }) });
    const [family] = modelFamilies([route('edit-fal', 'fal', '0.039'), unverified], now);
    expect(family.routes).toEqual([
      { id: 'edit-fal', provider: 'fal', price: '$0.039 / image', unit: 'image', micros: 39_000 },
      { id: 'edit-new', provider: 'replicate', price: 'unknown / image', unit: 'image', micros: null },
    ]);
    expect(family.cheapest).toEqual([]);
    expect(describeOtherRoutes(family, 'edit-fal')).toBe(
      'Also offered by: edit-new (replicate) at unknown / image; no cheapest route (the price of edit-new is unknown)',
    );
  });
});

describe('describeOtherRoutes', () => {
  const generators = [route('edit-fal', 'fal', '0.039'), route('edit-cheap', 'replicate', '0.025'), route('plain', 'fal', '0.02', { family: undefined })];

  it('names the other routes with their prices and the cheapest route', () => {
    const family = familyOf(generators[0], generators, now);
    expect(family && describeOtherRoutes(family, 'edit-fal')).toBe('Also offered by: edit-cheap (replicate) at $0.025 / image; cheapest route: edit-cheap');
    expect(family && describeOtherRoutes(family, 'edit-cheap')).toBe('Also offered by: edit-fal (fal) at $0.039 / image; cheapest route: edit-cheap');
    expect(familyOf(generators[2], generators, now)).toBeUndefined();
  });

  it('names every route at the lowest price on a tie', () => {
    const tied = [route('a', 'fal', '0.02'), route('b', 'replicate', '0.02')];
    const family = familyOf(tied[0], tied, now);
    expect(family && describeOtherRoutes(family, 'a')).toBe('Also offered by: b (replicate) at $0.02 / image; cheapest route: a and b (the same price)');
  });
});

describe('routes of a family with endpoints for different requests', () => {
  /** A video route of acme/video on `provider`, at `usd` per second, whose `image` field is required, optional or absent. */
  function video(id: string, provider: ProviderName, usd: string, image: 'required' | 'optional' | 'none'): AnyGenerator {
    const imageField = image === 'required' ? { image: z.string() } : image === 'optional' ? { image: z.string().optional() } : {};
    return listedGenerator(id, {
      provider,
      family: 'acme/video',
      artifactType: 'video',
      inputSchema: z.strictObject({ prompt: z.string(), ...imageField }),
      ...(image === 'none' ? {} : { mediaInputs: { image: 'image' } }),
      price: { usd, unit: 'second', checkedOn: '2026-11-22' },
    });
  }
  const textToVideo = video('video-t2v', 'fal', '0.05', 'none');
  const imageToVideo = video('video-i2v', 'fal', '0.04', 'required');

  it('does not make a text-to-video endpoint a route of the image-to-video one', () => {
    expect(modelFamilies([textToVideo, imageToVideo], now)).toEqual([]);
    expect(familyOf(imageToVideo, [textToVideo, imageToVideo], now)).toBeUndefined();
  });

  it('makes a route that takes an optional image a route of both, and names each set by the media its request brings', () => {
    const either = video('video-kie', 'kie', '0.03', 'optional');
    const generators = [textToVideo, imageToVideo, either];
    const families = modelFamilies(generators, now);
    expect(families.map((f) => ({ media: f.media, routes: f.routes.map((r) => r.id), cheapest: f.cheapest }))).toEqual([
      { media: [], routes: ['video-kie', 'video-t2v'], cheapest: ['video-kie'] },
      { media: ['image'], routes: ['video-kie', 'video-i2v'], cheapest: ['video-kie'] },
    ]);
    expect(families.map((f) => routesQualifier(f, families))).toEqual([' (no media input)', ' (from image)']);
    expect(familyOf(imageToVideo, generators, now)?.media).toEqual(['image']);
    expect(familyOf(textToVideo, generators, now)?.media).toEqual([]);
    // Its own request (it requires no image) first.
    expect(familyOf(either, generators, now)?.routes.map((r) => r.id)).toEqual(['video-kie', 'video-t2v']);
    expect(describeOtherRoutes(familyOf(imageToVideo, generators, now)!, 'video-i2v')).toBe(
      'Also offered by: video-kie (kie) at $0.03 / second; cheapest route: video-kie',
    );
  });
});
