import { sendJson, type Ctx, type Headers } from '../../kernel/http';
import { isDedicatedPath } from './kie-apis';

/**
 * Codes of Kie's `ApiResponse` envelope that its createTask pages list only as a body `code`
 * (the pages document HTTP 200 and 500 alone): 402 insufficient credits, 409 conflict, 422
 * validation error, 433 sub-key limit, 451 an input that could not be fetched, 455 maintenance,
 * 501 generation failed, 505 feature disabled. They arrive as HTTP 200.
 * Every other code is also the HTTP status: 401 and the recordInfo errors (400, 404, 429) are
 * documented as HTTP responses, and "Requests will be rejected with HTTP 429" (Getting Started).
 * The dedicated APIs' pages (Veo, Aleph, Suno) document HTTP 200 and 500 alone, for their
 * task-details endpoints too: there every code below 500 but 401 and 429 is a body code.
 */
export const BODY_ONLY_CODES: ReadonlySet<number> = new Set([402, 409, 422, 433, 451, 455, 501, 505]);

const bodyOnly = (ctx: Ctx, code: number) =>
  BODY_ONLY_CODES.has(code) || (code < 500 && code !== 401 && code !== 429 && isDedicatedPath(ctx.path.replace(/^\/kie\//, '')));

/** The file upload API (kieai.redpandaai.co) answers `{success, code, msg, data}` with the HTTP status equal to `code`. */
export const isUploadPath = (path: string): boolean => /^\/kie\/api\/file-[a-z0-9]+-upload$/.test(path);

/** A Kie API success: `{code: 200, msg: "success", data}`. */
export function kieSuccess(ctx: Ctx, data: unknown): void {
  sendJson(ctx, 200, { code: 200, msg: 'success', data });
}

/** A Kie error in the shape of the API the request addressed (see BODY_ONLY_CODES and isUploadPath). */
export function kieError(ctx: Ctx, code: number, msg: string, headers: Headers = {}): void {
  if (isUploadPath(ctx.path)) return sendJson(ctx, code, { success: false, code, msg }, headers);
  if (bodyOnly(ctx, code)) return sendJson(ctx, 200, { code, msg, data: null }, headers);
  sendJson(ctx, code, { code, msg }, headers);
}

/** 401 as Kie documents it: the Getting Started page's message, the upload API's own. */
export function kieUnauthorized(ctx: Ctx): void {
  if (isUploadPath(ctx.path)) return kieError(ctx, 401, 'Authentication failed: Invalid API Key');
  kieError(ctx, 401, 'You do not have access permissions');
}
