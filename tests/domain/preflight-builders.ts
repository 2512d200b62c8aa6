/** Groups and plans for the pre-flight tests: numbered rules, references, hand-built plans. */
import { planRestore } from '../../src/domain/plan';
import { preflight, type PreflightFailure, type PreflightInput } from '../../src/domain/preflight';
import {
  DEFAULT_RESTORE_OPTIONS,
  type GroupRules,
  type PlanLimits,
  type PlanStep,
  type RestoreMode,
  type RestorePlan,
  type Rule,
} from '../../src/domain/types';
import { stored } from './builders';

export const LIMITS: PlanLimits = { batchSize: 100, ruleLimit: 200, groupReferenceLimit: 20 };

/** `count` distinct CIDR rules, numbered from `from` (the port tells them apart). */
export function numbered(count: number, from = 1, policy: 'accept' | 'drop' = 'accept'): Rule[] {
  return Array.from({ length: count }, (_, i) => stored({ portRange: String(from + i), policy }));
}

/** `count` distinct rules referencing groups sg-peerN (N from `from`), all in vpc-1. */
export function references(count: number, from = 1, policy: 'accept' | 'drop' = 'accept'): Rule[] {
  return Array.from({ length: count }, (_, i) =>
    stored({ cidr: undefined, groupId: `sg-peer${from + i}`, policy }),
  );
}

/** Every sg-peerN of the tests, known to be in vpc-1. */
export const PEER_VPCS: Record<string, string> = Object.fromEntries(
  Array.from({ length: 100 }, (_, i) => [`sg-peer${i + 1}`, 'vpc-1']),
);

/** Plans the restore as the server does and runs the checks on it (`extra.groupVpcs` adds known groups). */
export function planAndCheck(
  source: GroupRules,
  destination: GroupRules,
  mode: RestoreMode,
  limits: PlanLimits = LIMITS,
  extra: Partial<PreflightInput> = {},
): { plan: RestorePlan; failures: PreflightFailure[] } {
  const groupVpcs = {
    ...PEER_VPCS,
    [destination.group.id]: destination.group.vpcId,
    ...extra.groupVpcs,
  };
  const { plan } = planRestore(source, destination, mode, DEFAULT_RESTORE_OPTIONS, limits, {
    groupVpcs,
  });
  return { plan, failures: preflight({ source, plan, limits, ...extra, groupVpcs }) };
}

/** A plan of one Authorize (or Modify) of `rules`, for rules no diff would plan. */
export function handPlan(rules: Rule[], action: PlanStep['action'] = 'authorize'): RestorePlan {
  const step: PlanStep = {
    id: `open-${action}-ingress-1`,
    index: 0,
    phase: 'opening',
    action,
    direction: 'ingress',
    rules,
    early: false,
  };
  return {
    mode: 'completely',
    steps: [step],
    expected: rules,
    earlyRemovals: [],
    makeBeforeBreak: true,
    revision: '',
    calls: 1,
  };
}

export const codes = (failures: PreflightFailure[]): string[] => failures.map((f) => f.code);
