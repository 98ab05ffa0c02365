import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback hop in front of `target` (the emulator's Kie API) that asks a task-details endpoint
 * (the market's `recordInfo`, a dedicated API's `record-info`) about `otherTaskId` whatever task
 * was asked for: real answers, but about someone else's task.
 */
export async function withMixedUpRecord(target: string, otherTaskId: string, run: (baseUrl: string) => Promise<void>): Promise<void> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = (req.url ?? '').replace(/((?:recordInfo|record-info)\?taskId=)[^&]+/, `$1${otherTaskId}`);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const headers = { authorization: String(req.headers.authorization), 'content-type': String(req.headers['content-type'] ?? 'application/json') };
      const answer = await fetch(`${target}${path}`, { method: req.method, headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
