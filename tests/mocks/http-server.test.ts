import { createEcsEmulator } from '../../src/mocks/emulator';
import { startEmulatorHttpServer } from '../../src/mocks/http-server';
import { Ecs, ecsClient, failureOf, req } from './sdk';

// No msw here: the SDK talks real HTTP to the standalone server on loopback.
const emulator = createEcsEmulator();
let server: { url: string; close(): Promise<void> };
let endpoint = '';
beforeAll(async () => {
  server = await startEmulatorHttpServer(emulator, { port: 0 });
  endpoint = new URL(server.url).host;
});
afterAll(() => server.close());
beforeEach(() => emulator.reset());

const client = () => ecsClient('cn-hangzhou', { endpoint, protocol: 'http' });

describe('standalone HTTP server', () => {
  it('listens on loopback and answers the SDK over http', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await client().describeSecurityGroups(
      req.groups({ securityGroupName: 'web-prod' }),
    );
    expect(res.body?.securityGroups?.securityGroup?.[0]?.securityGroupName).toBe('web-prod');
    expect(emulator.calls.at(-1)).toMatchObject({ action: 'DescribeSecurityGroups', status: 200 });
  });

  it('carries ECS errors, throttling headers and dropped connections', async () => {
    expect(
      await failureOf(
        client().describeSecurityGroupAttribute(req.attribute('sg-bp0000000000000000')),
      ),
    ).toMatchObject({ code: 'InvalidSecurityGroupId.NotFound', statusCode: 404 });
    emulator.throttleNext(1, { retryAfterMs: 250 });
    expect(
      await failureOf(client().describeRegions(new Ecs.DescribeRegionsRequest({}))),
    ).toMatchObject({ name: 'ThrottlingError', retryAfter: 250 });
    emulator.dropConnection('DescribeRegions', 1);
    const dropped = await failureOf(client().describeRegions(new Ecs.DescribeRegionsRequest({})));
    expect(dropped.name).not.toBe('ClientError');
    emulator.nonJson('DescribeRegions', 1);
    expect(
      await failureOf(client().describeRegions(new Ecs.DescribeRegionsRequest({}))),
    ).toBeInstanceOf(SyntaxError);
  });

  it('accepts a 100-permission Authorize (a ~20 KB URL)', async () => {
    const id =
      (await client().describeSecurityGroups(req.groups({ securityGroupName: 'empty-sandbox' })))
        .body?.securityGroups?.securityGroup?.[0]?.securityGroupId ?? '';
    const permissions = Array.from({ length: 100 }, (_, i) => ({
      ipProtocol: 'tcp',
      portRange: `${i + 1}/${i + 1}`,
      sourceCidrIp: '10.0.0.0/8',
      description: `rule number ${i} with a longish description text here`,
    }));
    await client().authorizeSecurityGroup(req.authorize(id, permissions));
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(100);
  });
});
