/**
 * The per-ENI quota with a small eniRuleLimit (and a rule limit above it). web-prod's ENIs each carry 230 quota units:
 * web-prod's 7 plain rules + office-egress (MaxEntries 20) + cdn-back-to-origin (200), and
 * svc-monitoring's or svc-logging's 3 rules.
 */
import { useEmulator } from './harness';
import { Ecs, failureOf, req } from './sdk';

const { emulator, client, groupId } = useEmulator({ eniRuleLimit: 232, ruleLimit: 300 });
const regionId = 'cn-hangzhou';
const cidrRule = (port: number) => ({
  ipProtocol: 'tcp',
  portRange: `${port}/${port}`,
  sourceCidrIp: '192.0.2.0/24',
});

describe('rules per network interface (eniRuleLimit)', () => {
  it('takes rules up to the limit and refuses one past it with AuthorizationLimitExceed', async () => {
    const web = await groupId('web-prod');
    await client.authorizeSecurityGroup(req.authorize(web, [cidrRule(1), cidrRule(2)]));
    const before = emulator.listRules(regionId, web);
    const error = await failureOf(client.authorizeSecurityGroup(req.authorize(web, [cidrRule(3)])));
    expect(error).toMatchObject({ code: 'AuthorizationLimitExceed', statusCode: 403 });
    expect(String(error.data?.Message)).toMatch(/network interface eni-bp\w+ .*233.*232/);
    expect(emulator.listRules(regionId, web)).toEqual(before);
  });

  it('counts a prefix-list rule as its MaxEntries, on every group of the ENI', async () => {
    const monitoring = await groupId('svc-monitoring');
    const office = emulator
      .listRules(regionId, await groupId('web-prod'))
      .find((r) => r.SourcePrefixListName === 'office-egress')?.SourcePrefixListId;
    const listRule = { ipProtocol: 'tcp', portRange: '9100/9100', sourcePrefixListId: office };
    expect(
      await failureOf(client.authorizeSecurityGroup(req.authorize(monitoring, [listRule]))),
    ).toMatchObject({ code: 'AuthorizationLimitExceed' });
    expect(
      (await client.authorizeSecurityGroup(req.authorize(monitoring, [cidrRule(9100)]))).statusCode,
    ).toBe(200);
  });

  it('refuses a Modify to a prefix list with more entries, and leaves groups on no ENI alone', async () => {
    const web = await groupId('web-prod');
    const rules = emulator.listRules(regionId, web);
    const officeRule = rules.find((r) => r.SourcePrefixListName === 'office-egress');
    const cdn = rules.find(
      (r) => r.SourcePrefixListName === 'cdn-back-to-origin',
    )?.SourcePrefixListId;
    expect(
      await failureOf(
        client.modifySecurityGroupRule(
          new Ecs.ModifySecurityGroupRuleRequest({
            regionId,
            securityGroupId: web,
            securityGroupRuleId: officeRule?.SecurityGroupRuleId,
            sourcePrefixListId: cdn,
            portRange: '2222/2222',
          }),
        ),
      ),
    ).toMatchObject({ code: 'AuthorizationLimitExceed', statusCode: 403 });
    const sandbox = await groupId('empty-sandbox');
    const many = Array.from({ length: 100 }, (_, i) => cidrRule(i + 1));
    for (let round = 0; round < 3; round++) {
      await client.authorizeSecurityGroup(
        req.authorize(
          sandbox,
          many.map((r) => ({ ...r, sourceCidrIp: `10.${round}.0.0/16` })),
        ),
      );
    }
    expect(emulator.listRules(regionId, sandbox)).toHaveLength(300);
  });

  it('applies to an ENI a test attaches', async () => {
    const sandbox = await groupId('empty-sandbox');
    emulator.addNetworkInterface(regionId, {
      name: 'extra',
      securityGroupIds: [sandbox, await groupId('legacy-monolith')],
    });
    await client.authorizeSecurityGroup(req.authorize(sandbox, [cidrRule(1), cidrRule(2)]));
    expect(
      await failureOf(
        client.authorizeSecurityGroup(
          req.authorize(
            sandbox,
            Array.from({ length: 31 }, (_, i) => cidrRule(i + 10)),
          ),
        ),
      ),
    ).toMatchObject({ code: 'AuthorizationLimitExceed' });
    expect(
      (
        await client.authorizeSecurityGroup(
          req.authorize(
            sandbox,
            Array.from({ length: 30 }, (_, i) => cidrRule(i + 10)),
          ),
        )
      ).statusCode,
    ).toBe(200);
  });
});
