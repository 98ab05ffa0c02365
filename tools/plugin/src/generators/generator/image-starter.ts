import { estimateFor, q, textLength, type Draft } from './draft';
import { fragmentItems, requestAssertions, requiredFragment, starterFragment } from './fragments';
import type { NormalizedOptions } from './normalize';

/** Fields an image schema has besides the prompt, the count and the size presets: the provider's and the model's. */
interface Extras {
  fields: string[];
  /** `name: value` entries the fields send when left out (the request the unit test expects has them). */
  sent: string[];
  invalid: string[];
  docs: string[];
}

/**
 * The provider's own image fields (its `image-fields`, `image-sent` and `image-invalid` fragments),
 * then the model's priced inputs as one-value fields: the value its price holds for is always sent.
 */
function extras(o: NormalizedOptions): Extras {
  const sent = fragmentItems(o, 'image-sent');
  const fields = starterFragment(o, 'image-fields', 2)?.split('\n') ?? [];
  const docs = sent.map((entry) => entry.replace(/^(\w+): '?([^']*)'?$/, '`$1` (default `$2`)'));
  const priced = Object.entries(o.scaffold.pricedInputs?.[o.model] ?? {});
  for (const [name, value] of priced) {
    fields.push(`  ${name}: z.literal(${q(value)}).default(${q(value)}).describe(${q(`Always ${value}: the value the price holds for`)}),`);
    sent.push(`${name}: ${q(value)}`);
    docs.push(`\`${name}\` (always \`${value}\`, the value the price holds for)`);
  }
  const invalid = [...fragmentItems(o, 'image-invalid'), ...priced.map(([name]) => `{ input: { prompt: 'a cat', ${name}: 'other' }, field: '${name}' }`)];
  return { fields, sent, invalid, docs };
}

/** An image generator from a prompt: the image count when the provider's images come several per call, size presets when billed per megapixel. */
export function image(o: NormalizedOptions): Draft {
  const [count, max = 0] = o.scaffold.countField ?? [];
  const mp = o.unit === 'megapixel';
  // A provider whose images need their own call (a synchronous API) has an `image-run` fragment.
  const ownRun = starterFragment(o, 'image-run', 2);
  const more = extras(o);
  const props = (...entries: Array<string | false | undefined>) => `{ ${entries.filter(Boolean).join(', ')} }`;
  const many = count ? 2 : 1;
  const body = props(`prompt: 'a lighthouse at dusk'`, count && `${count}: 2`, mp && "image_size: 'landscape_4_3'", ...more.sent);
  return {
    imports: [
      ...(ownRun === undefined ? [] : [requiredFragment(o, 'image-imports', 0)]),
      ...(mp ? [requiredFragment(o, 'megapixel-imports', 0), requiredFragment(o, 'megapixel-presets', 0)] : []),
    ],
    preamble: '',
    fields: [
      `  prompt: z.string()${textLength(o, 'prompt', 10_000).zod}.describe('Text describing the image'),`,
      ...(count ? [`  ${count}: z.number().int().min(1).max(${max}).default(1).describe('How many images (1-${max}); each is billed'),`] : []),
      ...(mp
        ? [
            `  image_size: z.enum(Object.keys(IMAGE_SIZES) as [ImageSize, ...ImageSize[]]).default('landscape_4_3').describe('Size preset; billed per megapixel'),`,
          ]
        : []),
      ...more.fields,
    ],
    cheapestInput: props(`prompt: 'a red circle on a white background'`, count && `${count}: 1`, mp && "image_size: 'square'"),
    cheapestQuantity: 1,
    estimate: mp
      ? estimateFor(
          o,
          count ? `input.${count} * billedMegapixels(input.image_size)` : 'billedMegapixels(input.image_size)',
          'Billed per megapixel of every output image.',
        )
      : count
        ? estimateFor(o, `input.${count}`, 'Billed per output image.')
        : estimateFor(o, '1', 'One image per call.'),
    run: ownRun === undefined ? '' : `${ownRun}\n`,
    inputsDoc:
      [
        '`prompt` (required)',
        ...(count ? [`\`${count}\` (1-${max}, default 1, each billed)`] : []),
        ...(mp ? ['`image_size` (a size preset, default `landscape_4_3`; each image billed rounded up to whole megapixels)'] : []),
        ...more.docs,
      ].join(', ') + (ownRun !== undefined ? '. Every image is 1024x1024 at medium quality, the size and quality the price holds for' : ''),
    cheapestDoc: mp ? 'one 512x512 image' : 'one image',
    invalidInputs: [
      `{ input: {${count ? ` ${count}: 1 ` : ''}}, field: 'prompt' }`,
      ...(count
        ? [`{ input: { prompt: 'a cat', ${count}: 0 }, field: '${count}' }`, `{ input: { prompt: 'a cat', ${count}: ${max + 1} }, field: '${count}' }`]
        : []),
      ...(mp ? [`{ input: { prompt: 'a cat', image_size: 'huge' }, field: 'image_size' }`] : []),
      ...more.invalid,
    ],
    test: {
      imports: [],
      setup: '',
      title: count ? 'sends the prompt and image count and stores every image' : 'sends the prompt and stores the image',
      input: props(`prompt: 'a lighthouse at dusk'`, count && `${count}: 2`),
      quantity: many,
      requestAssertions: requestAssertions(o, body),
      artifactAssertions: `    expect(artifacts).toHaveLength(${many});
    expect(artifacts.every((a) => a.type === 'image' && a.mimeType.startsWith('image/'))).toBe(true);`,
    },
    liveTitle: 'generates one image from the cheapest input',
  };
}
