import { seedFalSnapshot } from '../scaffold/seed';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document walked by path in a test
type Json = Record<string, any>;

/** The schema a `$ref` of the seeded document points at. */
const at = (doc: Json, ref: string): Json =>
  ref
    .replace('#/', '')
    .split('/')
    .reduce((node, key) => node[key], doc);

describe("fal's seeder (the client's endpoint types as a queue OpenAPI document)", () => {
  it("reads an output's File as the client declares it, an object with a url, not bytes", () => {
    const { document } = seedFalSnapshot('fal-ai/veo3.1', { now: new Date('2026-12-07T00:00:00Z') }) as { document: Json };
    const output = at(document, document.paths['/fal-ai/veo3.1/requests/{request_id}'].get.responses['200'].content['application/json'].schema.$ref);
    const video = output.properties.video;
    const file = video.$ref ? at(document, video.$ref) : video;
    expect(file.type).toBe('object');
    expect(file.properties.url).toMatchObject({ type: 'string' });
    expect(file.required).toContain('url');
  });
});
