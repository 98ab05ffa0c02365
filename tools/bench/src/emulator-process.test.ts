import { processCpuSeconds } from './emulator-process';

describe('processCpuSeconds', () => {
  it("reads a live process's CPU seconds from /proc, growing as it works, and undefined for no process", () => {
    const before = processCpuSeconds(process.pid);
    expect(before).toEqual(expect.any(Number));
    const until = Date.now() + 60;
    while (Date.now() < until); // ~60 ms of CPU: at least one clock tick
    expect(processCpuSeconds(process.pid)).toBeGreaterThan(before!);
    expect(processCpuSeconds(undefined)).toBeUndefined();
    expect(processCpuSeconds(2 ** 30)).toBeUndefined();
  });
});
