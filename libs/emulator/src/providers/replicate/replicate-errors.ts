import { STATUS_CODES } from 'node:http';
import { sendJson, type Ctx, type Headers } from '../../kernel/http';
import { enumText, type Issue } from '../../kernel/schema-check';

/** One entry of Replicate's `invalid_fields` (its JSON-schema validator's vocabulary). */
export interface InvalidField {
  type: string;
  /** Dotted path (`input.num_outputs`); '' for the body itself. */
  field: string;
  description: string;
}

/** Issues about `input` fields in Replicate's words: `type` and `description` as its validator writes them. */
export function replicateInvalidFields(issues: Issue[]): InvalidField[] {
  return issues.map((issue) => {
    const name = String(issue.path[issue.path.length - 1]);
    const field = ['input', ...issue.path].join('.');
    const ctx = issue.ctx ?? {};
    switch (issue.type) {
      case 'missing':
        return { type: 'required', field: 'input', description: `${name} is required` };
      case 'literal_error':
        return { type: 'enum', field, description: `${field} must be one of the following: ${String(ctx.expected ?? enumText([]))}` };
      case 'greater_than_equal':
        return { type: 'number_gte', field, description: `Must be greater than or equal to ${String(ctx.ge)}` };
      case 'greater_than':
        return { type: 'number_gt', field, description: `Must be greater than ${String(ctx.gt)}` };
      case 'less_than_equal':
        return { type: 'number_lte', field, description: `Must be less than or equal to ${String(ctx.le)}` };
      case 'string_too_short':
        return { type: 'string_gte', field, description: `String length must be greater than or equal to ${String(ctx.min_length)}` };
      case 'string_too_long':
        return { type: 'string_lte', field, description: `String length must be less than or equal to ${String(ctx.max_length)}` };
      default:
        return { type: 'invalid_type', field, description: `Invalid type. ${issue.msg}` };
    }
  });
}

/** Replicate's error shape: `application/problem+json` with title, detail and status. */
export function problem(ctx: Ctx, status: number, detail: string, extra: Record<string, unknown> = {}, headers: Headers = {}): void {
  const title = status === 429 ? 'Request was throttled.' : (STATUS_CODES[status] ?? 'Error');
  sendJson(ctx, status, { title, detail, status, ...extra }, { 'content-type': 'application/problem+json', ...headers });
}

/** Replicate's 422: problem+json with `invalid_fields` (JSON-schema validator vocabulary) and one detail line per field. */
export function invalid(ctx: Ctx, fields: InvalidField[], headers: Headers): void {
  const detail = fields.map((f) => `- ${f.field ? `${f.field}: ` : ''}${f.description}\n`).join('');
  problem(ctx, 422, detail, { title: 'Input validation failed', invalid_fields: fields }, headers);
}

export const notFound = (ctx: Ctx, headers: Headers = {}) => problem(ctx, 404, 'The requested resource could not be found.', { title: 'Not found' }, headers);
