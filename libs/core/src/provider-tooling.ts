/**
 * What the workspace's tools need of a provider, declared by its adapter next to the rest of its
 * descriptor: the scaffold (`nx g @boards/tools:generator`) and the bench (`npm run bench`).
 * The tools iterate over the descriptors, so they name no provider themselves.
 */
import type { KnownPrice } from './pricing';

export type ScaffoldArtifact = 'image' | 'video' | 'audio' | 'text';

/** A model the scaffold turns into a package whose tests pass against the emulator as generated. */
export interface ScaffoldExample {
  model: string;
  artifact: ScaffoldArtifact;
  /** USD per unit, for a model without a known price (a package that is thrown away, e.g. by the bench's scale run). */
  price?: string;
}

/** What `nx g @boards/tools:generator --provider <name>` needs to scaffold a generator of this provider. */
export interface ScaffoldFacts {
  /** Model ids this provider uses, and how to say it in an error. */
  modelId: { pattern: RegExp; shape: string };
  /** Artifact types the adapter has operations for (others are refused). */
  artifacts: readonly ScaffoldArtifact[];
  /** The adapter's define function the scaffolded generator calls, e.g. `defineFalGenerator`. */
  define: string;
  /**
   * The provider's starter fragments (absolute path): a TypeScript file that lint and typecheck see,
   * whose `// starter:<name>` ... `// starter:end` sections the scaffold copies in (see the plugin's README).
   */
  starter: string;
  /** The image-count field of its image models and its maximum, e.g. `['num_images', 4]`; none when a call makes one image. */
  countField?: readonly [string, number];
  /** True when its image endpoints take `image_size` presets billed per megapixel (the `megapixel` unit is scaffolded). */
  megapixelPresets?: boolean;
  /** Where a model's published price is read, for the message asking for `--price`. */
  priceSource(model: string): string;
  /** Published prices of models the scaffold fills in when `--price` is not given, by model id. */
  knownPrices?: Readonly<Record<string, KnownPrice>>;
  /**
   * Inputs a model requires whose value its price holds for (a quality tier), by model id: the
   * package sends each as a one-value field, so the estimate stays true until a price per value is added.
   */
  pricedInputs?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Where the emulator's model table is, so a scaffold for a model it does not know says where to add it. */
  emulatorModels?: { file: string; table: string; unknownAnswer: string };
  /** Models that scaffold green against the emulator (the bench's scaffold and scale runs use them). */
  examples?: readonly ScaffoldExample[];
}

/** What the bench measures of a provider: one generator through the adapter, against the SDK's own ways to wait. */
export interface BenchFacts {
  /** The generator package whose cheapest input the bench runs (overhead and throughput). */
  generator: string;
  /** How the adapter waits for a job, in words (a row of the overhead table). */
  adapterWait: string;
  /** A fact of the provider that bounds what any client can do (a rate limit, a blocking API), printed under the table. */
  note?: string;
  /** Module (absolute path, no extension) exporting `sdkPaths(env): BenchSdkPath[]`, what an app would write with the SDK instead. */
  sdkPaths?: string;
}

/** What a provider's SDK paths get from the bench. */
export interface BenchSdkEnv {
  /** The provider's base URL on the emulator, and the dummy key its emulator runs use. */
  baseUrl: string;
  apiKey: string;
  /** The generator's model and its parsed cheapest input. */
  model: string;
  input: Record<string, unknown>;
  /** The bytes of the first output of an SDK answer (a URL, a file output, or a list of them). */
  bytesOf(output: unknown): Promise<Uint8Array>;
  /** Writes an output to disk, as an app would. */
  save(bytes: Uint8Array): void;
}

/** One way to run a generation with the provider's SDK, timed against the adapter. */
export interface BenchSdkPath {
  how: string;
  /** The SDK's default way to wait for a job (one per provider). */
  sdkDefault?: boolean;
  run(): Promise<void>;
}
