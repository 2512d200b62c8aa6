/**
 * The wire schemas and mappers of the impact and clone actions: DescribeInstances,
 * DescribeNetworkInterfaces, DescribeSecurityGroupReferences, DescribePrefixListAttributes and
 * CreateSecurityGroup, tolerant of the shapes ECS varies and strict about IDs and MaxEntries.
 */
import { EcsError } from '../../src/ecs/ecs-port';
import {
  createGroupFields,
  groupReferencesFromWire,
  instanceFromWire,
  networkInterfaceFromWire,
  prefixListFromWire,
} from '../../src/ecs/mapping';
import {
  createSecurityGroupResponseSchema,
  describeInstancesResponseSchema,
  describeNetworkInterfacesResponseSchema,
  describePrefixListAttributesResponseSchema,
  describeSecurityGroupReferencesResponseSchema,
  parseWire,
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

describe('DescribeInstances', () => {
  it('reads an instance with its groups and every ENI, a single object standing for a list', () => {
    const body = parseWire(
      describeInstancesResponseSchema,
      {
        RequestId: 'r',
        NextToken: 'next',
        Instances: {
          Instance: {
            InstanceId: 'i-1',
            InstanceName: 'web-01',
            Status: 'Running',
            VpcAttributes: { VpcId: 'vpc-1', PrivateIpAddress: { IpAddress: ['172.16.0.2'] } },
            SecurityGroupIds: { SecurityGroupId: ['sg-a', 'sg-b'] },
            NetworkInterfaces: {
              NetworkInterface: [
                { NetworkInterfaceId: 'eni-1', Type: 'Primary', MacAddress: '00:16:3e:00:00:01' },
                { NetworkInterfaceId: 'eni-2', Type: 'Secondary' },
              ],
            },
          },
        },
      },
      'DescribeInstances',
    );
    expect(body.NextToken).toBe('next');
    expect(body.Instances.map(instanceFromWire)).toEqual([
      {
        id: 'i-1',
        name: 'web-01',
        status: 'Running',
        vpcId: 'vpc-1',
        securityGroupIds: ['sg-a', 'sg-b'],
        networkInterfaces: [
          { id: 'eni-1', type: 'Primary' },
          { id: 'eni-2', type: 'Secondary' },
        ],
      },
    ]);
  });

  it('reads a classic instance without VpcAttributes or ENIs, and an empty answer', () => {
    const body = parseWire(
      describeInstancesResponseSchema,
      { Instances: { Instance: [{ InstanceId: 'i-2', SecurityGroupIds: {} }] } },
      'DescribeInstances',
    );
    expect(body.Instances.map(instanceFromWire)).toEqual([
      {
        id: 'i-2',
        name: '',
        status: '',
        vpcId: '',
        securityGroupIds: [],
        networkInterfaces: [],
      },
    ]);
    expect(
      parseWire(describeInstancesResponseSchema, { RequestId: 'r' }, 'DescribeInstances'),
    ).toEqual({ RequestId: 'r', NextToken: '', Instances: [] });
  });

  it('refuses an instance without an ID, naming the action and the field', () => {
    const error = malformed(() =>
      parseWire(
        describeInstancesResponseSchema,
        { RequestId: 'req-9', Instances: { Instance: [{ InstanceName: 'x' }] } },
        'DescribeInstances',
      ),
    );
    expect(error.code).toBe('UpstreamMalformed');
    expect(error.message).toContain('DescribeInstances');
    expect(error.message).toContain('unexpected shape at Instances');
    expect(error.requestId).toBe('req-9');
  });
});

describe('DescribeNetworkInterfaces', () => {
  it('reads an ENI set with its groups; an unattached ENI has no instance', () => {
    const body = parseWire(
      describeNetworkInterfacesResponseSchema,
      {
        RequestId: 'r',
        NextToken: '',
        NetworkInterfaceSets: {
          NetworkInterfaceSet: [
            {
              NetworkInterfaceId: 'eni-3',
              Type: 'Secondary',
              InstanceId: 'i-1',
              Status: 'InUse',
              SecurityGroupIds: { SecurityGroupId: 'sg-a' },
            },
            { NetworkInterfaceId: 'eni-4', Type: 'Secondary', Status: 'Available' },
          ],
        },
      },
      'DescribeNetworkInterfaces',
    );
    expect(body.NetworkInterfaceSets.map(networkInterfaceFromWire)).toEqual([
      {
        id: 'eni-3',
        type: 'Secondary',
        instanceId: 'i-1',
        status: 'InUse',
        securityGroupIds: ['sg-a'],
      },
      { id: 'eni-4', type: 'Secondary', instanceId: '', status: 'Available', securityGroupIds: [] },
    ]);
  });

  it('refuses an empty group ID in an ENI', () => {
    const error = malformed(() =>
      parseWire(
        describeNetworkInterfacesResponseSchema,
        {
          NetworkInterfaceSets: {
            NetworkInterfaceSet: [
              { NetworkInterfaceId: 'eni-5', SecurityGroupIds: { SecurityGroupId: [''] } },
            ],
          },
        },
        'DescribeNetworkInterfaces',
      ),
    );
    expect(error.code).toBe('UpstreamMalformed');
    expect(error.message).toContain('SecurityGroupIds.SecurityGroupId');
  });
});

describe('DescribeSecurityGroupReferences', () => {
  it('reads each group with the groups that reference it, and a group referenced by none', () => {
    const body = parseWire(
      describeSecurityGroupReferencesResponseSchema,
      {
        RequestId: 'r',
        SecurityGroupReferences: {
          SecurityGroupReference: [
            {
              SecurityGroupId: 'sg-a',
              ReferencingSecurityGroups: {
                ReferencingSecurityGroup: [
                  { SecurityGroupId: 'sg-b', AliUid: '1234' },
                  { SecurityGroupId: 'sg-c', AliUid: 5678 },
                ],
              },
            },
            { SecurityGroupId: 'sg-d', ReferencingSecurityGroups: {} },
          ],
        },
      },
      'DescribeSecurityGroupReferences',
    );
    expect(body.SecurityGroupReferences.map(groupReferencesFromWire)).toEqual([
      {
        groupId: 'sg-a',
        referencingGroups: [
          { groupId: 'sg-b', aliUid: '1234' },
          { groupId: 'sg-c', aliUid: '5678' },
        ],
      },
      { groupId: 'sg-d', referencingGroups: [] },
    ]);
  });
});

describe('DescribePrefixListAttributes', () => {
  it('reads MaxEntries as a number or a numeric string, and counts the entries', () => {
    for (const maxEntries of [20, '20']) {
      const body = parseWire(
        describePrefixListAttributesResponseSchema,
        {
          RequestId: 'r',
          PrefixListId: 'pl-1',
          PrefixListName: 'office',
          MaxEntries: maxEntries,
          Entries: { Entry: [{ Cidr: '203.0.113.0/28', Description: 'office' }] },
        },
        'DescribePrefixListAttributes',
      );
      expect(prefixListFromWire(body)).toEqual({
        id: 'pl-1',
        name: 'office',
        maxEntries: 20,
        entryCount: 1,
        cidrs: ['203.0.113.0/28'],
      });
    }
  });

  it('refuses an answer without MaxEntries: the list could not be weighed', () => {
    const error = malformed(() =>
      parseWire(
        describePrefixListAttributesResponseSchema,
        { PrefixListId: 'pl-1', Entries: {} },
        'DescribePrefixListAttributes',
      ),
    );
    expect(error.code).toBe('UpstreamMalformed');
    expect(error.message).toContain('MaxEntries');
  });
});

describe('CreateSecurityGroup', () => {
  it('reads the new group ID and refuses an answer without one', () => {
    expect(
      parseWire(
        createSecurityGroupResponseSchema,
        { RequestId: 'r', SecurityGroupId: 'sg-new' },
        'CreateSecurityGroup',
      ),
    ).toEqual({ RequestId: 'r', SecurityGroupId: 'sg-new' });
    expect(
      malformed(() =>
        parseWire(createSecurityGroupResponseSchema, { RequestId: 'r' }, 'CreateSecurityGroup'),
      ).code,
    ).toBe('UpstreamMalformed');
  });

  it('sends only the fields given: no VpcId means a classic group', () => {
    expect(createGroupFields({ name: 'web-prod-clone' })).toEqual({
      SecurityGroupName: 'web-prod-clone',
    });
    expect(
      createGroupFields({
        name: 'web-prod-clone',
        description: 'clone of web-prod',
        vpcId: 'vpc-1',
        type: 'enterprise',
        resourceGroupId: 'rg-1',
      }),
    ).toEqual({
      SecurityGroupName: 'web-prod-clone',
      Description: 'clone of web-prod',
      VpcId: 'vpc-1',
      SecurityGroupType: 'enterprise',
      ResourceGroupId: 'rg-1',
    });
  });
});
