/**
 * Memory: once a call's answer is read, nothing of its HTTP exchange stays reachable. The SDK's
 * HTTP layer used to keep each request (socket, ClientRequest, response) alive for the whole
 * read timeout through a pending timer; here the timeout is long (60 s) so any such hold shows.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { groupId, makePort, REGION, useEmulator } from './harness';

useEmulator();

/** The engine's collector, reachable without starting Node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SDK adapter memory', () => {
  it('lets every request of a read be collected as soon as the answer is in', async () => {
    const { port } = makePort({ timeoutMs: 60_000 });
    const id = await groupId(port, 'web-prod');
    const requests: WeakRef<ClientRequest>[] = [];
    const track = (message: unknown) => {
      requests.push(new WeakRef((message as { request: ClientRequest }).request));
    };
    diagnosticsChannel.subscribe('http.client.request.start', track);
    try {
      for (let i = 0; i < 20; i++) await port.describeGroup(REGION, id);
    } finally {
      diagnosticsChannel.unsubscribe('http.client.request.start', track);
    }
    expect(requests.length).toBeGreaterThanOrEqual(20);

    const gc = collector();
    // WeakRefs are only cleared between jobs: let the sockets' close events run, collect, look.
    await nextTurn();
    await nextTurn();
    gc();
    await nextTurn();
    const alive = requests.filter((ref) => ref.deref() !== undefined);
    expect(alive).toHaveLength(0);
  });
});
