import { sendJson, type Ctx, type Headers } from '../../kernel/http';

/** OpenAI's error body: `{error: {message, type, param, code}}`. */
export function openaiError(
  ctx: Ctx,
  status: number,
  message: string,
  fields: { type?: string; param?: string | null; code?: string | null } = {},
  headers: Headers = {},
): void {
  const type = fields.type ?? (status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error');
  const code = fields.code !== undefined ? fields.code : status === 429 ? 'rate_limit_exceeded' : null;
  sendJson(ctx, status, { error: { message, type, param: fields.param ?? null, code } }, headers);
}

export function modelNotFound(ctx: Ctx, model: unknown): void {
  const name = typeof model === 'string' ? model : String(model ?? '');
  openaiError(ctx, 404, `The model \`${name}\` does not exist or you do not have access to it.`, { param: 'model', code: 'model_not_found' });
}
