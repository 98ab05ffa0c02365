import { InvalidConfigError, UnknownGeneratorError } from './errors';
import type { AnyGenerator } from './generator';

/** Generators by id. The CLI and the catalogue build one from the workspace's packages. */
export class GeneratorRegistry {
  private readonly byId = new Map<string, AnyGenerator>();

  constructor(generators: Iterable<AnyGenerator> = []) {
    for (const g of generators) this.register(g);
  }

  register(generator: AnyGenerator): void {
    if (this.byId.has(generator.id)) throw new InvalidConfigError('generator registry', `${generator.id} is registered twice`);
    this.byId.set(generator.id, generator);
  }

  get(id: string): AnyGenerator {
    const found = this.byId.get(id);
    if (!found) throw new UnknownGeneratorError(id, this.ids());
    return found;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  list(): AnyGenerator[] {
    return this.ids().map((id) => this.byId.get(id) as AnyGenerator);
  }
}
