import type { PostTasksExecutionContext, PreTasksExecutionContext } from '@nx/devkit';

export function preTasksExecution(_options: unknown, _context: PreTasksExecutionContext): Record<string, string> {
  return {};
}

export function postTasksExecution(_options: unknown, _context: PostTasksExecutionContext): void {}
