/**
 * tools/register-sources.js, which bin/boards.js loads: TypeScript compiled on load (cached on disk
 * by content), `@boards/*` resolved to the workspace's sources, stack traces in TypeScript lines.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir } from '../test-support/cli-process';

const REGISTER = join(__dirname, '../../register-sources.js');

afterAll(removeTempDirs);

function run(file: string) {
  const child = spawnSync(process.execPath, ['-r', REGISTER, file], { encoding: 'utf8', timeout: 15_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('tools/register-sources.js', () => {
  it('runs TypeScript that imports a workspace lib, and recompiles a changed file instead of serving the cached one', () => {
    const file = join(tempDir('boards-register-'), 'probe.ts');
    const source = (n: number) => `import { formatUsd } from '@boards/core';\nconst micros: number = ${n};\nprocess.stdout.write(formatUsd(micros) + '\\n');\n`;
    writeFileSync(file, source(1_500_000));
    expect(run(file)).toMatchObject({ code: 0, stdout: '1.50\n' });
    writeFileSync(file, source(2_250_000));
    expect(run(file)).toMatchObject({ code: 0, stdout: '2.25\n' });
  });

  it('reports errors at the TypeScript line', () => {
    const file = join(tempDir('boards-register-'), 'throws.ts');
    writeFileSync(file, `type Unused = { a: string };\n\nthrow new Error('from line three');\n`);
    const { code, stderr } = run(file);
    expect(code).not.toBe(0);
    expect(stderr).toContain(`${file}:3`);
  });
});
