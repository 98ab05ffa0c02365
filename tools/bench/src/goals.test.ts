import { overheadGoal, throughputGoal } from './goals';

describe('goal cells', () => {
  it('says whether an adapter overhead meets 25 ms and 8x less than the SDK default, and by how much it misses', () => {
    expect(overheadGoal(13, 212)).toBe('<= 25 ms: met; >= 8x less than the SDK default: met (16.3x)');
    expect(overheadGoal(40, 212)).toBe('<= 25 ms: missed by 15 ms; >= 8x less than the SDK default: missed (5.3x)');
    expect(overheadGoal(20, 18)).toBe('<= 25 ms: met; >= 8x less than the SDK default: missed (0.9x)');
    expect(overheadGoal(20, undefined)).toBe('<= 25 ms: met; no SDK to compare');
  });

  it('says whether throughput meets 500/s end to end or from the emulator alone, and by how much it misses', () => {
    expect(throughputGoal(520, 900)).toBe('met');
    expect(throughputGoal(120, 800)).toBe('emulator alone: met; end to end missed by 380/s (client-bound)');
    expect(throughputGoal(120, 450)).toBe('emulator alone: missed by 50/s; end to end missed by 380/s');
    expect(throughputGoal(120, undefined)).toBe('end to end missed by 380/s');
  });
});
