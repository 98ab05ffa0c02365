// The scaffolder's tests: reading what it wrote into an Nx Tree, and type-checking it as the workspace would.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import type { Tree } from '@nx/devkit';

const WORKSPACE = join(__dirname, '../../..');

export function read(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} was not generated`);
  return text;
}

export function filesUnder(tree: Tree, dir: string): string[] {
  return tree.children(dir).flatMap((child) => {
    const path = `${dir}/${child}`;
    return tree.isFile(path) ? [path] : filesUnder(tree, path);
  });
}

/** Type-checks the generated packages as the workspace's `typecheck` target would, from a temporary directory. */
export function typecheck(tree: Tree, roots: string[]): string[] {
  const out = mkdtempSync(join(tmpdir(), 'boards-scaffold-'));
  try {
    const files = roots.flatMap((root) => filesUnder(tree, root)).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      mkdirSync(dirname(join(out, file)), { recursive: true });
      writeFileSync(join(out, file), read(tree, file));
    }
    const modules = join(WORKSPACE, 'node_modules');
    const base = ts.parseJsonConfigFileContent(ts.readConfigFile(join(WORKSPACE, 'tsconfig.base.json'), ts.sys.readFile).config, ts.sys, WORKSPACE);
    const program = ts.createProgram(
      files.map((f) => join(out, f)),
      // The workspace's compiler options, with packages resolved from its node_modules.
      // @boards/* libs resolve to the workspace's sources (its tsconfig paths), as in the workspace.
      {
        ...base.options,
        typeRoots: [join(modules, '@types')],
        baseUrl: out,
        paths: {
          ...Object.fromEntries(Object.entries(base.options.paths ?? {}).map(([name, files]) => [name, files.map((f) => join(WORKSPACE, f))])),
          '*': [join(modules, '*')],
        },
      },
    );
    // Diagnostics of the generated files only (the libs they import are type-checked by their own
    // typecheck targets): checking every lib source again would be most of this test's time.
    const generated = files.map((f) => program.getSourceFile(join(out, f))).filter((sf): sf is ts.SourceFile => sf !== undefined);
    if (generated.length !== files.length) throw new Error(`the program lost generated files: ${files.length - generated.length}`);
    const diagnostics = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...generated.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
    ];
    return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${d.file.fileName})` : ''));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
