import type { Output } from '../output';

/** What every command receives. */
export interface CommandContext {
  /** Arguments after the command name. */
  argv: string[];
  output: Output;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A command resolves with its exit code, or throws (see exit-codes.ts). */
export type Command = (ctx: CommandContext) => Promise<number>;

/** The flags every command takes. */
export const COMMON_FLAGS = [
  { name: 'json', kind: 'boolean' },
  { name: 'help', kind: 'boolean', short: 'h' },
] as const;
