/**
 * Rule normalization (SPEC.md section 4): turns loosely typed rule data into a canonical `Rule`
 * so that two spellings of the same rule compare equal and the preview never shows a change
 * that is not one.
 */
import { IDENTITY_FIELDS } from './identity-fields';
import { addressFamily, canonicalCidr } from './ip';
import type { Direction, NicType, Peer, Policy, Protocol, Rule, RuleInput } from './types';

/** A rule field that cannot be normalized; the message names the field and the bad value. */
export class RuleParseError extends Error {
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, problem: string) {
    super(`${field} ${describeValue(value)} ${problem}`);
    this.name = 'RuleParseError';
    this.field = field;
    this.value = value;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export interface NormalizeContext {
  /** The rule belongs to a VPC group (NIC type is then always intranet). */
  vpc: boolean;
}

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'];
const PORTLESS: ReadonlySet<Protocol> = new Set(['icmp', 'icmpv6', 'gre', 'all']);
const ANY_PORT = '-1/-1';
const PORT = /^[0-9]{1,5}$/;
/** Cloud resource IDs and account numbers: no spaces or separators, so identity keys stay unambiguous. */
const RESOURCE_ID = /^[A-Za-z0-9_.:-]+$/;

/** '' and undefined are the same; surrounding blanks of structured fields carry no meaning. */
function text(value: string | undefined): string {
  return value === undefined ? '' : value.trim();
}

function parseDirection(value: string): Direction {
  const lower = text(value).toLowerCase();
  if (lower === 'ingress' || lower === 'egress') return lower;
  throw new RuleParseError('direction', value, 'is not a direction (ingress or egress)');
}

function parsePolicy(value: string | undefined): Policy {
  const lower = text(value).toLowerCase();
  if (lower === '') return 'accept';
  if (lower === 'accept' || lower === 'drop') return lower;
  throw new RuleParseError('policy', value, 'is not a policy (accept or drop)');
}

function parseProtocol(value: string): Protocol {
  const lower = text(value).toLowerCase();
  const found = PROTOCOLS.find((protocol) => protocol === lower);
  if (found) return found;
  throw new RuleParseError(
    'protocol',
    value,
    `is not a supported protocol (${PROTOCOLS.join(', ')})`,
  );
}

/** "22" → "22/22"; "from/to" with 1 <= from <= to <= 65535; null when malformed. */
function canonicalPortRange(value: string): string | null {
  const parts = value.split('/');
  if (parts.length > 2) return null;
  const [fromText = '', toText = fromText] = parts;
  if (!PORT.test(fromText) || !PORT.test(toText)) return null;
  const from = Number(fromText);
  const to = Number(toText);
  if (from < 1 || to > 65535 || from > to) return null;
  return `${from}/${to}`;
}

function parsePortRange(
  value: string | undefined,
  protocol: Protocol,
  portRangeListId: string,
): string {
  if (PORTLESS.has(protocol)) return ANY_PORT;
  // With a port-range list the list carries the ports and ECS ignores the range (it reports
  // -1/-1 or ''): the range is always -1/-1 then, so the list, not the port text, is identity.
  if (portRangeListId !== '') return ANY_PORT;
  const trimmed = text(value);
  const canonical = canonicalPortRange(trimmed);
  if (canonical === null) {
    throw new RuleParseError(
      'portRange',
      value,
      'is not a valid port range (from/to within 1..65535)',
    );
  }
  return canonical;
}

function parseSourcePortRange(value: string | undefined, protocol: Protocol): string {
  const trimmed = text(value);
  // Only TCP/UDP have source ports; "-1/-1" means unrestricted, the same as absent.
  if (PORTLESS.has(protocol) || trimmed === '' || trimmed === ANY_PORT) return '';
  const canonical = canonicalPortRange(trimmed);
  if (canonical === null) {
    throw new RuleParseError(
      'sourcePortRange',
      value,
      'is not a valid port range (from/to within 1..65535)',
    );
  }
  return canonical;
}

function parseCidrField(field: string, value: string, family: 4 | 6): string {
  const canonical = canonicalCidr(value, family);
  if (canonical === null) {
    throw new RuleParseError(field, value, `is not a valid IPv${family} CIDR`);
  }
  return canonical;
}

function parseResourceId(field: string, value: string | undefined): string {
  const trimmed = text(value);
  if (trimmed !== '' && !RESOURCE_ID.test(trimmed)) {
    throw new RuleParseError(field, value, 'is not a valid ID');
  }
  return trimmed;
}

function parsePeer(input: RuleInput): Peer {
  const cidr = text(input.cidr);
  const ipv6Cidr = text(input.ipv6Cidr);
  const groupId = parseResourceId('groupId', input.groupId);
  const prefixListId = parseResourceId('prefixListId', input.prefixListId);
  const given = [cidr, ipv6Cidr, groupId, prefixListId].filter((value) => value !== '').length;
  if (given !== 1) {
    const peers = {
      cidr: input.cidr,
      ipv6Cidr: input.ipv6Cidr,
      groupId: input.groupId,
      prefixListId: input.prefixListId,
    };
    const problem =
      given === 0
        ? 'is missing: give one of cidr, ipv6Cidr, groupId, prefixListId'
        : 'must be exactly one of cidr, ipv6Cidr, groupId, prefixListId';
    throw new RuleParseError('peer', given === 0 ? undefined : peers, problem);
  }
  if (cidr !== '') return { kind: 'cidr', cidr: parseCidrField('cidr', cidr, 4) };
  if (ipv6Cidr !== '') return { kind: 'ipv6', cidr: parseCidrField('ipv6Cidr', ipv6Cidr, 6) };
  if (groupId !== '') {
    return {
      kind: 'group',
      groupId,
      ownerAccount: parseResourceId('groupOwnerAccount', input.groupOwnerAccount),
    };
  }
  return { kind: 'prefixList', prefixListId };
}

function parseLocalCidr(value: string | undefined): string {
  const trimmed = text(value);
  if (trimmed === '') return '';
  return parseCidrField('localCidr', trimmed, addressFamily(trimmed));
}

function parsePriority(value: string | number | undefined): number {
  if (value === undefined || value === '') return 1;
  const number =
    typeof value === 'number'
      ? value
      : /^[0-9]{1,3}$/.test(value.trim())
        ? Number(value.trim())
        : NaN;
  if (Number.isInteger(number) && ((number >= 1 && number <= 100) || number === 110)) return number;
  throw new RuleParseError(
    'priority',
    value,
    'is not a valid priority (an integer 1..100, or 110)',
  );
}

function parseNicType(value: string | undefined, peer: Peer, ctx: NormalizeContext): NicType {
  const lower = text(value).toLowerCase();
  if (lower !== '' && lower !== 'internet' && lower !== 'intranet') {
    throw new RuleParseError('nicType', value, 'is not a NIC type (internet or intranet)');
  }
  // VPC groups only have intranet NICs; in classic networks group references are intranet-only.
  if (ctx.vpc || peer.kind === 'group') return 'intranet';
  return lower === 'intranet' ? 'intranet' : 'internet';
}

/**
 * Normalizes rule data per SPEC.md section 4.
 * @throws RuleParseError naming the first field that cannot be normalized.
 */
export function normalizeRule(input: RuleInput, ctx: NormalizeContext): Rule {
  const direction = parseDirection(input.direction);
  const policy = parsePolicy(input.policy);
  const protocol = parseProtocol(input.protocol);
  const portRangeListId = parseResourceId('portRangeListId', input.portRangeListId);
  const portRange = parsePortRange(input.portRange, protocol, portRangeListId);
  const sourcePortRange = parseSourcePortRange(input.sourcePortRange, protocol);
  const peer = parsePeer(input);
  const localCidr = parseLocalCidr(input.localCidr);
  const nicType = parseNicType(input.nicType, peer, ctx);
  const priority = parsePriority(input.priority);
  return {
    direction,
    policy,
    protocol,
    portRange,
    sourcePortRange,
    peer,
    localCidr,
    portRangeListId,
    nicType,
    priority,
    description: input.description ?? '',
    meta: { ...input.meta },
  };
}

function peerKey(peer: Peer): string {
  switch (peer.kind) {
    case 'cidr':
      return `cidr:${peer.cidr}`;
    case 'ipv6':
      return `ipv6:${peer.cidr}`;
    case 'group':
      return `group:${peer.groupId}@${peer.ownerAccount}`;
    case 'prefixList':
      return `pl:${peer.prefixListId}`;
  }
}

/**
 * The identity key of a normalized rule: its `IDENTITY_FIELDS` (every field except priority,
 * description and meta). Two rules with the same key are the same ECS rule (SPEC.md section 4).
 */
export function ruleIdentity(rule: Rule): string {
  return IDENTITY_FIELDS.map((field) => (field === 'peer' ? peerKey(rule.peer) : rule[field])).join(
    '|',
  );
}

/** Converts a normalized rule back to input form; `normalizeRule(ruleToInput(r))` equals `r`. */
export function ruleToInput(rule: Rule): RuleInput {
  const input: RuleInput = {
    direction: rule.direction,
    policy: rule.policy,
    protocol: rule.protocol,
    portRange: rule.portRange,
    sourcePortRange: rule.sourcePortRange,
    localCidr: rule.localCidr,
    portRangeListId: rule.portRangeListId,
    nicType: rule.nicType,
    priority: rule.priority,
    description: rule.description,
    meta: { ...rule.meta },
  };
  const peer = rule.peer;
  if (peer.kind === 'cidr') input.cidr = peer.cidr;
  else if (peer.kind === 'ipv6') input.ipv6Cidr = peer.cidr;
  else if (peer.kind === 'group') {
    input.groupId = peer.groupId;
    input.groupOwnerAccount = peer.ownerAccount;
  } else input.prefixListId = peer.prefixListId;
  return input;
}
