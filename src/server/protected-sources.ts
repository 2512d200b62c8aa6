/**
 * Protected sources (SPEC.md section 11): addresses operators must never lock themselves out of.
 * They come from the PROTECTED_SOURCES setting (read-only in the console) and from the list
 * edited in the console (kept in the journal database). A restore whose traffic effect blocks
 * one of them on traffic the source allows today needs the group's name typed to start.
 */
import {
  labelProblem,
  MAX_PROTECTED_SOURCES,
  protectedCidr,
} from '../domain/protected-source-rules';
import type { TrafficEffect, TrafficStatement } from '../domain/traffic-effect';
import type { Config } from './config';
import type { Journal } from './journal/journal';
import { statementTouchesCidr } from '../domain/traffic-statement';
import { addressFamily } from '../domain/ip';
import { EcsError, type EcsPort } from '../ecs/ecs-port';

export interface ProtectedSource {
  label: string;
  /** Canonical CIDR (a bare address becomes /32 or /128). */
  cidr: string;
}

/**
 * Parses PROTECTED_SOURCES: `label=cidr` entries separated by commas, e.g.
 * `office=203.0.113.0/24,vpn=198.51.100.7/32`. Throws with the entry at fault.
 */
export function parseProtectedSources(raw: string): ProtectedSource[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length > MAX_PROTECTED_SOURCES) {
    throw new Error(`must list at most ${MAX_PROTECTED_SOURCES} entries`);
  }
  return entries.map((entry, index) => {
    const equals = entry.indexOf('=');
    const label = equals < 0 ? '' : entry.slice(0, equals).trim();
    const cidr = protectedCidr(equals < 0 ? entry : entry.slice(equals + 1));
    const problem = equals < 0 ? 'must be label=CIDR' : labelProblem(label);
    if (problem !== null) throw new Error(`entry ${index + 1} (${entry.slice(0, 60)}): ${problem}`);
    if (cidr === null) {
      throw new Error(`entry ${index + 1} (${entry.slice(0, 60)}): is not an IP address or CIDR`);
    }
    return { label, cidr };
  });
}

export interface ProtectedBlocked {
  label: string;
  cidr: string;
  /** The ingress statements that block traffic from it that is allowed today. */
  statements: TrafficStatement[];
}

/** The entries' CIDRs of prefix lists, by ID; a list absent here could not be read. */
export type PrefixListCidrs = Readonly<Record<string, readonly string[]>>;

function blockingStatements(traffic: TrafficEffect): TrafficStatement[] {
  return traffic.ingress.statements.filter((s) => s.from === 'allowed' && s.to === 'blocked');
}

/** The prefix lists whose members lose inbound traffic they have today: the ones to read. */
export function blockedPrefixLists(traffic: TrafficEffect): string[] {
  const ids = blockingStatements(traffic).flatMap((s) =>
    s.peer.kind === 'prefixList' ? [s.peer.prefixListId] : [],
  );
  return [...new Set(ids)];
}

/**
 * True when `statement` blocks some traffic from `cidr`. A prefix-list statement is about the
 * list's members, so it does when one of the list's entries overlaps `cidr` — and, like
 * instances that could not be read, when the list could not be read.
 */
function blocksSource(
  statement: TrafficStatement,
  cidr: string,
  prefixLists: PrefixListCidrs,
): boolean {
  const { peer } = statement;
  if (peer.kind === 'cidrs') return statementTouchesCidr(statement, cidr);
  if (peer.kind !== 'prefixList') return false;
  const entries = prefixLists[peer.prefixListId];
  if (entries === undefined) return true;
  return entries.some((entry) => {
    const family = addressFamily(entry);
    const asCidrs = { kind: 'cidrs' as const, family, include: [entry], except: [] };
    return statementTouchesCidr({ ...statement, peer: asCidrs }, cidr);
  });
}

/**
 * The entries of `ids`, read together; a list ECS does not answer for is left out (and then
 * counts as holding every protected source).
 */
export async function readPrefixListCidrs(
  ecs: Pick<EcsPort, 'describePrefixList'>,
  regionId: string,
  ids: readonly string[],
): Promise<PrefixListCidrs> {
  const lists = await Promise.all(
    ids.map((id) =>
      ecs.describePrefixList(regionId, id).catch((error: unknown) => {
        if (error instanceof EcsError) return null;
        throw error;
      }),
    ),
  );
  const cidrs: Record<string, readonly string[]> = {};
  lists.forEach((list, i) => {
    if (list) cidrs[ids[i] as string] = list.cidrs;
  });
  return cidrs;
}

/**
 * The protected sources the restore would block on some traffic they can reach today, by an
 * address rule or by a rule naming a prefix list that holds them (`prefixLists`).
 */
export function protectedBlocked(
  traffic: TrafficEffect,
  sources: readonly ProtectedSource[],
  prefixLists: PrefixListCidrs = {},
): ProtectedBlocked[] {
  const blocking = blockingStatements(traffic);
  const found: ProtectedBlocked[] = [];
  for (const source of sources) {
    const statements = blocking.filter((s) => blocksSource(s, source.cidr, prefixLists));
    if (statements.length > 0) found.push({ ...source, statements });
  }
  return found;
}

/** The preview's impact settings: ENI_RULE_LIMIT, and the setting's sources then the console's. */
export function impactSettings(
  config: Pick<Config, 'eniRuleLimit' | 'protectedSources'>,
  journal: Pick<Journal, 'protectedSources'>,
): { eniRuleLimit: number; protectedSources(): ProtectedSource[] } {
  return {
    eniRuleLimit: config.eniRuleLimit,
    protectedSources: () => [...config.protectedSources, ...journal.protectedSources()],
  };
}
