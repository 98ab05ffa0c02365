import { STATUS_CODES } from 'node:http';
import { send, type Ctx, type Headers } from './http';
import type { Lifetime } from './lifetime';
import type { ProviderDef } from './provider';
import type { FaultSpec } from './types';

/**
 * Applies a request-level fault. Returns true when the fault has dealt with the request
 * (answered, reset or left hanging), false when normal handling should go on
 * (after a delay for 'latency'; with a cut-short answer for 'truncated').
 */
export async function applyFault(ctx: Ctx, fault: FaultSpec, provider: ProviderDef, lifetime: Lifetime): Promise<boolean> {
  switch (fault.kind) {
    case 'latency':
      await lifetime.sleep(fault.latencyMs ?? 1000);
      return false;
    case 'truncated':
      ctx.truncate = true;
      return false;
    case 'short':
      ctx.short = true;
      return false;
    case 'reset':
      ctx.req.socket.destroy();
      return true;
    case 'hang':
      return true;
    case 'malformed':
      send(ctx, 200, '{"emulated": "malformed JSON', { 'content-type': 'application/json' });
      return true;
    case 'not-found':
      provider.error(ctx, 404, 'Not found (emulated not-found fault)');
      return true;
    case 'status': {
      const status = fault.status ?? 500;
      const headers: Headers = {};
      if (fault.retryAfterSeconds !== undefined) {
        headers['retry-after'] = String(fault.retryAfterSeconds);
        if (provider.retryAfterMs) headers['retry-after-ms'] = String(Math.round(fault.retryAfterSeconds * 1000));
      }
      const reason = status === 429 ? 'Rate limit exceeded' : (STATUS_CODES[status] ?? 'Error');
      provider.error(ctx, status, `${reason} (emulated fault)`, headers);
      return true;
    }
    default:
      return false;
  }
}
