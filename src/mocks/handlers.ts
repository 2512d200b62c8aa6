import { http, HttpResponse, type HttpHandler } from 'msw';
import type { EcsEmulator, EmulatorResponse } from './emulator';
import { toEmulatorRequest } from './wire-request';

/** POST to the root of any *.aliyuncs.com host, http or https, any port. */
const ALIYUN_ENDPOINT = /^https?:\/\/([^/?#]+\.)?aliyuncs\.com(:\d+)?\/$/;

function toHttpResponse(answer: EmulatorResponse): Response {
  if (answer.drop) return HttpResponse.error();
  if (answer.raw !== undefined) {
    return new HttpResponse(answer.raw, {
      status: answer.status,
      headers: { 'content-type': 'text/html', ...answer.headers },
    });
  }
  return HttpResponse.json(answer.body as Record<string, unknown>, {
    status: answer.status,
    headers: answer.headers ?? {},
  });
}

/**
 * msw handlers serving the emulator on every `*.aliyuncs.com` endpoint, plus `extraOrigins`
 * (e.g. `http://ecs.emulator.local`) for clients configured with another endpoint.
 */
export function ecsHandlers(
  emulator: EcsEmulator,
  opts: { extraOrigins?: string[] } = {},
): HttpHandler[] {
  const resolver = async ({ request }: { request: Request }) => {
    const body = request.method === 'POST' ? await request.text() : '';
    const answer = await emulator.handle(
      toEmulatorRequest(new URL(request.url), (name) => request.headers.get(name), body),
    );
    return toHttpResponse(answer);
  };
  return [
    http.post(ALIYUN_ENDPOINT, resolver),
    ...(opts.extraOrigins ?? []).map((origin) =>
      http.post(`${origin.replace(/\/$/, '')}/`, resolver),
    ),
  ];
}
