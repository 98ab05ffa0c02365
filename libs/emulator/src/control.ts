import { sendJson } from './http';
import { parseFault } from './faults';
import type { ProviderDef } from './provider';
import type { EmulatorState } from './state';

/**
 * The cross-process control API under `/__emulator` (no credentials):
 * GET health, GET|DELETE requests, GET|POST|DELETE faults, PUT job-duration `{ms}`.
 */
export function createControlProvider(state: EmulatorState): ProviderDef {
  const error = (ctx: Parameters<ProviderDef['error']>[0], status: number, message: string) => sendJson(ctx, status, { error: message });
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
        handle(ctx) {
          try {
            const fault = parseFault(ctx.json);
            state.faults.add(fault);
            sendJson(ctx, 201, { ok: true, fault });
          } catch (err) {
            error(ctx, 400, err instanceof Error ? err.message : String(err));
          }
        },
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
        handle(ctx) {
          const ms = (ctx.json as { ms?: unknown } | undefined)?.ms;
          if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return error(ctx, 400, 'body must be {"ms": <non-negative number>}');
          state.jobDurationMs = ms;
          sendJson(ctx, 200, { ok: true, jobDurationMs: ms });
        },
      },
    ],
  };
}
