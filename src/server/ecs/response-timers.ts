/**
 * Releases the per-request read timer that the SDK's HTTP layer leaves behind.
 *
 * Why this exists: the SDK sends through `httpx.request`, which arms a `readTimeout` timer on the
 * socket when the request gets it, and only `httpx.read` clears it. The SDK reads bodies with its
 * own stream reader instead, so every call's timer stays pending for the whole read timeout
 * (10 s) after the answer has been read. Its closure holds the socket, the `ClientRequest`, the
 * `IncomingMessage` and, under msw, the mock socket with its buffers: at a few hundred calls a
 * second that is hundreds of MB of heap held at any moment, which V8 then keeps as RSS.
 *
 * The timer handle lives on the socket under httpx's private symbol; we find it by its
 * description when the response begins (the socket is this request's alone then) and clear that
 * very handle once the body is read or the response ends otherwise. A later request reusing the
 * keep-alive socket has its own timer, which this never touches. Before the body ends the
 * timer still bounds the read, as httpx intends.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** The description of httpx's (unregistered) symbol for the socket's read timer. */
const HTTPX_READ_TIMER = 'TIMER::READ_TIMER';

interface ResponseFinishMessage {
  request: ClientRequest;
  response: IncomingMessage;
}

function readTimerOf(socket: object | null | undefined): NodeJS.Timeout | undefined {
  if (!socket) return undefined;
  const key = Object.getOwnPropertySymbols(socket).find(
    (symbol) => symbol.description === HTTPX_READ_TIMER,
  );
  if (!key) return undefined;
  const timer = (socket as Record<symbol, unknown>)[key];
  return timer && typeof timer === 'object' ? (timer as NodeJS.Timeout) : undefined;
}

function onResponse(message: unknown): void {
  const { request, response } = message as ResponseFinishMessage;
  const timer = readTimerOf(request.socket ?? response.socket);
  if (!timer) return;
  const release = () => {
    clearTimeout(timer);
    response.off('end', release);
    response.off('close', release);
    response.off('error', release);
  };
  response.once('end', release);
  response.once('close', release);
  response.once('error', release);
}

let installed = false;

/**
 * Subscribes (once per process) to Node's `http.client.response.finish` channel, published when
 * a client response's headers arrive, so every SDK response releases its read timer when read.
 */
export function releaseSdkReadTimers(): void {
  if (installed) return;
  installed = true;
  diagnosticsChannel.subscribe('http.client.response.finish', onResponse);
}
