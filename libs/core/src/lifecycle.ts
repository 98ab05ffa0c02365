import { ModelRetiredError } from './errors';

/**
 * Model lifecycle as the provider announces it. Dates are YYYY-MM-DD (UTC).
 * A model whose `retiredOn` date has passed is retired whatever `status` says,
 * so a package written before the shutdown still fails fast after it.
 */
export interface ModelLifecycle {
  status: 'active' | 'deprecated' | 'retired';
  deprecatedOn?: string;
  /** The day the provider stops serving the model (announced or past). */
  retiredOn?: string;
  /** Generator id or model that replaces this one. */
  successor?: string;
  note?: string;
}

export type LifecycleStatus = ModelLifecycle['status'];

export function effectiveLifecycleStatus(lifecycle: ModelLifecycle | undefined, now: Date = new Date()): LifecycleStatus {
  if (!lifecycle) return 'active';
  const today = now.toISOString().slice(0, 10);
  if (lifecycle.retiredOn && lifecycle.retiredOn <= today) return 'retired';
  if (lifecycle.status === 'retired') return 'retired';
  if (lifecycle.deprecatedOn && lifecycle.deprecatedOn <= today) return 'deprecated';
  return lifecycle.status;
}

export function describeLifecycle(lifecycle: ModelLifecycle | undefined, now: Date = new Date()): string {
  const status = effectiveLifecycleStatus(lifecycle, now);
  if (!lifecycle || status === 'active') {
    return lifecycle?.retiredOn ? `active (shuts down ${lifecycle.retiredOn})` : 'active';
  }
  if (status === 'retired') return `retired ${lifecycle.retiredOn ?? ''}`.trim();
  return `deprecated${lifecycle.retiredOn ? `, shuts down ${lifecycle.retiredOn}` : ''}`;
}

/** Fails fast when the model is retired: no run of it can succeed. The one retired-model check (the generator's and the CLI's). */
export function assertNotRetired(generator: { id: string; model: string; lifecycle?: ModelLifecycle }): void {
  if (effectiveLifecycleStatus(generator.lifecycle) !== 'retired') return;
  throw new ModelRetiredError({
    generatorId: generator.id,
    model: generator.model,
    retiredOn: generator.lifecycle?.retiredOn ?? 'an earlier date',
    successor: generator.lifecycle?.successor,
  });
}
