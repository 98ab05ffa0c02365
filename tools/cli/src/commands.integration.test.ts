import { runCli, startCli } from '../test-support/cli-process';

/** The commands that run as real processes: `boards emulator` serves until Ctrl-C, `boards live plan` runs Nx. */
describe('boards emulator', () => {
  it('prints the base URLs, export lines and control URL, serves, and stops on Ctrl-C', async () => {
    const cli = startCli(['emulator', '--port', '0']);
    await cli.matches(/Ctrl-C stops it/, 'stdout');
    const controlUrl = /control\s+(http:\/\/127\.0\.0\.1:\d+\/__emulator)/.exec(cli.output.stdout)?.[1];
    const health = await (await fetch(`${controlUrl}/health`)).json();
    expect(health).toMatchObject({ ok: true });
    cli.child.kill('SIGINT');
    const result = await cli.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/export BOARDS_FAL_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/fal/);
    expect(result.stdout).toMatch(/export BOARDS_REPLICATE_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/replicate\/v1/);
    expect(result.stdout).toMatch(/control\s+http:\/\/127\.0\.0\.1:\d+\/__emulator/);
  });
});

describe('boards live plan', () => {
  it("prices the selected generators' live tests against the budget without calling a provider", async () => {
    const { code, stdout } = await runCli(['live', 'plan', '--projects=tag:fal', '--json'], { env: { BOARDS_LIVE_BUDGET_USD: '0.05' } });
    expect(code).toBe(0);
    const { plan } = JSON.parse(stdout);
    const ids = plan.generators.map((g: { id: string }) => g.id);
    expect(ids).toContain('nano-banana');
    expect(plan.generators.every((g: { provider: string }) => g.provider === 'fal')).toBe(true);
    // Without FAL_KEY every fal live test is skipped, so this run would spend nothing...
    expect(plan.total).toMatchObject({ known: true, micros: 0 });
    // ...but with the key it would not fit a $0.05 budget (its known part alone; a price may be unknown, never $0).
    const known = plan.generators.reduce((micros: number, g: { estimate: { known: boolean; micros?: number } }) => micros + (g.estimate.micros ?? 0), 0);
    expect(known).toBeGreaterThan(50_000);
    expect(plan).toMatchObject({ budgetUsd: '0.05', fits: true, runCommand: 'npx nx run-many -t test-live --projects=tag:fal' });
  });
});
