/**
 * Guards in front of every /api route: Host allow-list on every request; on mutating requests a
 * JSON content type, an allowed Origin and a same-origin Sec-Fetch-Site (CSRF), and a body limit.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiHttpError } from '../errors';
import type { AppEnv } from '../hono-env';
import type { HostPolicy } from './allowed-hosts';

/** Largest request body accepted (the biggest legitimate one is a few hundred bytes). */
export const MAX_BODY_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Host a request was sent to: the header, else the URL (in-process `app.request`). */
function requestHost(req: Request): string {
  return req.headers.get('host') ?? new URL(req.url).host;
}

export function hostGuard(policy: HostPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const host = requestHost(c.req.raw);
    if (!policy.hostAllowed(host)) {
      throw new ApiHttpError(
        403,
        'ForbiddenHost',
        `This console does not answer to the host name "${host.slice(0, 100)}".`,
      );
    }
    await next();
  };
}

export function csrfGuard(policy: HostPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const contentType = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(?:;|$)/i.test(contentType)) {
      throw new ApiHttpError(
        415,
        'UnsupportedMediaType',
        'Send the request body as application/json.',
      );
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !policy.originAllowed(origin)) {
      throw new ApiHttpError(
        403,
        'ForbiddenOrigin',
        'This request came from another site and was refused.',
      );
    }
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new ApiHttpError(
        403,
        'ForbiddenOrigin',
        'This request came from another site and was refused.',
      );
    }
    await next();
  };
}

export function apiBodyLimit(maxSize = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiHttpError(
        413,
        'PayloadTooLarge',
        `The request body is larger than ${maxSize / 1024} KiB.`,
      );
    },
  });
}
