/**
 * Risk warnings for the restore preview (SPEC.md section 3): exposure to the whole internet,
 * the rule limit forcing removals first, and rules that reference the backup group itself.
 */
import {
  DIRECTIONS,
  type GroupInfo,
  type RestorePlan,
  type RiskWarning,
  type Rule,
  type RuleDiff,
  type WarningKind,
} from './types';

const WORLD = new Set(['0.0.0.0/0', '::/0']);

function portsInclude(rule: Rule, port: number): boolean {
  if (rule.portRange === '-1/-1') return true;
  const [from = 0, to = 0] = rule.portRange.split('/').map(Number);
  return port >= from && port <= to;
}

/** Inbound Accept rules from anywhere: outbound to the world is ordinary, inbound is exposure. */
function opensToWorld(rule: Rule): boolean {
  return (
    rule.direction === 'ingress' &&
    rule.policy === 'accept' &&
    (rule.peer.kind === 'cidr' || rule.peer.kind === 'ipv6') &&
    WORLD.has(rule.peer.cidr)
  );
}

function exposureKind(rule: Rule): WarningKind[] {
  if (!opensToWorld(rule)) return [];
  if (rule.protocol === 'all') return ['open-all-to-world'];
  const kinds: WarningKind[] = [];
  if (rule.protocol === 'tcp' && portsInclude(rule, 22)) kinds.push('open-ssh-to-world');
  if ((rule.protocol === 'tcp' || rule.protocol === 'udp') && portsInclude(rule, 3389))
    kinds.push('open-rdp-to-world');
  return kinds;
}

function referencesGroup(rule: Rule, groupId: string): boolean {
  return rule.peer.kind === 'group' && rule.peer.groupId === groupId;
}

/**
 * Warnings for a previewed restore. Exposure is judged on the resulting rules (`plan.expected`),
 * so restoring an exposure that already exists is still pointed out. Self-references are the
 * destination-derived rules that still point at the destination group (not retargeted).
 */
export function riskWarnings(
  diff: RuleDiff,
  plan: RestorePlan,
  _source: GroupInfo,
  destination: GroupInfo,
): RiskWarning[] {
  const warnings: RiskWarning[] = [];
  const exposures = new Map<WarningKind, Rule[]>();
  for (const rule of plan.expected) {
    for (const kind of exposureKind(rule)) {
      const rules = exposures.get(kind) ?? [];
      rules.push(rule);
      exposures.set(kind, rules);
    }
  }
  for (const kind of ['open-ssh-to-world', 'open-rdp-to-world', 'open-all-to-world'] as const) {
    const rules = exposures.get(kind);
    if (rules) warnings.push({ kind, rules });
  }

  if (plan.earlyRemovals.length > 0) {
    warnings.push({ kind: 'rule-limit-early-removals', rules: plan.earlyRemovals });
  }

  const selfReferences: Rule[] = [];
  for (const direction of DIRECTIONS) {
    const part = diff[direction];
    // Only rules the result holds: a rule listed as not restorable (another VPC, a system rule
    // ...) already has its reason, and a warning that assumes it is restored would contradict it.
    const restored = [
      ...part.added,
      ...part.changed.map((change) => change.after),
      ...part.unchanged,
    ];
    selfReferences.push(...restored.filter((rule) => referencesGroup(rule, destination.id)));
  }
  if (selfReferences.length > 0) warnings.push({ kind: 'self-reference', rules: selfReferences });
  return warnings;
}
