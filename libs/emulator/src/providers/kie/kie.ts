import { authToken } from '../../kernel/http';
import type { ProviderDef } from '../../kernel/provider';
import type { ProviderHost } from '../../kernel/provider';
import { kieError, kieSuccess, kieUnauthorized } from './kie-envelope';
import { kieDedicatedRoutes } from './kie-dedicated';
import { kieTaskRoutes } from './kie-tasks';
import { kieUploadRoutes } from './kie-upload';

/** Credits the emulated account holds (GET /api/v1/chat/credit); the emulator charges nothing. */
const EMULATED_CREDITS = 100_000;

/**
 * Kie.ai under `/kie`: the market task API of api.kie.ai (createTask, recordInfo), its dedicated
 * task APIs (Veo 3.1, Runway Aleph, Suno), the account credits, and the file upload API of
 * kieai.redpandaai.co, all with `Authorization: Bearer <key>`.
 * See README.md in this folder for what is reproduced and from which pages.
 */
export function createKieProvider(state: ProviderHost): ProviderDef {
  return {
    id: 'kie',
    prefix: ['kie'],
    authorize: (ctx) => authToken(ctx, 'Bearer') !== undefined,
    unauthorized: kieUnauthorized,
    error: kieError,
    routes: [
      ...kieTaskRoutes(state),
      ...kieDedicatedRoutes(state),
      ...kieUploadRoutes(state),
      { operation: 'credit', method: 'GET', path: 'api/v1/chat/credit', handle: (ctx) => kieSuccess(ctx, EMULATED_CREDITS) },
    ],
  };
}
