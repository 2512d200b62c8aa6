/**
 * Journal records the migration and journal tests write by hand: one group and its backup, one
 * SSH rule, the step that opens it, and a restore of the group from its backup carrying it.
 */
import type { GroupInfo, PlanStep, Rule } from '../../src/domain/types';
import type { NewRestore } from '../../src/server/journal/journal';

export const WEB_GROUP: GroupInfo = {
  id: 'sg-web0000001',
  name: 'web',
  regionId: 'cn-hangzhou',
  vpcId: 'vpc-1',
  type: 'normal',
};
export const WEB_BACKUP: GroupInfo = { ...WEB_GROUP, id: 'sg-backup00001', name: 'web-backup' };

export const SSH_RULE: Rule = {
  direction: 'ingress',
  policy: 'accept',
  protocol: 'tcp',
  portRange: '22/22',
  sourcePortRange: '',
  peer: { kind: 'cidr', cidr: '10.0.0.0/8' },
  localCidr: '',
  portRangeListId: '',
  nicType: 'intranet',
  priority: 1,
  description: 'ssh',
  meta: { ruleId: 'sgr-1' },
};

/** The opening step that authorizes `rules` (the SSH rule by default). */
export function openingStep(id = 'open-1', index = 0, rules: Rule[] = [SSH_RULE]): PlanStep {
  return {
    id,
    index,
    phase: 'opening',
    action: 'authorize',
    direction: 'ingress',
    early: false,
    rules,
  };
}

/** A restore of WEB_GROUP from WEB_BACKUP that adds the SSH rule in one call. */
export function webRestore(id: string, extra: Partial<NewRestore> = {}): NewRestore {
  return {
    id,
    kind: 'restore',
    regionId: 'cn-hangzhou',
    sourceGroup: WEB_GROUP,
    destinationGroup: WEB_BACKUP,
    mode: 'completely',
    options: { recreateSystemRules: false, retargetSelfReferences: false },
    revision: 'rev',
    createdAt: '2026-01-01T00:00:00.000Z',
    summary: { added: 1, removed: 0, changed: 0, unchanged: 0, notRestorable: 0 },
    snapshot: [],
    destinationRules: [SSH_RULE],
    expected: [SSH_RULE],
    plan: { calls: 1, earlyRemovals: [], makeBeforeBreak: true },
    ...extra,
  };
}
