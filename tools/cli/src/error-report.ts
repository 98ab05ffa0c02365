/** How a failed command reports: a readable message on stderr, or `{error: {...}}` on stdout with --json. */
import { BoardsError, InputValidationError, ProviderError } from '@boards/core';
import { CliError } from './errors';
import type { Output } from './output';

export interface ErrorDocument {
  error: {
    code: string;
    message: string;
    /** Input fields at fault (INVALID_INPUT). */
    fields?: string[];
    /** Each field with what is wrong with it. */
    issues?: Array<{ field: string; message: string }>;
    retryable?: boolean;
    provider?: string;
    status?: number;
    requestId?: string;
    jobId?: string;
  };
}

export function errorDocument(error: unknown): ErrorDocument {
  if (error instanceof InputValidationError) {
    return { error: { code: error.code, message: error.message, fields: error.fields, issues: error.issues } };
  }
  if (error instanceof ProviderError) {
    const { code, message, retryable, provider, status, requestId, jobId } = error;
    return { error: { code, message, retryable, provider, status, requestId, jobId } };
  }
  if (BoardsError.isInstance(error)) {
    const jobId = (error as { jobId?: string }).jobId;
    return { error: { code: error.code, message: error.message, retryable: error.retryable, ...(jobId ? { jobId } : {}) } };
  }
  if (error instanceof CliError) return { error: { code: error.code, message: error.message } };
  return { error: { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) } };
}

export function reportError(output: Output, error: unknown, hint?: string): void {
  if (output.json) {
    const doc = errorDocument(error);
    output.document(doc);
    output.note(`error: ${doc.error.message}`);
    return;
  }
  if (error instanceof InputValidationError) {
    output.note(`error: invalid input for ${error.generatorId}:`);
    for (const issue of error.issues) output.note(`  ${fieldLabel(issue.field, issue.message)}: ${issue.message}`);
    output.note(`Nothing was sent. See the inputs with: npx boards describe ${error.generatorId}`);
    return;
  }
  const { error: doc } = errorDocument(error);
  output.note(`error: ${doc.message}`);
  if (doc.retryable) output.note('(the provider says this may succeed if you try again)');
  if (hint) output.note(hint);
  if (!BoardsError.isInstance(error) && !(error instanceof CliError) && error instanceof Error && process.env.BOARDS_DEBUG) {
    output.note(error.stack ?? '');
  }
}

/** `num_images (--num-images)`; the flag is left out when the message names one already. */
function fieldLabel(field: string, message: string): string {
  if (!field) return '(input)';
  if (message.includes('--')) return field;
  return `${field} (--${field.split('.')[0].replace(/_/g, '-')})`;
}
