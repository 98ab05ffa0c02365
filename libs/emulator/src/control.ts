import { sendJson, type Ctx } from './http';
import { parseFault } from './faults';
import type { ProviderDef } from './provider';
import { parseJobDuration, parseRegistration } from './settings';
import type { EmulatorState } from './state';

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
 * The cross-process control API under `/__emulator` (no credentials):
 * GET health, GET|DELETE requests, GET|POST|DELETE faults, PUT job-duration `{ms}`,
 * GET|POST models `{provider, model, output}`.
 */
export function createControlProvider(state: EmulatorState): ProviderDef {
  const error = (ctx: Ctx, status: number, message: string) => sendJson(ctx, status, { error: message });
  /** Runs `apply` on the JSON body; a bad body answers 400 with the reason. */
  const withBody = (apply: (body: unknown) => [number, unknown]) => (ctx: Ctx) => {
    try {
      const [status, answer] = apply(jsonBody(ctx));
      sendJson(ctx, status, answer);
    } catch (err) {
      error(ctx, 400, err instanceof Error ? err.message : String(err));
    }
  };
  return {
    id: 'control',
    prefix: ['__emulator'],
    authorize: () => true,
    error,
    unauthorized: (ctx) => error(ctx, 401, 'Unauthorized'),
    routes: [
      {
        operation: 'health',
        method: 'GET',
        path: 'health',
        handle: (ctx) =>
          sendJson(ctx, 200, {
            ok: true,
            url: state.url,
            replicateBaseUrl: state.replicateBaseUrl,
            falBaseUrl: state.falBaseUrl,
            openaiBaseUrl: state.openaiBaseUrl,
            jobDurationMs: state.jobDurationMs,
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
        handle: withBody((body) => {
          const fault = parseFault(body);
          state.faults.add(fault);
          return [201, { ok: true, fault }];
        }),
      },
      {
        operation: 'clear-faults',
        method: 'DELETE',
        path: 'faults',
        handle(ctx) {
          state.faults.clear();
          sendJson(ctx, 200, { ok: true });
        },
      },
      {
        operation: 'job-duration',
        method: 'PUT',
        path: 'job-duration',
        handle: withBody((body) => {
          const ms = (body as { ms?: unknown } | null)?.ms;
          try {
            state.jobDurationMs = parseJobDuration(ms);
          } catch {
            throw new TypeError('body must be {"ms": <non-negative number>} or {"ms": "realistic"}');
          }
          return [200, { ok: true, jobDurationMs: state.jobDurationMs }];
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
          const registration = parseRegistration(body);
          state.registered.set(`${registration.provider} ${registration.model}`, registration.output);
          return [201, { ok: true, model: registration }];
        }),
      },
    ],
  };
}
