/**
 * SDK client construction: one `@alicloud/ecs20140526` client per region, with an optional
 * endpoint override (`ECS_ENDPOINT`: VPC endpoints, or an emulator over plain HTTP).
 */
import EcsModule from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { Credential } from './credentials';
import { releaseSdkReadTimers } from './response-timers';

type EcsClientClass = typeof EcsModule;
export type EcsSdkClient = InstanceType<EcsClientClass>;

/**
 * Under Node's ESM loader the default import of this CommonJS package is its `module.exports`
 * (the client class is at `.default`); under a bundler it is the class itself. Accept both.
 */
const EcsClient: EcsClientClass =
  typeof EcsModule === 'function'
    ? EcsModule
    : (EcsModule as unknown as { default: EcsClientClass }).default;

export interface EndpointOverride {
  /** host[:port], as the SDK's Config.endpoint wants it. */
  host: string;
  protocol: 'http' | 'https';
}

/**
 * Parses the ECS_ENDPOINT setting: `http://127.0.0.1:9100`, `https://ecs-vpc.cn-hangzhou.aliyuncs.com`
 * or a bare host (HTTPS). The SDK always posts to `/`, so a path, query or credentials are refused.
 */
export function parseEndpointSetting(value: string): EndpointOverride {
  const trimmed = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`ECS_ENDPOINT "${value}" is not a URL or host name.`);
  }
  const protocol = url.protocol.replace(/:$/, '');
  if (protocol !== 'http' && protocol !== 'https') {
    throw new Error(`ECS_ENDPOINT "${value}" must use http or https.`);
  }
  if (
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw new Error(`ECS_ENDPOINT "${value}" must be a scheme and host[:port] only.`);
  }
  return { host: url.host, protocol };
}

export interface ClientFactoryOptions {
  credential: Credential;
  endpoint?: EndpointOverride;
  /** Connect and read timeout of each HTTP request. */
  timeoutMs: number;
}

/** Returns a per-region client getter that builds each region's client once. */
export function createClientCache(
  options: ClientFactoryOptions,
): (regionId: string) => EcsSdkClient {
  releaseSdkReadTimers();
  const clients = new Map<string, EcsSdkClient>();
  return (regionId) => {
    let client = clients.get(regionId);
    if (!client) {
      const config = new $OpenApiUtil.Config({
        regionId,
        credential: options.credential,
        // Timeouts on the Config apply to every call: the SDK falls back to them when the
        // per-call RuntimeOptions (built by the SDK's convenience methods) leave them unset.
        readTimeout: options.timeoutMs,
        connectTimeout: options.timeoutMs,
        ...(options.endpoint
          ? { endpoint: options.endpoint.host, protocol: options.endpoint.protocol }
          : {}),
      });
      client = new EcsClient(config);
      clients.set(regionId, client);
    }
    return client;
  };
}
