import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EcsEmulator } from './emulator';
import { toEmulatorRequest } from './wire-request';

/** Large enough for a 100-permission Authorize, whose parameters all travel in the URL. */
const MAX_HEADER_BYTES = 256 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A plain HTTP server on loopback speaking the ECS wire format, so any ECS client pointed at it
 * (the SDK with `endpoint: '127.0.0.1:9100'` and `protocol: 'http'`) talks to the emulator.
 */
export async function startEmulatorHttpServer(
  emulator: EcsEmulator,
  opts: { host?: string; port?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
      };
      const answer = await emulator.handle(toEmulatorRequest(url, header, await readBody(req)));
      if (answer.drop) {
        req.socket.destroy();
        return;
      }
      const text = answer.raw ?? JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        'content-type': answer.raw === undefined ? 'application/json;charset=utf-8' : 'text/html',
        ...answer.headers,
      });
      res.end(text);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Code: 'InternalError', Message: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 9100, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
