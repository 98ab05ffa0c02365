import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProviderFetch } from './http';
import { EMULATOR_HEADER, ReachWitness } from './reach';

/** A loopback server that marks its answers as the emulator's on paths under /emulator only. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/reset') return req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/json', ...(req.url?.startsWith('/emulator') ? { [EMULATOR_HEADER]: '1' } : {}) });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const fetchVia = () => createProviderFetch({ provider: 'replicate', retry: { maxAttempts: 1 } });

describe('where a generation went (money is real unless proven free)', () => {
  it('is the emulator only when every answer carries its mark', async () => {
    const witness = new ReachWitness();
    await witness.run(async () => {
      await fetchVia()(`${base}/emulator/a`);
      await fetchVia()(`${base}/emulator/b`);
    });
    expect(witness.reach()).toBe('emulator');
  });

  it('is live as soon as one answer is unmarked, whatever the host (loopback too)', async () => {
    const witness = new ReachWitness();
    await witness.run(async () => {
      await fetchVia()(`${base}/emulator/a`);
      await fetchVia()(`${base}/gateway`);
    });
    expect(witness.reach()).toBe('live');
    expect(witness.hostList()).toEqual([new URL(base).host]);
  });

  it('is live when a request got no answer: it may have reached a provider', async () => {
    const witness = new ReachWitness();
    await witness.run(() => fetchVia()(`${base}/reset`, { method: 'POST' }).catch(() => undefined));
    expect(witness.reach()).toBe('live');
  });

  it('counts only requests that can reach a server: a data: URL an SDK probes its fetch with is none', async () => {
    const witness = new ReachWitness();
    await witness.run(async () => {
      await fetchVia()('data:,probe').catch(() => undefined);
      await fetchVia()(`${base}/emulator/a`);
    });
    expect(witness.reach()).toBe('emulator');
  });

  it('is none when nothing was sent, and counts only the work it runs', async () => {
    const witness = new ReachWitness();
    await fetchVia()(`${base}/gateway`);
    await witness.run(async () => undefined);
    expect(witness.reach()).toBe('none');
  });
});
