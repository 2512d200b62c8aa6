/**
 * One imported Permission (ECS field names, as our exports and the ECS console's carry them) to a
 * normalized rule, or the errors that name its ECS fields. Shared by the JSON and CSV readers so
 * an imported rule means exactly what the same Permission read from ECS means.
 */
import { normalizeRule, RuleParseError } from '../../domain/normalize';
import type { Rule } from '../../domain/types';
import { permissionToRuleInput } from '../../ecs/mapping';
import { wirePermissionSchema } from '../../ecs/wire';

/** Where a problem is, as the file shows it: a CSV line or a JSON pointer. */
export type ImportPlace = { line: number } | { pointer: string };

export interface ImportProblem {
  place: ImportPlace | null;
  field?: string;
  /** What is wrong, without the place: "'80/70' is not a valid port range". */
  problem: string;
}

/** The sentence of a problem, naming its place and field first. */
export function problemMessage(p: ImportProblem): string {
  const where =
    p.place === null
      ? 'file'
      : 'line' in p.place
        ? `line ${p.place.line}`
        : `entry ${p.place.pointer}`;
  return p.field === undefined
    ? `${where}: ${p.problem}`
    : `${where}, field ${p.field}: ${p.problem}`;
}

/** The ECS field a normalization field is read from, in the rule's direction. */
function ecsField(field: string, egress: boolean, raw: Record<string, string>): string {
  const peerSide = egress ? 'Dest' : 'Source';
  const localSide = egress ? 'Source' : 'Dest';
  switch (field) {
    case 'direction':
      return 'Direction';
    case 'policy':
      return 'Policy';
    case 'protocol':
      return 'IpProtocol';
    case 'portRange':
      return 'PortRange';
    case 'sourcePortRange':
      return 'SourcePortRange';
    case 'portRangeListId':
      return 'PortRangeListId';
    case 'cidr':
      return `${peerSide}CidrIp`;
    case 'ipv6Cidr':
      return `Ipv6${peerSide}CidrIp`;
    case 'groupId':
      return `${peerSide}GroupId`;
    case 'groupOwnerAccount':
      return `${peerSide}GroupOwnerAccount`;
    case 'prefixListId':
      return `${peerSide}PrefixListId`;
    case 'localCidr':
      return raw[`${localSide}CidrIp`] ? `${localSide}CidrIp` : `Ipv6${localSide}CidrIp`;
    case 'priority':
      return 'Priority';
    case 'nicType':
      return 'NicType';
    default:
      return `${peerSide}CidrIp / Ipv6${peerSide}CidrIp / ${peerSide}GroupId / ${peerSide}PrefixListId`;
  }
}

/**
 * The rule `fields` describe, or its problem. Meta (rule IDs, names, times) is not imported: it
 * belongs to the group the file came from, not to the rules restored from it.
 */
export function importPermission(
  fields: Record<string, unknown>,
  place: ImportPlace,
  ctx: { vpc: boolean },
): { rule: Rule } | { problem: ImportProblem } {
  const parsed = wirePermissionSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    return { problem: { place, field, problem: 'is not a text or a number' } };
  }
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data)) raw[key] = String(value);
  const egress = parsed.data.Direction.toLowerCase() === 'egress';
  if (parsed.data.Direction === '') {
    return { problem: { place, field: 'Direction', problem: 'is missing (ingress or egress)' } };
  }
  try {
    const input = permissionToRuleInput(parsed.data);
    return { rule: normalizeRule({ ...input, meta: {} }, ctx) };
  } catch (error) {
    if (!(error instanceof RuleParseError)) throw error;
    const problem = error.message.startsWith(`${error.field} `)
      ? error.message.slice(error.field.length + 1)
      : error.message;
    return { problem: { place, field: ecsField(error.field, egress, raw), problem } };
  }
}
