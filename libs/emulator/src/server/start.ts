import { mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControlProvider } from './control';
import { controlTokenProblem, isLoopbackHost, randomControlToken } from '../kernel/control-token';
import { dispatch } from './dispatch';
import { createFilesProvider } from './files-route';
import type { ProviderDef, ProviderModule } from '../kernel/provider';
import { SnapshotStore } from '../kernel/snapshots';
import { referenceSnapshots } from '../reference-snapshots';
import { ApiTable } from './apis';
import { parseUpstreams, UpstreamProxy } from './proxy';
import { ReplayServer } from './replay';
import { parseJobDuration } from './settings';
import { EmulatorState } from './state';
import type { EmulatorOptions, ServerEmulator } from '../kernel/types';

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Creates the record folder, or says plainly that the path is not one: a `--record-to` that
 * names a file must not read as a failure to listen.
 */
function ensureFolder(path: string): void {
  let isDirectory: boolean | undefined;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    isDirectory = undefined;
  }
  if (isDirectory === false) throw new TypeError(`recordTo ${path} is not a directory`);
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TypeError(
      `recordTo ${path} cannot be created as a directory (${code === 'ENOTDIR' ? 'a part of it is a file' : (code ?? (error as Error).message)})`,
    );
  }
}

/**
 * Starts the emulator of `providers`: a real HTTP server on loopback (ephemeral port by default).
 * The answer also carries each provider's base URL as `<id>BaseUrl`.
 */
export async function startServer(
  providers: readonly ProviderModule[],
  options: EmulatorOptions = {},
): Promise<ServerEmulator & Readonly<Record<`${string}BaseUrl`, string>>> {
  const host = options.host ?? '127.0.0.1';
  const jobDurationMs = parseJobDuration(options.jobDurationMs ?? 0);
  const apis = new ApiTable(providers);
  const upstreams = options.upstream ? parseUpstreams(options.upstream, apis) : {};
  if (options.recordTo && Object.keys(upstreams).length === 0) throw new TypeError('recordTo needs an upstream: it records what the upstream answers');
  const timeout = options.upstreamTimeoutMs;
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) throw new RangeError('upstreamTimeoutMs must be a positive integer (ms)');
  const maxBodyBytes = options.maxBodyBytes;
  if (maxBodyBytes !== undefined && !(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0))
    throw new RangeError('maxBodyBytes must be a positive integer (bytes)');
  if (options.controlToken !== undefined) {
    const problem = controlTokenProblem(options.controlToken);
    if (problem) throw new TypeError(`controlToken ${problem}`);
  }
  // Off loopback the control API is reachable from other machines: never without a token.
  const controlToken = options.controlToken ?? (isLoopbackHost(host) ? undefined : randomControlToken());
  if (options.recordTo) ensureFolder(options.recordTo);
  // Checked before the server listens: a malformed snapshot is refused without a port left open.
  const snapshots = new SnapshotStore();
  for (const snapshot of options.snapshots ?? []) snapshots.add(snapshot);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const state = new EmulatorState(`http://${urlHost(host)}:${port}`, jobDurationMs, providers);
  if (maxBodyBytes !== undefined) state.maxBodyBytes = maxBodyBytes;
  for (const snapshot of [...(options.referenceSnapshots === false ? [] : referenceSnapshots()), ...(options.snapshots ?? [])]) state.snapshots.add(snapshot);
  if (controlToken !== undefined) state.controlToken = controlToken;
  // Each provider's routes are built on the first request under its prefix (its handlers load then).
  const built = new Map<string, ProviderDef>([createFilesProvider(state.files), createControlProvider(state)].map((def) => [def.prefix[0], def]));
  const providerFor = (segment: string | undefined): ProviderDef | undefined => {
    if (segment === undefined) return undefined;
    const ready = built.get(segment);
    if (ready) return ready;
    const module = providers.find((m) => m.prefix[0] === segment);
    if (!module) return undefined;
    const def = { ...module.create(state), ...(module.retryAfterMs ? { retryAfterMs: true } : {}) };
    if (def.prefix.join('/') !== module.prefix.join('/'))
      throw new Error(`emulator: ${module.id} serves /${def.prefix.join('/')}, its module says /${module.prefix.join('/')}`);
    built.set(segment, def);
    return def;
  };
  if (Object.keys(upstreams).length > 0) state.proxy = { upstreams, ...(options.recordTo ? { recordTo: options.recordTo } : {}) };
  const replay = options.replay ? new ReplayServer(options.replay, state.url, apis) : undefined;
  const proxy =
    Object.keys(upstreams).length > 0
      ? new UpstreamProxy(upstreams, apis, state.url, state.lifetime, options.upstreamTimeoutMs, options.recordTo, options.log)
      : undefined;
  server.on('request', (req, res) => {
    dispatch(req, res, state, providerFor, options.log, replay, proxy).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      options.log?.(`emulator: request failed: ${message}`);
      // An answer says what went wrong; only a connection that can no longer carry one is cut.
      if (res.headersSent || !res.socket || res.socket.destroyed) return void res.destroy();
      try {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `Emulator error: ${message}` }));
      } catch {
        res.destroy();
      }
    });
  });
  options.log?.(`emulator listening on ${state.url}`);

  let stopping: Promise<void> | undefined;
  return {
    url: state.url,
    baseUrls: state.baseUrls,
    ...state.namedBaseUrls,
    ...(controlToken !== undefined ? { controlToken } : {}),
    get requests() {
      return state.recorder.all;
    },
    requestsFor: (provider) => state.recorder.for(provider),
    nextRequest: ({ provider, operation }, timeoutMs = 10_000) =>
      state.recorder.next(
        (r) => r.provider === provider && (operation === undefined || r.operation === operation),
        timeoutMs,
        `${provider}${operation ? ` ${operation}` : ''} request`,
      ),
    advanceClock: (ms) => state.lifetime.advance(ms),
    unservedReplay: () => replay?.unserved() ?? [],
    clearRequests: () => state.recorder.clear(),
    injectFault: (fault) => void state.faults.add(fault),
    clearFaults: (testId) => state.faults.clear(testId),
    setJobDurationMs(ms, testId) {
      state.setJobDuration(ms === null ? null : parseJobDuration(ms), testId);
    },
    addSnapshots(...snapshots) {
      for (const snapshot of snapshots) state.snapshots.add(snapshot);
    },
    registerModel(registration) {
      state.register(registration);
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        state.lifetime.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
