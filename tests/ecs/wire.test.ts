import { EcsError } from '../../src/ecs/ecs-port';
import {
  describeRegionsResponseSchema,
  describeSecurityGroupAttributeResponseSchema,
  describeSecurityGroupsResponseSchema,
  parseWire,
  writeResponseSchema,
} from '../../src/ecs/wire';

function malformed(run: () => unknown): EcsError {
  try {
    run();
  } catch (error) {
    if (error instanceof EcsError) return error;
    throw error;
  }
  throw new Error('expected an EcsError');
}

describe('ECS response schemas', () => {
  it('reads DescribeRegions, with or without the Regions wrapper', () => {
    const body = parseWire(
      describeRegionsResponseSchema,
      {
        RequestId: 'r1',
        Regions: {
          Region: [{ RegionId: 'cn-hangzhou', LocalName: 'Hangzhou', Status: 'available' }],
        },
      },
      'DescribeRegions',
    );
    expect(body.Regions).toEqual([
      { RegionId: 'cn-hangzhou', LocalName: 'Hangzhou', RegionEndpoint: '', Status: 'available' },
    ]);
    expect(
      parseWire(describeRegionsResponseSchema, { RequestId: 'r2' }, 'DescribeRegions').Regions,
    ).toEqual([]);
    expect(
      parseWire(describeRegionsResponseSchema, { Regions: {} }, 'DescribeRegions').Regions,
    ).toEqual([]);
  });

  it('reads DescribeSecurityGroups with numbers as strings, Tags.Tag absent and a single object for a list', () => {
    const body = parseWire(
      describeSecurityGroupsResponseSchema,
      {
        RequestId: 'r',
        NextToken: '',
        SecurityGroups: {
          SecurityGroup: {
            SecurityGroupId: 'sg-1',
            RuleCount: '7',
            ServiceManaged: 'false',
            Tags: {},
          },
        },
      },
      'DescribeSecurityGroups',
    );
    expect(body.SecurityGroups).toHaveLength(1);
    expect(body.SecurityGroups[0]).toMatchObject({
      SecurityGroupId: 'sg-1',
      RuleCount: 7,
      ServiceManaged: false,
      Tags: [],
      VpcId: '',
    });
    expect(body.TotalCount).toBe(0);
  });

  it('reads DescribeSecurityGroupAttribute with Priority as number or string and no Permissions', () => {
    const body = parseWire(
      describeSecurityGroupAttributeResponseSchema,
      {
        RequestId: 'r',
        SecurityGroupId: 'sg-1',
        VpcId: 'vpc-1',
        Permissions: {
          Permission: [
            { Direction: 'ingress', Priority: 1, IpProtocol: 'TCP' },
            { Direction: 'egress', Priority: '100', IpProtocol: 'ALL', Description: null },
          ],
        },
      },
      'DescribeSecurityGroupAttribute',
    );
    expect(body.Permissions.map((p) => p.Priority)).toEqual([1, '100']);
    expect(body.Permissions[1]?.Description).toBe('');
    expect(body.NextToken).toBe('');
    const empty = parseWire(
      describeSecurityGroupAttributeResponseSchema,
      { SecurityGroupId: 'sg-2' },
      'DescribeSecurityGroupAttribute',
    );
    expect(empty.Permissions).toEqual([]);
  });

  it('turns a malformed answer into UpstreamMalformed naming the action, the field and the RequestId', () => {
    const missingId = malformed(() =>
      parseWire(
        describeSecurityGroupAttributeResponseSchema,
        { RequestId: 'req-9', VpcId: '' },
        'DescribeSecurityGroupAttribute',
      ),
    );
    expect(missingId.code).toBe('UpstreamMalformed');
    expect(missingId.message).toContain('DescribeSecurityGroupAttribute');
    expect(missingId.message).toContain('SecurityGroupId');
    expect(missingId.requestId).toBe('req-9');
    expect(missingId.httpStatus).toBe(0);
    expect(missingId.retryable).toBe(false);

    const wrongList = malformed(() =>
      parseWire(
        describeSecurityGroupsResponseSchema,
        { SecurityGroups: { SecurityGroup: 'nope' } },
        'DescribeSecurityGroups',
      ),
    );
    expect(wrongList.code).toBe('UpstreamMalformed');

    const notAnObject = malformed(() =>
      parseWire(writeResponseSchema, 'oops', 'AuthorizeSecurityGroup'),
    );
    expect(notAnObject.message).toContain('AuthorizeSecurityGroup');
    expect(notAnObject.requestId).toBeUndefined();
  });
});
