import { execFileSync } from 'node:child_process';
import { childrenCpuMs } from './exec';
import { marginalOf, renderMarginal } from './marginal';

describe('the marginal cost of one more generator', () => {
  it('is the suite minus one generator, over the other generators', () => {
    expect(marginalOf(7900, 2400, 12)).toBe(500);
    expect(marginalOf(2400, 2400, 1)).toBeNaN();
  });

  it('renders the figures and any failed run', () => {
    const figures = { generators: 12, oneCpuMs: 2400, suiteCpuMs: 7900, marginalCpuMs: 500, failures: [] };
    const text = renderMarginal(figures, 'flux-pro');
    expect(text).toContain('| `nx test flux-pro --skip-nx-cache` | 2.40 s | one generator alone |');
    expect(text).toContain('| **one more generator** | **500 ms** | 0.21x of one generator alone |');
    expect(text).toContain('(suite - one) / 11');
    expect(renderMarginal({ ...figures, failures: ['nx test flux-pro exited 1'] }, 'flux-pro')).toContain(
      'Runs that failed (still counted): nx test flux-pro exited 1.',
    );
  });

  it("reads this process's children's CPU time, which grows when a child that spent CPU is waited for", () => {
    const before = childrenCpuMs();
    execFileSync(process.execPath, ['-e', 'const end = Date.now() + 150; while (Date.now() < end);']);
    expect(childrenCpuMs() - before).toBeGreaterThanOrEqual(50);
  });
});
