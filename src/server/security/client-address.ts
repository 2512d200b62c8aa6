/**
 * Who sent a request: the socket's peer, or, when that peer is one of TRUSTED_PROXIES, what the
 * proxy says in X-Forwarded-For / X-Forwarded-Proto. Headers from anyone else are ignored, so a
 * client cannot pick its own address (and escape the login throttle) or fake HTTPS.
 */
import net from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { TrustedProxy } from '../config';
import type { AppEnv } from '../hono-env';

export interface ClientInfo {
  /** The client's address ('unknown' for in-process requests that have no socket). */
  address: string;
  /** True when the browser reached us over HTTPS (directly or through a trusted proxy). */
  https: boolean;
  /** True when the socket's peer is one of TRUSTED_PROXIES (its headers are believed). */
  viaTrustedProxy: boolean;
}

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is the IPv4 address it carries. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // `app.request` in tests and Vite's dev middleware may carry no Node socket.
    return undefined;
  }
}

/** Returns a function that tells, for each request, the client's address and scheme. */
export function createClientInfo(proxies: readonly TrustedProxy[]) {
  // net.BlockList is Node's own address/CIDR matcher (IPv4 and IPv6): no parsing of our own.
  const trusted = new net.BlockList();
  for (const p of proxies) trusted.addSubnet(p.address, p.prefix, p.family);
  const isTrusted = (address: string) => {
    const family = net.isIP(address);
    return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };

  return (c: Context<AppEnv>): ClientInfo => {
    const peerRaw = socketAddress(c);
    const peer = peerRaw === undefined ? 'unknown' : normalize(peerRaw);
    const directHttps = new URL(c.req.url).protocol === 'https:';
    if (!isTrusted(peer)) return { address: peer, https: directHttps, viaTrustedProxy: false };
    // Walk X-Forwarded-For from the right: the first hop that is not one of our proxies is the
    // client (entries further left were written by the client itself and prove nothing).
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => normalize(h.trim()))
      .filter((h) => h.length > 0);
    let address = peer;
    for (let i = hops.length - 1; i >= 0; i -= 1) {
      address = hops[i]!;
      if (!isTrusted(address)) break;
    }
    // The last value is the one our proxy appended.
    const proto = (c.req.header('x-forwarded-proto') ?? '').split(',').pop()?.trim().toLowerCase();
    return {
      address,
      https: proto === undefined || proto === '' ? directHttps : proto === 'https',
      viaTrustedProxy: true,
    };
  };
}
