import { describeLifecycle, effectiveLifecycleStatus } from './lifecycle';

describe('model lifecycle', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('treats a passed shutdown date as retired whatever the status says', () => {
    expect(effectiveLifecycleStatus({ status: 'active', retiredOn: '2026-10-23' }, now)).toBe('retired');
    expect(effectiveLifecycleStatus({ status: 'deprecated', retiredOn: '2027-02-26' }, now)).toBe('deprecated');
    expect(effectiveLifecycleStatus(undefined, now)).toBe('active');
    expect(effectiveLifecycleStatus({ status: 'active', deprecatedOn: '2026-01-01' }, now)).toBe('deprecated');
  });

  it('describes the status with its dates', () => {
    expect(describeLifecycle({ status: 'retired', retiredOn: '2026-05-12' }, now)).toBe('retired 2026-05-12');
    expect(describeLifecycle({ status: 'deprecated', retiredOn: '2027-02-26' }, now)).toBe('deprecated, shuts down 2027-02-26');
  });
});
