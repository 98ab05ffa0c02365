/**
 * Where a generation's provider calls really went, told by the answers themselves.
 *
 * Money is real unless proven free: a call counts as free only when the answer came from this
 * project's emulator, which names itself in every answer it gives (EMULATOR_HEADER). A host name,
 * a scheme or a loopback address proves nothing: a gateway, a provider-compatible proxy or a
 * record-through emulator on 127.0.0.1 forwards to a real, billing provider. A request that got no
 * answer (a reset, a timeout) may have reached a provider too, so it is never proof of anything.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The response header the emulator sets on every answer it gives itself (never on a forwarded one). */
export const EMULATOR_HEADER = 'x-boards-emulator';

/** 'emulator': every request was answered by the emulator; 'live': one may have reached a provider; 'none': nothing was sent. */
export type Reach = 'emulator' | 'live' | 'none';

/** Counts the requests of the work it runs and which of them the emulator answered. */
export class ReachWitness {
  private sent = 0;
  private fromEmulator = 0;
  private readonly hosts = new Set<string>();

  /** Runs `work`, counting every provider request made inside it (across its awaits). */
  run<T>(work: () => Promise<T>): Promise<T> {
    return witnesses.run(this, work);
  }

  /** The verdict so far. */
  reach(): Reach {
    if (this.sent === 0) return 'none';
    return this.fromEmulator === this.sent ? 'emulator' : 'live';
  }

  /** The hosts requests went to, for a message ("127.0.0.1:8080"). */
  hostList(): string[] {
    return [...this.hosts];
  }

  /** @internal the shared fetch: a request is about to go out. */
  noteSent(url: string): void {
    this.sent += 1;
    try {
      this.hosts.add(new URL(url).host);
    } catch {
      this.hosts.add(url);
    }
  }

  /** @internal the shared fetch: an answer came back. */
  noteAnswer(headers: Headers): void {
    if (headers.has(EMULATOR_HEADER)) this.fromEmulator += 1;
  }
}

const witnesses = new AsyncLocalStorage<ReachWitness>();

/** The witness of the work running now, if any. */
export function currentReachWitness(): ReachWitness | undefined {
  return witnesses.getStore();
}
