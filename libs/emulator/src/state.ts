import { FaultRegistry } from './faults';
import { FileStore } from './files';
import { Lifetime } from './lifetime';
import { seedBytes } from './media/seed';
import { inputFetcher, type BuildContext } from './outputs';
import { Recorder } from './recorder';

/** The shared state of one running emulator. */
export class EmulatorState {
  readonly recorder = new Recorder();
  readonly faults = new FaultRegistry();
  readonly lifetime = new Lifetime();
  readonly files: FileStore;
  private readonly fetchInput: (url: string) => Promise<Buffer>;

  constructor(
    readonly url: string,
    public jobDurationMs: number,
  ) {
    this.files = new FileStore(url);
    this.fetchInput = inputFetcher(this.files);
  }

  get replicateBaseUrl(): string {
    return `${this.url}/replicate/v1`;
  }

  get falBaseUrl(): string {
    return `${this.url}/fal`;
  }

  get openaiBaseUrl(): string {
    return `${this.url}/openai/v1`;
  }

  /** A build context whose seed is derived from `what` (e.g. model id + input), so equal inputs give equal media. */
  buildContext(what: unknown): BuildContext {
    return { files: this.files, seed: seedBytes(what).toString('hex'), fetchInput: this.fetchInput };
  }
}
