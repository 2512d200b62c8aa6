/**
 * The 'demo' seed's prefix lists, instances and network interfaces in cn-hangzhou: who uses the
 * demo groups, for the blast radius and the per-ENI quota. `web-prod` is used by 6 instances
 * (4 running) and 2 secondary ENIs; `gateway-prod-01` carries four groups on one ENI.
 */
import type { SeedInstance, SeedNetworkInterface, SeedPrefixList } from './seed-builders';

export const HANGZHOU_PREFIX_LISTS: SeedPrefixList[] = [
  {
    name: 'office-egress',
    family: 'IPv4',
    maxEntries: 20,
    desc: 'Office and VPN egress addresses',
    created: '2025-01-10T09:00:00Z',
    entries: [
      { cidr: '203.0.113.0/28', desc: 'head office' },
      { cidr: '198.51.100.16/29', desc: 'branch office' },
      { cidr: '192.0.2.64/27', desc: 'VPN concentrators' },
    ],
  },
  {
    name: 'cdn-back-to-origin',
    family: 'IPv4',
    maxEntries: 200,
    desc: 'CDN back-to-origin ranges',
    created: '2025-01-10T09:05:00Z',
    entries: [
      { cidr: '47.246.0.0/16', desc: 'CDN nodes' },
      { cidr: '59.82.0.0/16', desc: 'CDN nodes' },
      { cidr: '116.211.0.0/16', desc: 'CDN nodes' },
    ],
  },
  {
    name: 'ops-ipv6',
    family: 'IPv6',
    maxEntries: 50,
    desc: 'Operations team, IPv6',
    created: '2025-01-10T09:10:00Z',
    entries: [{ cidr: '2001:db8:ff::/48', desc: 'ops' }],
  },
];

const day = (d: number, hh = '08') => `2025-03-${String(d).padStart(2, '0')}T${hh}:00:00Z`;

export const HANGZHOU_INSTANCES: SeedInstance[] = [
  { name: 'web-prod-01', groups: ['web-prod', 'svc-monitoring'], created: day(3) },
  { name: 'web-prod-02', groups: ['web-prod', 'svc-monitoring'], created: day(3, '09') },
  { name: 'web-prod-03', groups: ['web-prod'], created: day(4) },
  { name: 'web-prod-04', groups: ['web-prod'], created: day(4, '09') },
  { name: 'web-prod-05', groups: ['web-prod'], status: 'Stopped', created: day(5) },
  { name: 'web-prod-06', groups: ['web-prod'], status: 'Stopped', created: day(5, '09') },
  { name: 'app-prod-01', groups: ['app-prod'], created: day(6) },
  { name: 'app-prod-02', groups: ['app-prod'], created: day(6, '09') },
  { name: 'app-prod-03', groups: ['app-prod'], status: 'Stopped', created: day(6, '10') },
  { name: 'db-prod-01', groups: ['db-prod'], type: 'ecs.r7.xlarge', created: day(7) },
  { name: 'db-prod-02', groups: ['db-prod'], type: 'ecs.r7.xlarge', created: day(7, '09') },
  { name: 'bastion-prod-01', groups: ['bastion-prod'], type: 'ecs.t6-c1m1.large', created: day(8) },
  { name: 'legacy-monolith-01', groups: ['legacy-monolith'], created: day(9) },
  {
    name: 'legacy-monolith-02',
    groups: ['legacy-monolith'],
    status: 'Stopped',
    created: day(9, '09'),
  },
  {
    name: 'gateway-prod-01',
    groups: ['legacy-monolith', 'bastion-prod', 'app-prod', 'mesh-prod'],
    created: day(10),
  },
  { name: 'mesh-prod-01', groups: ['mesh-prod'], created: day(11) },
  { name: 'mesh-prod-02', groups: ['mesh-prod'], created: day(11, '09') },
  {
    name: 'classic-web-01',
    groups: ['classic-legacy'],
    type: 'ecs.s6-c1m2.large',
    created: day(12),
  },
  {
    name: 'classic-web-02',
    groups: ['classic-legacy'],
    type: 'ecs.s6-c1m2.large',
    status: 'Stopped',
    created: day(12, '09'),
  },
  { name: 'core-k8s-api-01', groups: ['enterprise-core'], created: day(13) },
  { name: 'edge-01', groups: ['ipv6-edge'], created: day(14) },
  { name: 'ack-node-01', groups: ['k8s-managed-sg'], created: day(15) },
  { name: 'ack-node-02', groups: ['k8s-managed-sg'], created: day(15, '09') },
  { name: 'web-staging-01', groups: ['web-staging'], created: day(16) },
  { name: 'cache-staging-01', groups: ['cache-staging'], created: day(16, '09') },
];

export const HANGZHOU_NETWORK_INTERFACES: SeedNetworkInterface[] = [
  // A web-prod ENI on an app server (for the health-check path), and a spare one.
  { name: 'web-prod-lb-eni', groups: ['web-prod'], instance: 'app-prod-01', created: day(20) },
  { name: 'web-prod-spare-eni', groups: ['web-prod', 'svc-logging'], created: day(21) },
  {
    name: 'db-prod-replication-eni',
    groups: ['db-prod'],
    instance: 'db-prod-02',
    created: day(22),
  },
];
