import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plantedWorkspace, runCliInProcess, type CliResult, removeTempDirs } from '../test-support/cli-process';

afterAll(removeTempDirs);

const PLANTED_KEY = 'planted-fal-key-value-5f3a9c1e7b';
let runs: Record<string, Promise<CliResult>>;

beforeAll(() => {
  // Commands that only read and print run in this process (the real processes: commands.integration.test.ts).
  runs = {
    list: runCliInProcess(['list'], { env: { FAL_KEY: PLANTED_KEY } }),
    listJson: runCliInProcess(['list', '--json'], { env: { FAL_KEY: PLANTED_KEY } }),
    describe: runCliInProcess(['describe', 'flux-pro']),
    describeJson: runCliInProcess(['describe', 'nano-banana', '--json']),
    help: runCliInProcess(['--help']),
    unknownCommand: runCliInProcess(['frobnicate', '--json']),
    version: runCliInProcess(['--version']),
  };
});

/** A workspace with planted routes of one model (family acme/sketch): by default on fal and Replicate. */
const plantedRoutes = (ids = ['sketch-fal', 'sketch-replicate']) => plantedWorkspace(join(__dirname, '__fixtures__', 'routes'), ids, 'boards-routes-');

describe('boards list', () => {
  it('shows every generator with provider, model, price, lifecycle and key status, never the key', async () => {
    const { code, stdout, stderr } = await runs.list;
    expect(code).toBe(0);
    expect(stdout).toMatch(/flux-pro\s+replicate\s+black-forest-labs\/flux-pro\s+image\s+\$0\.055 \/ image\s+active\s+no \(REPLICATE_API_TOKEN\)/);
    expect(stdout).toMatch(/nano-banana\s+fal\s+fal-ai\/nano-banana\s+image\s+\$0\.039 \/ image\s+active\s+yes/);
    expect(stdout).toMatch(/whisper .* deprecated, shuts down 2027-02-26/);
    expect(`${stdout}${stderr}`).not.toContain(PLANTED_KEY);
  });

  it('--json carries the same facts', async () => {
    const { code, stdout } = await runs.listJson;
    expect(code).toBe(0);
    const { generators } = JSON.parse(stdout);
    const nano = generators.find((g: { id: string }) => g.id === 'nano-banana');
    expect(nano).toMatchObject({
      provider: 'fal',
      price: { usd: '0.039', unit: 'image' },
      key: { variable: 'FAL_KEY', configured: true, source: 'environment' },
    });
    expect(stdout).not.toContain(PLANTED_KEY);
  });
});

describe('an unknown price', () => {
  const env = () => ({ BOARDS_WORKSPACE_ROOT: plantedRoutes(['sketch-fal', 'sketch-unverified']) });

  it('is listed as unknown with its reason, never $0', async () => {
    const { code, stdout, stderr } = await runCliInProcess(['list'], { env: env() });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/sketch-unverified\s+fal\s+acme\/sketch-unverified\s+image\s+unknown \/ image\s+active/);
    expect(stdout).toContain('Unknown prices (a live test refuses them unless BOARDS_LIVE_ALLOW_UNKNOWN_COST=1):');
    expect(stdout).toContain('  sketch-unverified: unknown / image (checked 2026-12-08: acme publishes no price for it)');
    expect(stdout).not.toMatch(/sketch-unverified.*\$0/);
  });

  it("is described as unknown, with the cheapest input's cost unknown and no cheapest route", async () => {
    const { code, stdout } = await runCliInProcess(['describe', 'sketch-unverified'], { env: env() });
    expect(code).toBe(0);
    expect(stdout).toContain('price      unknown / image (checked 2026-12-08: acme publishes no price for it)  https://acme.example/pricing\n');
    expect(stdout).toContain('a live run refuses its calls unless BOARDS_LIVE_ALLOW_UNKNOWN_COST=1');
    expect(stdout).toContain('Example (the cheapest input, unknown (the price per image is unknown: acme publishes no price for it) when live');
    expect(stdout).toContain('no cheapest route (the price of sketch-unverified is unknown)');
    const json = await runCliInProcess(['describe', 'sketch-unverified', '--json'], { env: env() });
    const doc = JSON.parse(json.stdout);
    expect(doc.price).toMatchObject({ unknown: true, reason: 'acme publishes no price for it', text: 'unknown / image' });
    expect(doc.cheapestEstimate).toEqual({ known: false, reason: 'the price per image is unknown: acme publishes no price for it' });
  });
});

describe('boards describe', () => {
  it('lists inputs with types, defaults, allowed values, limits and an example', async () => {
    const { code, stdout } = await runs.describe;
    expect(code).toBe(0);
    expect(stdout).toMatch(/--prompt <text>\s+required/);
    expect(stdout).toMatch(/--aspect-ratio <custom\|1:1\|.*>\s+default "1:1"/);
    expect(stdout).toContain('256 to 1440; multiple of 32');
    expect(stdout).toContain('$0.055 / image (checked');
    expect(stdout).toContain('npx boards generate flux-pro --prompt "a red circle on a white background"');
  });

  it('names the other routes of the same model with their prices and the cheapest route', async () => {
    const { code, stdout, stderr } = await runCliInProcess(['describe', 'sketch-fal'], { env: { BOARDS_WORKSPACE_ROOT: plantedRoutes() } });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('routes     Also offered by: sketch-replicate (replicate) at $0.025 / image; cheapest route: sketch-replicate\n');
  });

  it('--json gives the inputs and the cheapest estimate', async () => {
    const { code, stdout } = await runs.describeJson;
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.inputs.find((i: { name: string }) => i.name === 'num_images')).toMatchObject({
      flag: '--num-images',
      type: 'integer',
      default: 1,
      minimum: 1,
      maximum: 4,
      required: false,
    });
    expect(doc.cheapestEstimate).toEqual({ known: true, usd: '0.039', basis: '1 image x $0.039' });
  });
});

describe('boards --help and errors', () => {
  it('documents the commands and the exit codes', async () => {
    const { code, stdout } = await runs.help;
    expect(code).toBe(0);
    for (const word of ['list', 'describe', 'generate', 'emulator', '130']) expect(stdout).toContain(word);
  });

  it('an unknown command exits 2 with a JSON error under --json', async () => {
    const { code, stdout } = await runs.unknownCommand;
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('USAGE');
  });
});

describe('boards --version', () => {
  it("prints the release version of the packages it ships with (the fixed group's), not the private CLI package's 0.0.0", async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../../libs/core/package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await runs.version;
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
    expect(version).not.toBe('0.0.0');
  });
});
