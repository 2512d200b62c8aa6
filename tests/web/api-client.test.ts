/** The typed client against the real in-process proxy, and against a port nobody listens on. */
import { createServer } from 'node:net';
import { http, HttpResponse } from 'msw';
import {
  ApiError,
  NETWORK_ERROR_CODE,
  apiClient,
  createApiClient,
  read,
  withSignal,
} from '../../src/web/lib/api-client';
import { stackPerTest } from './render-app';

/** A local port that was free a moment ago and is closed now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  return address.port;
}

async function failure(pending: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await pending.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('The typed API client, on the proxy', () => {
  const stack = stackPerTest();

  it('answers the typed body of a route', async () => {
    const session = await read(apiClient().session.$get());
    expect(session).toEqual({
      mode: 'emulator',
      ruleLimit: stack().config.ruleLimit,
      batchSize: stack().config.batchSize,
      loginRequired: false,
    });
  });

  it("turns the proxy's error body into an ApiError with code, status and request ID", async () => {
    const error = await failure(
      read(apiClient().restores[':id'].$get({ param: { id: 'rst-unknown00' } })),
    );
    expect(error.code).toBe('RestoreNotFound');
    expect(error.status).toBe(404);
    expect(error.message).toBe('There is no restore rst-unknown00.');
    expect(error.details).toEqual({ field: 'id' });
  });

  it('sends an empty POST as JSON, which the proxy requires', async () => {
    // The proxy answers 415 to a POST that is not JSON, even one without a body.
    const session = await read(apiClient().logout.$post());
    expect(typeof session.loginRequired).toBe('boolean');
  });

  it('names the HTTP status when an error answer is not JSON', async () => {
    stack().msw.use(
      http.get(
        `${window.location.origin}/api/session`,
        () => new HttpResponse('<html>Bad Gateway</html>', { status: 502 }),
        { once: true },
      ),
    );
    const error = await failure(read(apiClient().session.$get()));
    expect(error.code).toBe('HTTP502');
    expect(error.status).toBe(502);
    expect(error.message).toBe('The console server answered with HTTP 502.');
  });

  it('leaves an aborted call an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const error: unknown = await apiClient()
      .session.$get(undefined, withSignal(controller.signal))
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toHaveProperty('name', 'AbortError');
  });
});

describe('The typed API client, without a server', () => {
  it('raises a NetworkError with status 0 when nothing listens', async () => {
    const client = createApiClient(`http://127.0.0.1:${await closedPort()}`);
    const error = await failure(read(client.session.$get()));
    expect(error.code).toBe(NETWORK_ERROR_CODE);
    expect(error.status).toBe(0);
  });
});
