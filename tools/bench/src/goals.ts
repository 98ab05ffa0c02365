/** The bench's goals (issue 13), and the cells that say whether a figure meets them. */
import { millis, ratio } from './stats';

/** The adapters' goals: overhead at most this (median) ... */
export const OVERHEAD_GOAL_MS = 25;
/** ... and at least this many times less than the SDK's default way to wait. */
export const OVERHEAD_GOAL_RATIO = 8;

/** The goal cell of an adapter row: each goal met, or missed and by how much. */
export function overheadGoal(adapterMs: number, sdkDefaultMs: number | undefined): string {
  const ms = adapterMs <= OVERHEAD_GOAL_MS ? `<= ${OVERHEAD_GOAL_MS} ms: met` : `<= ${OVERHEAD_GOAL_MS} ms: missed by ${millis(adapterMs - OVERHEAD_GOAL_MS)}`;
  if (sdkDefaultMs === undefined) return `${ms}; no SDK to compare`;
  const times = ratio(sdkDefaultMs, adapterMs);
  const better = adapterMs > 0 && sdkDefaultMs / adapterMs >= OVERHEAD_GOAL_RATIO;
  return `${ms}; >= ${OVERHEAD_GOAL_RATIO}x less than the SDK default: ${better ? 'met' : 'missed'} (${times})`;
}

/** The goal: generations per second at 64 concurrent, for each provider's generator. */
export const THROUGHPUT_GOAL = 500;

/** The goal cell: met by the wall-clock figure, or by the emulator alone, or missed (and by how much). */
export function throughputGoal(wallPerSecond: number, capacity: number | undefined): string {
  if (wallPerSecond >= THROUGHPUT_GOAL) return 'met';
  const client = `end to end missed by ${(THROUGHPUT_GOAL - wallPerSecond).toFixed(0)}/s`;
  if (capacity === undefined) return client;
  return capacity >= THROUGHPUT_GOAL
    ? `emulator alone: met; ${client} (client-bound)`
    : `emulator alone: missed by ${(THROUGHPUT_GOAL - capacity).toFixed(0)}/s; ${client}`;
}
