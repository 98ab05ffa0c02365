import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProviderPackages, loadProviderDescriptor, providerDescriptors, requireProvider } from './provider-discovery';
import { keyVariablesOf, registerProvider, registeredProviders, type ProviderDescriptor } from './provider';
import { providerMessage, requestIdFrom } from './http';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A consumer outside any workspace: node_modules/@boards/provider-<name> with the marker and a compiled ./descriptor export. */
function consumerWith(name: string, declared = name): string {
  const root = mkdtempSync(join(tmpdir(), 'boards-providers-'));
  dirs.push(root);
  const dir = join(root, 'node_modules', '@boards', `provider-${name}`);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  const manifest = { name: `@boards/provider-${name}`, boards: { provider: declared }, exports: { './descriptor': './dist/descriptor.js' } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  const descriptor = { name, displayName: name.toUpperCase(), key: { variable: `${name.toUpperCase()}_TOKEN` }, requestIdHeaders: [`x-${name}-id`] };
  writeFileSync(join(dir, 'dist', 'descriptor.js'), `exports.descriptor = ${JSON.stringify(descriptor)};`);
  mkdirSync(join(root, 'app'));
  return join(root, 'app');
}

describe('provider discovery', () => {
  it('finds the workspace adapters by their package.json marker and loads only their descriptors', () => {
    const names = findProviderPackages(__dirname).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['fal', 'openai', 'replicate']));
    for (const d of providerDescriptors(__dirname)) {
      expect(d.key.variable).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(d.baseUrlVariable).toMatch(/^BOARDS_[A-Z0-9]+_BASE_URL$/);
      expect(d.emulatorPath).toMatch(/^\//);
    }
  });

  it('finds an adapter installed in node_modules outside a workspace, through its ./descriptor export', () => {
    const app = consumerWith('acme');
    const found = providerDescriptors(app).find((d) => d.name === 'acme');
    expect(found?.key.variable).toBe('ACME_TOKEN');
    expect(requireProvider('acme', app).displayName).toBe('ACME');
  });

  it('refuses a descriptor that is not the provider its package declares', () => {
    const app = consumerWith('zeta', 'other');
    const [pkg] = findProviderPackages(app);
    expect(() => loadProviderDescriptor(pkg)).toThrow(/declares provider "other" but its descriptor is "zeta"/);
  });

  it('names the installed providers when one is not installed', () => {
    expect(() => requireProvider('nope', consumerWith('solo'))).toThrow(/no installed adapter describes "nope" \(installed: .*solo/);
  });

  it('includes descriptors registered in this process without a scan, the first of a name winning', () => {
    const first = { name: 'inproc', key: { variable: 'INPROC_KEY', parts: { variables: ['INPROC_ID'], separator: ':' } } } as unknown as ProviderDescriptor;
    registerProvider(first);
    registerProvider({ ...first, key: { variable: 'OTHER' } });
    expect(registeredProviders().find((d) => d.name === 'inproc')).toBe(first);
    expect(providerDescriptors(mkdtempSync(join(tmpdir(), 'boards-empty-'))).map((d) => d.name)).toContain('inproc');
    expect(keyVariablesOf(first)).toEqual(['INPROC_KEY', 'INPROC_ID']);
  });

  it("reads request ids and error messages the provider's way", () => {
    const protocol = { requestIdHeaders: ['x-acme-id'], errorMessage: (b: unknown) => (b as { oops?: string }).oops };
    expect(requestIdFrom(new Headers({ 'x-acme-id': 'a1', 'x-request-id': 'r1' }), protocol)).toBe('a1');
    expect(requestIdFrom(new Headers({ 'cf-ray': 'ray' }), protocol)).toBe('ray');
    expect(providerMessage('{"oops":"bad prompt"}', 'failed', protocol)).toBe('bad prompt');
    expect(providerMessage('{"message":"plain"}', 'failed', protocol)).toBe('plain');
    expect(providerMessage('', 'failed', protocol)).toBe('failed');
  });
});
