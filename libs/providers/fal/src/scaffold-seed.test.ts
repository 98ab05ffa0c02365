import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { falEndpointIds, seedableModels, seedFalSnapshot } from '../scaffold/seed';
import { falDocument } from './fal-published';

// A client types file in the shape of @fal-ai/client's src/types/endpoints.d.ts.
const TYPES = `
export type ImageFile = {
    /** The URL where the file can be downloaded from. */
    url: string;
    width?: number;
};
export type ImageSize = {
    /** The width of the generated image. Default value: \`512\` */
    width?: number;
};
export type DemoEditInput = {
    /** The prompt. */
    prompt: string;
    /** Images to edit. */
    image_urls: Array<string | Blob | File>;
    /** How many. Default value: \`1\` */
    num_images?: number;
    /** The size. Default value: \`landscape_4_3\` */
    image_size?: ImageSize | "square" | "landscape_4_3";
    /** The format. Default value: \`"png"\` */
    output_format?: "jpeg" | "png";
    /** A guidance. Default value: \`3.5\` */
    guidance_scale?: number;
    sync_mode?: boolean;
};
export type DemoInput = DemoEditInput;
export type DemoOutput = {
    /** The images. */
    images: Array<ImageFile>;
    seed: number;
};
export type EndpointTypeMap = {
    "demo/edit": {
        input: DemoInput;
        output: DemoOutput;
    };
};
`;

describe('seedFalSnapshot', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'fal-seed-')), 'endpoints.d.ts');
  writeFileSync(file, TYPES);
  const snapshot = seedFalSnapshot('demo/edit', { file, version: '9.9.9', now: new Date('2026-12-07T00:00:00Z') });
  const schemas = (snapshot.document.components as { schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }> })
    .schemas;

  it("builds fal's queue document: the input under the endpoint's own name, types, enums, defaults, required fields", () => {
    const input = schemas.DemoInput;
    expect(input.required).toEqual(['prompt', 'image_urls']);
    expect(input.properties.prompt).toMatchObject({ type: 'string', description: 'The prompt.' });
    expect(input.properties.image_urls).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(input.properties.num_images).toMatchObject({ type: 'integer', default: 1, description: 'How many.' });
    expect(input.properties.guidance_scale).toMatchObject({ type: 'number', default: 3.5 });
    expect(input.properties.output_format).toMatchObject({ type: 'string', enum: ['jpeg', 'png'], default: 'png' });
    expect(input.properties.image_size).toMatchObject({
      anyOf: [{ $ref: '#/components/schemas/ImageSize' }, { type: 'string', enum: ['square', 'landscape_4_3'] }],
      default: 'landscape_4_3',
    });
    expect(schemas.ImageSize.properties.width).toMatchObject({ type: 'integer', default: 512 });
  });

  it('says how it was made, and reads as a fal document: inputs, output with image urls, statuses, auth', () => {
    expect(snapshot).toMatchObject({ provider: 'fal', model: 'demo/edit', provenance: { fetchedAt: '2026-12-07T00:00:00.000Z' } });
    expect(snapshot.provenance.how).toMatch(
      /^seeded offline from the fal client's endpoint types \(@fal-ai\/client 9\.9\.9.*DemoInput and DemoOutput.*no numeric limits/,
    );
    expect(snapshot.provenance.urls).toEqual(['https://fal.ai/api/openapi/queue/openapi.json?endpoint_id=demo%2Fedit']);
    const facts = falDocument.facts(snapshot.document, 'demo/edit', 'image');
    expect(facts.statuses).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']);
    expect(facts.output && falDocument.outputProblems?.(facts.output, 'image')).toEqual([]);
    expect(Object.keys(facts.inputs)).toEqual(expect.arrayContaining(['prompt', 'image_urls', 'num_images']));
  });

  it('reads the image of an endpoint that answers one (background removal): a url under `image`, not `images`', () => {
    const bria = seedFalSnapshot('fal-ai/bria/background/remove');
    const facts = falDocument.facts(bria.document, 'fal-ai/bria/background/remove', 'image');
    expect(facts.output && falDocument.outputProblems?.(facts.output, 'image')).toEqual([]);
    // The same document read as a video's has no url where a video generator reads one.
    expect(facts.output && falDocument.outputProblems?.(facts.output, 'video')).toEqual([
      expect.stringMatching(/^output video: the adapter reads a url under it/),
    ]);
  });

  it('refuses an endpoint the types do not know, naming it', () => {
    expect(() => seedFalSnapshot('demo/nope', { file })).toThrow(/--model: demo\/nope is not an endpoint of the fal client's types/);
  });

  it('reads the installed client: about 1,100 endpoints, fal-ai/flux-2-pro among them', () => {
    const ids = falEndpointIds();
    expect(ids.length).toBeGreaterThan(1000);
    expect(ids).toContain('fal-ai/flux-2-pro');
    expect(seedableModels()).toBe(ids);
    const real = seedFalSnapshot('fal-ai/flux-2-pro');
    expect(Object.keys((real.document.components as { schemas: object }).schemas)).toEqual(expect.arrayContaining(['Flux2ProInput', 'Flux2ProOutput']));
  });
});
