import { z } from 'zod';
import { CancelUnconfirmedError, GenerationFailedError, ProviderError, type ArtifactType } from '@boards/core';
import { createTestContext, useEmulator, withFixedAnswer, type TestContext, type TestContextOptions } from '@boards/testing';
import { KIE_DEDICATED_MODELS, KIE_NO_CALLBACK_URL } from './kie-apis';
import type { KieAdapterOptions } from './kie-client';
import { defineKieGenerator, type KieGeneratorSpec } from './kie-generator';
import { kieOptionsFor } from './kie-settings';
import { runKieTask } from './kie-task';
import { descriptor } from './descriptor';
import { withMixedUpRecord } from './__fixtures__/mixed-up-record';

const { veo3, runwayAleph, sunoMusic, sunoSounds } = KIE_DEDICATED_MODELS;
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 }, pollIntervalMs: 5 };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

/** A test generator of a dedicated API: the model (its docs page), what it makes and its fields. */
function dedicated<S extends z.ZodType>(model: string, artifactType: ArtifactType, inputSchema: S, extra: Partial<KieGeneratorSpec<S>> = {}) {
  return defineKieGenerator({
    id: `kie-test-${model.split('/')[1]}`,
    title: model,
    description: `adapter test generator for ${model}`,
    model,
    artifactType,
    inputSchema,
    price: { usd: '0.01', unit: 'request', checkedOn: '2026-12-07' },
    cheapestInput: {} as z.input<S>,
    estimateCost: () => ({ known: true as const, micros: 10_000, basis: '1 request' }),
    adapter: fast,
    ...extra,
  });
}

const veo = dedicated(veo3, 'video', z.strictObject({ prompt: z.string(), duration: z.number().optional(), aspect_ratio: z.string().optional() }));
const aleph = dedicated(runwayAleph, 'video', z.strictObject({ prompt: z.string(), videoUrl: z.string() }), { uploads: { videoUrl: 'video' } });
const music = dedicated(sunoMusic, 'audio', z.strictObject({ prompt: z.string(), customMode: z.boolean(), instrumental: z.boolean(), model: z.string() }));
const sounds = dedicated(sunoSounds, 'audio', z.strictObject({ prompt: z.string(), model: z.string() }));
const MUSIC = { prompt: 'a calm piano tune', customMode: false, instrumental: true, model: 'V5_5' };

describe('kie dedicated task APIs', () => {
  const emulator = useEmulator();
  const context = (options: TestContextOptions = {}) => createTestContext({ settings: emulator.settings, ...options });
  const runTask = (model: string, input: Record<string, unknown>, ctx: TestContext, options: KieAdapterOptions = {}) =>
    runKieTask(model, input, ctx, kieOptionsFor(ctx, { ...fast, ...options }));
  const requests = () => emulator.current.requestsFor('kie');
  const ops = () => requests().map((r) => r.operation);

  it('Veo 3.1: the fields as the flat body of veo/generate, veo/record-info read until successFlag 1, the MP4 stored, the task named', async () => {
    const ctx = context();
    const { artifacts, providerJobId } = await veo.generate({ prompt: 'a fox runs', duration: 4, aspect_ratio: '16:9' }, ctx);
    expect(ops()[0]).toBe('veoGenerate');
    expect(new Set(ops().slice(1))).toEqual(new Set(['veoRecordInfo']));
    expect(requests()[0]).toMatchObject({
      method: 'POST',
      path: '/kie/api/v1/veo/generate',
      body: { prompt: 'a fox runs', duration: 4, aspect_ratio: '16:9' },
    });
    expect(requests()[0].body).not.toHaveProperty('callBackUrl');
    expect(requests()[1].query).toEqual({ taskId: providerJobId });
    expect(ctx.providerJobs).toEqual([{ provider: 'kie', jobId: providerJobId }]);
    expect(artifacts).toEqual([expect.objectContaining({ type: 'video', mimeType: 'video/mp4', width: 1280, height: 720, durationSeconds: 4 })]);
  });

  it('Runway Aleph: uploads the input video, sends its download URL as videoUrl, stores response.resultVideoUrl, a 5-second video', async () => {
    const source = await veo.generate({ prompt: 'a source clip', duration: 4 }, context());
    emulator.current.clearRequests();
    const { artifacts, providerJobId } = await aleph.generate({ prompt: 'make it snow', videoUrl: source.artifacts[0].storageUrl }, context());
    expect(ops().slice(0, 2)).toEqual(['upload', 'alephGenerate']);
    const uploaded = expect.stringMatching(new RegExp(`^${emulator.current.url}/files/kie-uploads`));
    expect(requests()[1].body).toEqual({ prompt: 'make it snow', videoUrl: uploaded });
    expect(providerJobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(artifacts).toEqual([expect.objectContaining({ type: 'video', durationSeconds: 5 })]);
  });

  it('Suno music: sends the callBackUrl Kie requires (a .invalid host unless the options name one), stores every track, reads no faster than 3 times a second', async () => {
    // Long enough for two reads at Kie's pace (one every 350 ms), short enough to keep the test quick.
    emulator.current.setJobDurationMs(400);
    const { artifacts } = await music.generate(MUSIC, context());
    expect(requests()[0]).toMatchObject({ path: '/kie/api/v1/generate', body: { ...MUSIC, callBackUrl: KIE_NO_CALLBACK_URL } });
    expect(artifacts).toEqual([expect.objectContaining({ type: 'audio', mimeType: 'audio/wav' }), expect.objectContaining({ type: 'audio' })]);
    const reads = requests().filter((r) => r.operation === 'sunoRecordInfo');
    expect(reads.length).toBeGreaterThan(1);
    for (let i = 1; i < reads.length; i++) expect(reads[i].at - reads[i - 1].at).toBeGreaterThanOrEqual(340);
    emulator.current.setJobDurationMs(0);
    emulator.current.clearRequests();
    await runTask(sunoMusic, MUSIC, context(), { callBackUrl: 'https://hooks.example.invalid/mine' });
    expect(requests()[0].body).toMatchObject({ callBackUrl: 'https://hooks.example.invalid/mine' });
  });

  it('Suno sounds: generate/sounds without a callBackUrl, read at the shared generate/record-info, one track stored', async () => {
    const { artifacts } = await sounds.generate({ prompt: 'a door creaks', model: 'V5' }, context());
    expect(requests()[0]).toMatchObject({ path: '/kie/api/v1/generate/sounds', body: { prompt: 'a door creaks', model: 'V5' } });
    expect(requests()[0].body).not.toHaveProperty('callBackUrl');
    expect(
      ops()
        .slice(1)
        .every((o) => o === 'sunoRecordInfo'),
    ).toBe(true);
    expect(artifacts).toEqual([expect.objectContaining({ type: 'audio', durationSeconds: 4 })]);
  });

  it.each([
    ['Veo (successFlag 3)', veo3, { prompt: 'x' }, /Internal Error, Please try again later\. \(errorCode 500\)/],
    ['Suno (GENERATE_AUDIO_FAILED)', sunoSounds, { prompt: 'x' }, /\(errorCode 500\)/],
  ])('reports a failed task of %s as GenerationFailedError with its error code and the task id', async (_name, model, input, message) => {
    emulator.current.injectFault({ provider: 'kie', kind: 'job-failed' });
    const error = await failure(runTask(model, input, context()));
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect(error).toMatchObject({ provider: 'kie', jobId: expect.any(String), message: expect.stringMatching(message) });
  });

  it('reports an Aleph task that failed (successFlag 0 with an errorCode) as failed, not as still running', async () => {
    const error = await failure(runTask(runwayAleph, { prompt: 'x', videoUrl: `${emulator.current.url}/files/none.mp4` }, context({}), { timeoutMs: 5000 }));
    expect(error).toBeInstanceOf(GenerationFailedError);
    expect((error as Error).message).toMatch(/Failed to fetch the video.*\(errorCode 400\)/);
  });

  it('a stop while a Veo task runs is not a cancel (Kie has none): CancelUnconfirmedError names the task, still running and billed', async () => {
    emulator.current.setJobDurationMs(30_000);
    const controller = new AbortController();
    const ctx = context({ signal: controller.signal, onProviderJob: () => setTimeout(() => controller.abort(), 20) });
    const error = await failure(runTask(veo3, { prompt: 'x' }, ctx));
    expect(error).toBeInstanceOf(CancelUnconfirmedError);
    expect((error as Error).message).toMatch(new RegExp(`task ${ctx.providerJobs[0].jobId} may still be running at Kie and will be billed`));
    expect(ops().every((o) => o === 'veoGenerate' || o === 'veoRecordInfo')).toBe(true);
  });

  it('refuses a veo/record-info answer about another task instead of taking its video as ours', async () => {
    const other = await runTask(veo3, { prompt: 'other' }, context());
    await withMixedUpRecord(emulator.current.baseUrls.kie, other.taskId, async (baseUrl) => {
      const ctx = context();
      const error = await failure(runTask(veo3, { prompt: 'ours' }, ctx, { baseUrl }));
      const ours = ctx.providerJobs[0].jobId;
      expect(error).toMatchObject({ provider: 'kie', retryable: false, jobId: ours });
      expect((error as Error).message).toContain(`veo/record-info for task ${ours} answered for task ${other.taskId}`);
    });
  });

  it('turns envelope codes of a generate endpoint into typed errors: 402 not repeated, 429 repeated (refused before queueing), 503 never repeated', async () => {
    emulator.current.injectFault({ provider: 'kie', operation: 'sunoGenerate', kind: 'status', status: 402 });
    const poor = await failure(runTask(sunoMusic, MUSIC, context()));
    expect(poor).toMatchObject({ provider: 'kie', status: 402, retryable: false, message: expect.stringContaining('insufficient credits') });
    expect(ops()).toEqual(['sunoGenerate']);
    emulator.current.clearRequests();
    emulator.current.injectFault({ provider: 'kie', operation: 'veoGenerate', kind: 'status', status: 429, retryAfterSeconds: 0 });
    await runTask(veo3, { prompt: 'x' }, context());
    expect(ops().filter((o) => o === 'veoGenerate')).toHaveLength(2);
    emulator.current.clearRequests();
    emulator.current.injectFault({ provider: 'kie', operation: 'alephGenerate', kind: 'status', status: 503 });
    const down = await failure(runTask(runwayAleph, { prompt: 'x', videoUrl: 'https://example.invalid/v.mp4' }, context()));
    expect(down).toMatchObject({ provider: 'kie', status: 503, requestId: expect.any(String) });
    expect(ops()).toEqual(['alephGenerate']);
  });

  it('names the task when its record-info answers a body code (422 record is null)', async () => {
    emulator.current.injectFault({ provider: 'kie', operation: 'veoRecordInfo', kind: 'status', status: 422 });
    const ctx = context();
    const error = await failure(runTask(veo3, { prompt: 'x' }, ctx));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 422, jobId: ctx.providerJobs[0].jobId });
  });
});

describe('kie dedicated records read as their pages say', () => {
  const answer = (data: Record<string, unknown>) => ({ code: 200, msg: 'success', data: { taskId: 't1', ...data } });
  const run = (model: string, data: Record<string, unknown>, input: Record<string, unknown> = { prompt: 'x' }) =>
    withFixedAnswer(200, answer(data), async (baseUrl, seen) => ({
      // The task's result, or what it threw.
      outcome: await runKieTask(model, input, createTestContext(), { ...fast, baseUrl, apiKey: 'k', timeoutMs: 3000 }).catch((e: unknown) => e),
      seen: seen(),
    }));

  it('fails at once on a status it does not know (Veo successFlag 7, Aleph 5, Suno PAUSED), naming it', async () => {
    for (const [model, data, named] of [
      [veo3, { successFlag: 7 }, 'successFlag 7'],
      [runwayAleph, { successFlag: 5 }, 'successFlag 5'],
      [sunoSounds, { status: 'PAUSED' }, '"PAUSED"'],
    ] as const) {
      const { outcome, seen } = await run(model, data);
      expect(outcome).toBeInstanceOf(ProviderError);
      expect((outcome as Error).message).toContain(named);
      expect(seen).toHaveLength(2);
    }
  });

  it('refuses a success without media, naming the field it lacks', async () => {
    const { outcome } = await run(veo3, { successFlag: 1, response: { resultUrls: [] } });
    expect(outcome).toMatchObject({ provider: 'kie', jobId: 't1', message: expect.stringContaining('no response.resultUrls') });
  });

  it("takes Suno's CALLBACK_EXCEPTION with tracks as done (only the report failed: the adapter's callback goes nowhere), without tracks as failed", async () => {
    const done = await run(sunoMusic, { status: 'CALLBACK_EXCEPTION', response: { sunoData: [{ audioUrl: 'https://cdn.example.invalid/a.mp3' }] } }, MUSIC);
    expect(done.outcome).toMatchObject({ taskId: 't1', result: { resultUrls: ['https://cdn.example.invalid/a.mp3'] } });
    const failed = await run(sunoMusic, { status: 'CALLBACK_EXCEPTION', response: null, errorMessage: 'callback failed' }, MUSIC);
    expect(failed.outcome).toBeInstanceOf(GenerationFailedError);
  });
});

describe('kie dedicated published documents (for boards drift)', () => {
  const published = descriptor.published as NonNullable<typeof descriptor.published>;
  const source = published.document as NonNullable<typeof published.document>;
  const bearer = { securitySchemes: { BearerAuth: { type: 'http', scheme: 'bearer' } } };
  const doc = (path: string, body: unknown, detailPath: string, data: unknown) => ({
    page: { paths: { [path]: { post: { requestBody: { content: { 'application/json': { schema: body } } } } } }, components: bearer },
    taskDetail: {
      paths: { [detailPath]: { get: { responses: { '200': { content: { 'application/json': { schema: { properties: { code: {}, data } } } } } } } } },
    },
  });
  const sunoDoc = doc(
    '/api/v1/generate',
    { type: 'object', required: ['prompt', 'callBackUrl'], properties: { prompt: { type: 'string' }, callBackUrl: { type: 'string' } } },
    '/api/v1/generate/record-info',
    {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['PENDING', 'SUCCESS', 'PAUSED'] },
        response: { type: 'object', properties: { sunoData: { type: 'array', items: { type: 'object', properties: { audioUrl: { type: 'string' } } } } } },
      },
    },
  );

  it('reads a dedicated API at its own docs page and its task details at theirs', async () => {
    expect(published.url?.('https://docs.kie.ai', veo3)).toBe('https://docs.kie.ai/veo3-api/generate-veo-3-video.md');
    const asked: string[] = [];
    const read = { url: () => 'https://docs.kie.ai', get: async (url: string) => (asked.push(url), {}) };
    expect((await source.fetch(sunoSounds, 'audio', read)).urls).toEqual([
      'https://docs.kie.ai/suno-api/generate-sounds.md',
      'https://docs.kie.ai/suno-api/get-music-details.md',
    ]);
    expect(asked).toEqual(['https://docs.kie.ai/suno-api/generate-sounds.md', 'https://docs.kie.ai/suno-api/get-music-details.md']);
  });

  it("compares the body's fields less callBackUrl (the adapter sets it), the task statuses and the output the adapter reads", () => {
    const facts = source.facts(sunoDoc, sunoMusic, 'audio');
    expect(facts.inputs).toEqual({ prompt: { type: 'string', required: true } });
    expect(facts.statuses).toEqual(['PENDING', 'SUCCESS', 'PAUSED']);
    expect(facts.statuses?.filter((s) => !source.knownStatuses?.includes(s))).toEqual(['PAUSED']);
    expect(source.outputProblems?.(facts.output, 'audio')).toEqual([]);
    expect(published.inputSchema(sunoDoc.page, sunoMusic, 'audio', 'u')).toMatchObject({ schema: { required: ['prompt'] }, note: 'generate body' });
  });

  it("reads Veo's numeric successFlag as statuses and says when the output has nothing the adapter reads", () => {
    const veoDoc = doc('/api/v1/veo/generate', { type: 'object', properties: { prompt: { type: 'string' } } }, '/api/v1/veo/record-info', {
      type: 'object',
      properties: { successFlag: { type: 'integer', enum: [0, 1, 2] }, response: { type: 'object', properties: { videos: { type: 'array' } } } },
    });
    const facts = source.facts(veoDoc, veo3, 'video');
    expect(facts.statuses).toEqual(['0', '1', '2']);
    expect(source.outputProblems?.(facts.output, 'video')).toEqual([expect.stringContaining('output data.response: the adapter reads resultUrls')]);
    expect(() => source.facts({ page: { paths: {} }, taskDetail: {} }, veo3, 'video')).toThrow(/has no POST \/api\/v1\/veo\/generate with a JSON body/);
  });
});
