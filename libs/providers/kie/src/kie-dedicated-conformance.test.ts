/**
 * The conformance suite every generator package runs, run on generators of the dedicated APIs as
 * a package would declare them: the emulator's reference snapshots of their pages hold them to the
 * published schemas (no drift), and the whole flow (store, typed 503, stop without cancel) holds;
 * then each reference snapshot as `boards drift` and describeSnapshotCheck read it.
 */
import { z } from 'zod';
import { runConformanceSuite } from '@boards/testing';
import { checkGenerator, documentSource, referenceSnapshots } from '@boards/testing/drift';
import { KIE_DEDICATED_MODELS } from './kie-apis';
import { defineKieGenerator } from './kie-generator';

const adapter = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, pollIntervalMs: 5 };
const price = { usd: '0.01', unit: 'request' as const, checkedOn: '2026-12-07' };
const estimateCost = () => ({ known: true as const, micros: 10_000, basis: '1 request' });
const common = (model: string) => ({
  id: `kie-conformance-${model.split('/')[1]}`,
  title: model,
  description: `conformance of ${model}`,
  model,
  price,
  estimateCost,
  adapter,
});

const veo = defineKieGenerator({
  ...common(KIE_DEDICATED_MODELS.veo3),
  artifactType: 'video',
  inputSchema: z.strictObject({
    prompt: z.string().min(1),
    model: z.enum(['veo3', 'veo3_fast', 'veo3_lite']).default('veo3_fast'),
    aspect_ratio: z.enum(['16:9', '9:16', 'Auto']).default('16:9'),
    resolution: z.enum(['720p', '1080p', '4k']).default('720p'),
    duration: z.union([z.literal(4), z.literal(6), z.literal(8)]).default(8),
  }),
  cheapestInput: { prompt: 'a red ball rolling', duration: 4 },
});

const music = defineKieGenerator({
  ...common(KIE_DEDICATED_MODELS.sunoMusic),
  artifactType: 'audio',
  inputSchema: z.strictObject({
    prompt: z.string().min(1).max(500),
    customMode: z.literal(false).default(false),
    instrumental: z.boolean().default(true),
    model: z.literal('V5_5').default('V5_5'),
  }),
  cheapestInput: { prompt: 'a short calm piano tune' },
});

const sounds = defineKieGenerator({
  ...common(KIE_DEDICATED_MODELS.sunoSounds),
  artifactType: 'audio',
  inputSchema: z.strictObject({ prompt: z.string().min(1).max(500), model: z.enum(['V5', 'V5_5']).default('V5'), soundLoop: z.boolean().default(false) }),
  cheapestInput: { prompt: 'a door creaks' },
});

runConformanceSuite(veo, { invalidInputs: [{ input: { prompt: 'x', duration: 5 }, field: 'duration' }] });
runConformanceSuite(music, { invalidInputs: [{ input: { prompt: 'x'.repeat(501) }, field: 'prompt' }] });
runConformanceSuite(sounds, { invalidInputs: [{ input: { prompt: 'x', model: 'V4' }, field: 'model' }] });

describe("the reference snapshots of Kie's dedicated APIs, as boards drift reads them", () => {
  const source = documentSource('kie');
  const snapshotOf = (model: string) => {
    const found = referenceSnapshots().find((s) => s.provider === 'kie' && s.model === model);
    if (!found) throw new Error(`no reference snapshot of kie ${model}`);
    return found;
  };

  it.each(Object.values(KIE_DEDICATED_MODELS))('%s: its statuses are ones the adapter maps and its output is one it reads', (model) => {
    const facts = source.facts(snapshotOf(model).document, model, 'video');
    expect(facts.statuses?.length).toBeGreaterThan(1);
    expect(facts.statuses?.filter((s) => !source.knownStatuses?.includes(s))).toEqual([]);
    expect(source.outputProblems?.(facts.output, 'video')).toEqual([]);
    expect(facts.auth).toEqual([expect.stringMatching(/bearer/i)]);
  });

  it.each([veo, music, sounds].map((g) => [g.model, g]))('holds a generator of %s to its snapshot as describeSnapshotCheck does', (_model, generator) => {
    const { document } = snapshotOf(generator.model);
    expect(checkGenerator(generator, source.facts(document, generator.model, generator.artifactType), source)).toEqual([]);
  });
});
