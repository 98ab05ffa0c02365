/** What `list` and `describe` say about a generator besides its inputs. */
import { keyVariable, type ResolvedKeys } from '@boards/config';
import { describeLifecycle, effectiveLifecycleStatus, formatUsd, type AnyGenerator, type CostEstimate } from '@boards/core';
import { shortPrice } from '@boards/cost';

export { shortPrice };

export interface KeyStatus {
  /** The variable the provider's key is read from. */
  variable: string;
  configured: boolean;
  /** Where it was found: environment, BOARDS_GENERATOR_API_KEYS or .env. Never the value. */
  source?: string;
}

export function keyStatus(generator: AnyGenerator, keys: ResolvedKeys): KeyStatus {
  const variable = keyVariable(generator.provider);
  const source = keys.sources[variable];
  return source ? { variable, configured: true, source } : { variable, configured: false };
}

/** `yes`, or `no (<its key variable>)`. */
export function keyText(status: KeyStatus): string {
  return status.configured ? 'yes' : `no (${status.variable})`;
}

export function lifecycleFacts(generator: AnyGenerator) {
  const lifecycle = generator.lifecycle;
  return {
    status: effectiveLifecycleStatus(lifecycle),
    text: describeLifecycle(lifecycle),
    ...(lifecycle?.retiredOn ? { retiredOn: lifecycle.retiredOn } : {}),
    ...(lifecycle?.successor ? { successor: lifecycle.successor } : {}),
    ...(lifecycle?.note ? { note: lifecycle.note } : {}),
  };
}

/** The facts both `list --json` and `describe --json` carry. */
export function generatorSummary(generator: AnyGenerator, keys: ResolvedKeys) {
  return {
    id: generator.id,
    title: generator.title,
    description: generator.description,
    provider: generator.provider,
    model: generator.model,
    artifactType: generator.artifactType,
    price: { ...generator.price, text: shortPrice(generator.price) },
    lifecycle: lifecycleFacts(generator),
    key: keyStatus(generator, keys),
  };
}

/** `{known: true, usd: "0.055", basis}` or `{known: false, reason}`: an estimate as JSON. */
export function estimateFacts(estimate: CostEstimate) {
  return estimate.known ? { known: true as const, usd: formatUsd(estimate.micros), basis: estimate.basis } : { known: false as const, reason: estimate.reason };
}
