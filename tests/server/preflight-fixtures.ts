/** Groups built in the emulator for the pre-flight tests, and the facts they assert on. */
import type { EcsEmulator } from '../../src/mocks/emulator';
import type { AppType } from '../../src/server/app';
import type { RestoreDetail } from '../../src/server/contract';
import type { TestStack } from '../support/test-stack';
import { REGION, restoreDetailOf } from './helpers';

export const WRITE = /^(Authorize|Revoke|Modify)/;

/** The write calls the emulator received (applied or not). */
export function writeCalls(emulator: EcsEmulator) {
  return emulator.calls.filter((call) => WRITE.test(call.action));
}

/** `count` distinct TCP ingress permissions (ports from `firstPort`), CIDR peers. */
export function cidrRules(count: number, firstPort: number, extra: Record<string, string> = {}) {
  return Array.from({ length: count }, (_, i) => ({
    IpProtocol: 'TCP',
    PortRange: `${firstPort + i}/${firstPort + i}`,
    SourceCidrIp: `192.0.2.${i % 250}/32`,
    Priority: '1',
    Policy: 'Accept',
    Description: `rule ${firstPort + i}`,
    ...extra,
  }));
}

/** `count` distinct TCP ingress permissions referencing `groupId`. */
export function groupRules(count: number, firstPort: number, groupId: string) {
  return Array.from({ length: count }, (_, i) => ({
    IpProtocol: 'TCP',
    PortRange: `${firstPort + i}/${firstPort + i}`,
    SourceGroupId: groupId,
    Priority: '1',
    Policy: 'Accept',
    Description: `from a group ${firstPort + i}`,
  }));
}

/** A new group in the prod VPC of `REGION` holding these ingress permissions. */
export function buildGroup(
  stack: TestStack,
  name: string,
  ingress: Array<Record<string, string>>,
  opts: { vpcId?: string } = {},
): string {
  const id = stack.emulator.addGroup(REGION, {
    name,
    ...(opts.vpcId === undefined ? {} : { vpcId: opts.vpcId }),
  });
  if (ingress.length > 0) stack.emulator.addRules(REGION, id, 'ingress', ingress);
  return id;
}

export function restoreDetail(app: AppType, id: string): Promise<RestoreDetail> {
  return restoreDetailOf(app, id);
}
