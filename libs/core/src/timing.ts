/** Waits `ms`, or less if the signal fires first; never rejects (the caller checks the signal). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Default deadline of one whole generation. Core reads no environment: the adapters resolve
 * BOARDS_GENERATION_TIMEOUT_MS through @boards/config and pass the value in.
 */
export const DEFAULT_GENERATION_TIMEOUT_MS = 10 * 60 * 1000;

/** First status poll interval after the immediate check. */
export const POLL_FIRST_MS = 100;
/** Polls never wait longer than this, the SDKs' own fixed interval: never later than they notice a finished job. */
export const POLL_MAX_MS = 500;

/** Status polls back off from POLL_FIRST_MS by 1.5x up to POLL_MAX_MS: quick for short jobs, gentle for long ones. */
export function nextPollInterval(current: number): number {
  return Math.min(POLL_MAX_MS, Math.round(current * 1.5));
}
