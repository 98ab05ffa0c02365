import { cancelOnInterrupt } from './interrupt';

describe('cancelOnInterrupt', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s aborts the generation (which cancels the provider job)', (signal) => {
    const controller = new AbortController();
    const lines: string[] = [];
    const release = cancelOnInterrupt(
      controller,
      (line) => lines.push(line),
      () => undefined,
    );
    try {
      process.emit(signal, signal);
      expect(controller.signal.aborted).toBe(true);
      expect(lines[0]).toMatch(/^canceling \(.+\): asking the provider to cancel the job/);
    } finally {
      release();
    }
    expect(process.listenerCount(signal)).toBe(0);
  });
});
