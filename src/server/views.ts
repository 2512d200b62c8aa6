/**
 * Domain and port values as the contract's response shapes. Responses are built field by field
 * so that nothing the contract does not name (rule IDs of another group's instances, SDK
 * leftovers) leaks to the browser by accident.
 */
import type { PlanStep } from '../domain/types';
import type { SecurityGroupSummary } from '../ecs/ecs-port';
import type { PreviewResponse, SecurityGroupView } from './contract';

export function groupSummaryView(group: SecurityGroupSummary): SecurityGroupView {
  return {
    id: group.id,
    name: group.name,
    regionId: group.regionId,
    vpcId: group.vpcId,
    type: group.type,
    description: group.description,
    creationTime: group.creationTime,
    ruleCount: group.ruleCount,
    serviceManaged: group.serviceManaged,
  };
}

type PlanStepView = PreviewResponse['plan']['steps'][number];

/** A plan step without its rules: what the preview and the journal views show of it. */
export function planStepView(
  step: Pick<PlanStep, 'id' | 'index' | 'phase' | 'action' | 'direction' | 'early' | 'rules'>,
): PlanStepView {
  return {
    id: step.id,
    index: step.index,
    phase: step.phase,
    action: step.action,
    direction: step.direction,
    ruleCount: step.rules.length,
    early: step.early,
  };
}
