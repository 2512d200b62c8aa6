/**
 * Which Host and Origin values this server answers to. Checking Host defeats DNS rebinding (a
 * hostile name resolving to 127.0.0.1 still sends its own name); checking Origin defeats CSRF.
 */
import type { Config } from '../config';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

export interface HostPolicy {
  hostAllowed(host: string): boolean;
  originAllowed(origin: string): boolean;
}

function splitHost(host: string): { name: string; port: string } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  return match === null ? { name: '', port: '' } : { name: match[1] ?? '', port: match[2] ?? '' };
}

/** Loopback names with the configured port (or none), plus ALLOWED_HOSTS (any port unless given). */
export function createHostPolicy(
  config: Pick<Config, 'host' | 'port' | 'allowedHosts'>,
): HostPolicy {
  const port = String(config.port);
  const extra = config.allowedHosts.map(splitHost);
  // A specific bind address is a name clients use; a wildcard (0.0.0.0, ::) is not.
  if (!WILDCARDS.has(config.host)) {
    const bound =
      config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
    extra.push({ name: bound.toLowerCase(), port });
  }
  const hostAllowed = (host: string) => {
    const { name, port: given } = splitHost(host);
    if (name === '') return false;
    if (LOOPBACK_NAMES.includes(name)) return given === '' || given === port;
    return extra.some(
      (allowed) => allowed.name === name && (allowed.port === '' || allowed.port === given),
    );
  };
  return {
    hostAllowed,
    originAllowed(origin) {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
      if (url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false;
      return hostAllowed(url.host);
    },
  };
}
