import { isObject, sendJson, type Ctx } from '../kernel/http';
import { hasControlToken } from '../kernel/control-token';
import type { ProviderDef } from '../kernel/provider';
import { parseJobDuration } from './settings';
import type { EmulatorState } from './state';
import type { EmulatorSnapshot, FaultSpec, JobDuration } from '../kernel/types';

/**
 * The control API body as JSON, whatever Content-Type it came with (curl -d sends a form
 * type); throws a message saying what is wrong when it is not JSON.
 */
function jsonBody(ctx: Ctx): unknown {
  const text = ctx.raw.toString('utf8').trim();
  if (!text) throw new TypeError('the body is empty: send a JSON object');
  try {
    return JSON.parse(text);
  } catch (err) {
    const start = text.length > 40 ? `${text.slice(0, 40)}...` : text;
    throw new TypeError(`the body is not JSON (${err instanceof Error ? err.message : String(err)}): ${JSON.stringify(start)}`);
  }
}

/**
 * The cross-process control API under `/__emulator` (no credentials on loopback; a bearer token
 * on any other host, see control-token.ts):
 * GET health, GET|DELETE requests, GET|POST|DELETE faults, PUT job-duration `{ms}`,
 * GET|POST models `{provider, model, output}`, GET|POST snapshots (a package's snapshot.json, or a list). An `x-boards-test-id` header (or a `testId`
 * field) scopes POST faults, DELETE faults and PUT job-duration to that test.
 */
export function createControlProvider(state: EmulatorState): ProviderDef {
  const error = (ctx: Ctx, status: number, message: string) => sendJson(ctx, status, { error: message });
  /** Runs `apply` on the JSON body; a bad body answers 400 with the reason. */
  const withBody = (apply: (body: unknown, ctx: Ctx) => [number, unknown]) => (ctx: Ctx) => {
    try {
      const [status, answer] = apply(jsonBody(ctx), ctx);
      sendJson(ctx, status, answer);
    } catch (err) {
      error(ctx, 400, err instanceof Error ? err.message : String(err));
    }
  };
  return {
    id: 'control',
    internal: true,
    prefix: ['__emulator'],
    // No token (loopback): open, as the test rig expects. With one: only `Authorization: Bearer <token>`.
    authorize: (ctx) => state.controlToken === undefined || hasControlToken(ctx.req.headers.authorization, state.controlToken),
    error,
    unauthorized: (ctx) =>
      sendJson(
        ctx,
        401,
        { error: 'Unauthorized: the control API needs Authorization: Bearer <control token> (printed when boards-emulator started)' },
        { 'www-authenticate': 'Bearer realm="boards-emulator control"' },
      ),
    routes: [
      {
        operation: 'health',
        method: 'GET',
        path: 'health',
        handle: (ctx) =>
          sendJson(ctx, 200, {
            ok: true,
            url: state.url,
            ...state.namedBaseUrls,
            jobDurationMs: state.jobDurationMs,
            ...(state.proxy ? { proxy: state.proxy } : {}),
          }),
      },
      { operation: 'requests', method: 'GET', path: 'requests', handle: (ctx) => sendJson(ctx, 200, state.recorder.all) },
      {
        operation: 'clear-requests',
        method: 'DELETE',
        path: 'requests',
        handle(ctx) {
          state.recorder.clear();
          sendJson(ctx, 200, { ok: true });
        },
      },
      { operation: 'faults', method: 'GET', path: 'faults', handle: (ctx) => sendJson(ctx, 200, state.faults.list()) },
      {
        operation: 'inject-fault',
        method: 'POST',
        path: 'faults',
        handle: withBody((body, ctx) => [201, { ok: true, fault: state.faults.add(body as FaultSpec, ctx.testId) }]),
      },
      {
        operation: 'clear-faults',
        method: 'DELETE',
        path: 'faults',
        handle(ctx) {
          state.faults.clear(ctx.testId);
          sendJson(ctx, 200, { ok: true, ...(ctx.testId !== undefined ? { testId: ctx.testId } : {}) });
        },
      },
      {
        operation: 'job-duration',
        method: 'PUT',
        path: 'job-duration',
        handle: withBody((body, ctx) => {
          const { ms, testId: bodyTestId } = (isObject(body) ? body : {}) as { ms?: unknown; testId?: unknown };
          if (bodyTestId !== undefined && (typeof bodyTestId !== 'string' || !bodyTestId.trim())) throw new TypeError('testId must be a non-empty string');
          const testId = (bodyTestId as string | undefined)?.trim() ?? ctx.testId;
          let duration: JobDuration | null;
          try {
            duration = ms === null && testId !== undefined ? null : parseJobDuration(ms);
          } catch {
            throw new TypeError('body must be {"ms": <non-negative number>} or {"ms": "realistic"} (with a test id, {"ms": null} removes it)');
          }
          state.setJobDuration(duration, testId);
          if (testId === undefined) return [200, { ok: true, jobDurationMs: state.jobDurationMs }];
          return [200, { ok: true, testId, jobDurationMs: duration }];
        }),
      },
      {
        operation: 'models',
        method: 'GET',
        path: 'models',
        handle: (ctx) =>
          sendJson(
            ctx,
            200,
            [...state.registered].map(([key, output]) => ({ provider: key.split(' ')[0], model: key.slice(key.indexOf(' ') + 1), output })),
          ),
      },
      {
        operation: 'register-model',
        method: 'POST',
        path: 'models',
        handle: withBody((body) => {
          const registration = state.register(body);
          return [201, { ok: true, model: registration }];
        }),
      },
      {
        operation: 'snapshots',
        method: 'GET',
        path: 'snapshots',
        handle: (ctx) =>
          sendJson(
            ctx,
            200,
            state.snapshots.all().map(({ provider, model }) => ({ provider, model })),
          ),
      },
      {
        operation: 'add-snapshots',
        method: 'POST',
        path: 'snapshots',
        // One snapshot ({provider, model, document}, a package's snapshot.json) or a list: served from now on.
        handle: withBody((body) => {
          const given = Array.isArray(body) ? body : [body];
          const ids = state.providers.map((m) => m.id);
          for (const snapshot of given) {
            const provider = isObject(snapshot) ? snapshot.provider : undefined;
            if (typeof provider !== 'string' || !ids.includes(provider))
              throw new TypeError(`snapshot provider: one of ${ids.join(', ')}, not ${JSON.stringify(provider)}`);
            state.snapshots.add(snapshot as unknown as EmulatorSnapshot);
          }
          return [201, { ok: true, snapshots: given.map((s) => ({ provider: (s as EmulatorSnapshot).provider, model: (s as EmulatorSnapshot).model })) }];
        }),
      },
    ],
  };
}
