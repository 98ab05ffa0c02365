import { enumText, type Issue } from '../../kernel/validate';

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
