import { useEmulator } from './harness';
import { Ecs, failureOf, req } from './sdk';

const { emulator, client } = useEmulator();
const regionId = 'cn-hangzhou';

const create = (p: ConstructorParameters<typeof Ecs.CreateSecurityGroupRequest>[0]) =>
  client.createSecurityGroup(new Ecs.CreateSecurityGroupRequest({ regionId, ...p }));

const prodVpc = async () =>
  (await client.describeSecurityGroups(req.groups({ securityGroupName: 'web-prod' }))).body
    ?.securityGroups?.securityGroup?.[0]?.vpcId ?? '';

describe('CreateSecurityGroup', () => {
  it('creates a group in the VPC with its name, description, type, tags and no rules', async () => {
    const vpcId = await prodVpc();
    const res = await create({
      securityGroupName: 'web-prod-backup-20270101',
      description: 'Clone of web-prod',
      vpcId,
      securityGroupType: 'normal',
      resourceGroupId: 'rg-acfmtest',
      tag: [new Ecs.CreateSecurityGroupRequestTag({ key: 'backup', value: 'true' })],
    });
    const id = res.body?.securityGroupId ?? '';
    expect(id).toMatch(/^sg-bp[a-z0-9]{18}$/);
    const listed = (await client.describeSecurityGroups(req.groups({ securityGroupId: id }))).body
      ?.securityGroups?.securityGroup?.[0];
    expect(listed).toMatchObject({
      securityGroupName: 'web-prod-backup-20270101',
      description: 'Clone of web-prod',
      vpcId,
      securityGroupType: 'normal',
      resourceGroupId: 'rg-acfmtest',
      ruleCount: 0,
      tags: { tag: [expect.objectContaining({ tagKey: 'backup', tagValue: 'true' })] },
    });
    const attribute = await client.describeSecurityGroupAttribute(req.attribute(id));
    expect(attribute.body?.permissions?.permission).toEqual([]);
    expect(emulator.calls.find((c) => c.action === 'CreateSecurityGroup')?.applied).toBe(true);
  });

  it('makes a classic group without VpcId, and advanced groups only in a VPC', async () => {
    const classic = (await create({ securityGroupName: 'classic-new' })).body?.securityGroupId;
    const classicRules = await client.describeSecurityGroupAttribute(req.attribute(classic ?? ''));
    expect(classicRules.body?.vpcId).toBe('');
    const advanced = await create({
      securityGroupName: 'core-next',
      vpcId: await prodVpc(),
      securityGroupType: 'enterprise',
    });
    const attribute = await client.describeSecurityGroupAttribute(
      req.attribute(advanced.body?.securityGroupId ?? ''),
    );
    expect(attribute.body?.innerAccessPolicy).toBe('Drop');
    expect(
      await failureOf(
        create({ securityGroupName: 'core-classic', securityGroupType: 'enterprise' }),
      ),
    ).toMatchObject({ statusCode: 400 });
  });

  it('is idempotent under a ClientToken: a replay answers the same group and creates nothing', async () => {
    const vpcId = await prodVpc();
    const first = await create({ securityGroupName: 'twice', vpcId, clientToken: 'tok-1' });
    const again = await create({ securityGroupName: 'twice', vpcId, clientToken: 'tok-1' });
    expect(again.body?.securityGroupId).toBe(first.body?.securityGroupId);
    expect(again.body?.requestId).toBe(first.body?.requestId);
    const named = await client.describeSecurityGroups(req.groups({ securityGroupName: 'twice' }));
    expect(named.body?.securityGroups?.securityGroup).toHaveLength(1);
    expect(
      emulator.calls.filter((c) => c.action === 'CreateSecurityGroup').map((c) => c.applied),
    ).toEqual([true, false]);
    expect(
      await failureOf(create({ securityGroupName: 'other', vpcId, clientToken: 'tok-1' })),
    ).toMatchObject({ code: 'IdempotentParameterMismatch', statusCode: 400 });
  });

  it('validates the VPC, name, description, type and tags', async () => {
    const vpcId = await prodVpc();
    const cases: Array<
      [string, number, ConstructorParameters<typeof Ecs.CreateSecurityGroupRequest>[0]]
    > = [
      [
        'InvalidVpcId.NotFound',
        404,
        { securityGroupName: 'x1', vpcId: 'vpc-bp1doesnotexist00000' },
      ],
      ['InvalidSecurityGroupName.Malformed', 400, { securityGroupName: 'a', vpcId }],
      [
        'InvalidSecurityGroupName.Malformed',
        400,
        { securityGroupName: '1starts-with-digit', vpcId },
      ],
      ['InvalidSecurityGroupName.Malformed', 400, { securityGroupName: 'http://x', vpcId }],
      [
        'InvalidSecurityGroupName.Malformed',
        400,
        { securityGroupName: `a${'b'.repeat(128)}`, vpcId },
      ],
      [
        'InvalidDescription.Malformed',
        400,
        { securityGroupName: 'ok', description: 'x'.repeat(257), vpcId },
      ],
      [
        'InvalidParameter.SecurityGroupType',
        400,
        { securityGroupName: 'ok', securityGroupType: 'premium', vpcId },
      ],
      [
        'InvalidTagKey.Malformed',
        400,
        {
          securityGroupName: 'ok',
          vpcId,
          tag: [new Ecs.CreateSecurityGroupRequestTag({ key: 'aliyun-x', value: 'v' })],
        },
      ],
    ];
    for (const [code, statusCode, p] of cases)
      expect(await failureOf(create(p))).toMatchObject({ code, statusCode });
    // At the limits: a 128-character name and a 256-character description are fine.
    const ok = await create({
      securityGroupName: `a${'b'.repeat(127)}`,
      description: 'x'.repeat(256),
      vpcId,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('answers an injected RAM refusal like any action', async () => {
    emulator.failCall('CreateSecurityGroup', 1, { code: 'Forbidden.RAM', status: 403 });
    expect(await failureOf(create({ securityGroupName: 'denied' }))).toMatchObject({
      code: 'Forbidden.RAM',
      statusCode: 403,
    });
    const named = await client.describeSecurityGroups(req.groups({ securityGroupName: 'denied' }));
    expect(named.body?.securityGroups?.securityGroup).toEqual([]);
  });
});
