import { describe, expect, it } from 'vitest';
import { ruleStateKey } from '../../src/domain/revision';
import { waitForRestore } from '../support/test-stack';
import { apiOf, errorOf, groupDetailOf, REGION, useSharedStack } from './helpers';

describe('clone', () => {
  const shared = useSharedStack();
  const clone = (id: string, json: { name?: string; description?: string }) =>
    apiOf(shared.stack.app).regions[':region']['security-groups'][':id'].clone.$post({
      param: { region: REGION, id },
      json,
    });

  it('creates a group in the same VPC with the same type and restores the rules into it', async () => {
    const original = await groupDetailOf(shared.stack.app, shared.webProd);
    const res = await clone(shared.webProd, {});
    expect(res.status).toBe(202);
    const { groupId, restoreId } = await res.json();
    const done = await waitForRestore(shared.stack.app, restoreId);
    expect(done.status).toBe('succeeded');
    expect(done.verification.status).toBe('passed');
    expect(done.source.id).toBe(groupId);

    const copy = await groupDetailOf(shared.stack.app, groupId);
    expect(copy.group).toMatchObject({ vpcId: original.group.vpcId, type: original.group.type });
    expect(copy.group.name).toMatch(/^web-prod-backup-\d{8}$/);
    expect(copy.group.description).toMatch(
      new RegExp(`^Clone of web-prod \\(${shared.webProd}\\) taken \\d{4}-\\d{2}-\\d{2}$`),
    );
    // Equal by identity, priority and description (rule IDs and times are the new group's).
    const restorable = original.rules.filter((r) => r.priority !== 110);
    expect(copy.rules.map(ruleStateKey).sort()).toEqual(restorable.map(ruleStateKey).sort());
  });

  it('keeps an advanced group advanced and uses the name given', async () => {
    const vpc = (await groupDetailOf(shared.stack.app, shared.webProd)).group.vpcId;
    const advanced = shared.stack.emulator.addGroup(REGION, {
      name: 'adv',
      vpcId: vpc,
      type: 'enterprise',
    });
    shared.stack.emulator.addRules(REGION, advanced, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '443/443',
        SourceCidrIp: '0.0.0.0/0',
        Policy: 'Accept',
        Priority: '1',
        Description: 'web',
      },
    ]);
    const res = await clone(advanced, { name: 'adv-copy', description: 'my copy' });
    const { groupId, restoreId } = await res.json();
    await waitForRestore(shared.stack.app, restoreId);
    const copy = await groupDetailOf(shared.stack.app, groupId);
    expect(copy.group).toMatchObject({
      name: 'adv-copy',
      description: 'my copy',
      type: 'enterprise',
    });
    expect(copy.rules).toMatchObject([{ portRange: '443/443', priority: 1, description: 'web' }]);
  });

  it('a RAM refusal names ecs:CreateSecurityGroup', async () => {
    shared.stack.emulator.failCall('CreateSecurityGroup', 1, {
      code: 'Forbidden.RAM',
      status: 403,
    });
    const res = await clone(shared.webProd, {});
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe('Forbidden.RAM');
    expect(error.message).toContain('ecs:CreateSecurityGroup');
  });

  it('refuses a bad name, naming the field', async () => {
    const res = await clone(shared.webProd, { name: '1bad' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.field).toBe('name');
  });
});
