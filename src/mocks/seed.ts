/**
 * The 'demo' seed: realistic regions and groups, deterministic (IDs derive from names).
 *
 * cn-hangzhou holds the story the console is built for: `web-prod` drifted from its clone
 * `web-prod-backup-20261120` (lost HTTPS, gained a world-open SSH rule, a priority and a
 * description changed, lost an egress SMTP block; the IPv6 rule is written `::0/0` in the
 * backup and `::/0` live, which is the same rule). Around it: a group at the 200-rule limit,
 * a classic pair, an advanced group, IPv6, prefix lists, group references, priority-110
 * system rules, a service-managed group, a second VPC and enough groups to page. `mesh-prod`
 * sits at the 20 group-reference limit and `mesh-prod-next` (same VPC) holds 24. Instances and
 * ENIs (seed-instances.ts) use the groups: web-prod has 6 instances (4 running) and 2 secondary
 * ENIs, and app-prod and mesh-prod reference it.
 */
import {
  HANGZHOU_INSTANCES,
  HANGZHOU_NETWORK_INTERFACES,
  HANGZHOU_PREFIX_LISTS,
} from './seed-instances';
import {
  generateRules,
  loadSeedInstances,
  loadSeedRegion,
  type SeedGroup,
  type SeedRegion,
  type SeedRule,
} from './seed-builders';
import type { EmulatorState } from './state';

export const DEFAULT_ACCOUNT_ID = '1863524780093512';
export const DEFAULT_RESOURCE_GROUP_ID = 'rg-acfmzw2jz2z4ldq';

const ALLOW_ALL_OUT: SeedRule = {
  dir: 'out',
  proto: 'ALL',
  peer: '0.0.0.0/0',
  desc: 'allow all outbound',
};

/** Rules web-prod and its backup share, untouched by the drift. */
const WEB_COMMON: SeedRule[] = [
  { dir: 'in', proto: 'TCP', ports: '80/80', peer: '0.0.0.0/0', desc: 'HTTP from anywhere' },
  {
    dir: 'in',
    proto: 'TCP',
    ports: '22/22',
    peer: 'pl:office-egress',
    desc: 'SSH from the office',
  },
  {
    dir: 'in',
    proto: 'TCP',
    ports: '3389/3389',
    peer: '0.0.0.0/0',
    policy: 'Drop',
    desc: 'block RDP',
  },
  {
    dir: 'in',
    proto: 'TCP',
    ports: '443/443',
    peer: 'pl:cdn-back-to-origin',
    desc: 'CDN back-to-origin',
  },
  ALLOW_ALL_OUT,
];

const WEB_PROD: SeedGroup = {
  name: 'web-prod',
  vpc: 'prod',
  desc: 'Public web tier',
  created: '2025-03-02T08:15:42Z',
  tags: { env: 'prod', team: 'web' },
  rules: [
    ...WEB_COMMON,
    { dir: 'in', proto: 'ICMP', peer: '10.0.0.0/8', priority: 20, desc: 'ping from the VPC' },
    { dir: 'in', proto: 'TCP', ports: '8080/8080', peer: 'sg:app-prod', desc: 'app health checks' },
    { dir: 'in', proto: 'TCP', ports: '443/443', peer: '::/0', desc: 'HTTPS over IPv6' },
    { dir: 'in', proto: 'TCP', ports: '22/22', peer: '0.0.0.0/0', desc: 'temporary debug SSH' },
  ],
};

const WEB_PROD_BACKUP: SeedGroup = {
  name: 'web-prod-backup-20261120',
  vpc: 'prod',
  desc: 'Clone of web-prod taken 2026-11-20',
  created: '2026-11-20T02:00:07Z',
  tags: { env: 'prod', team: 'web', backup: 'true' },
  rules: [
    ...WEB_COMMON,
    { dir: 'in', proto: 'TCP', ports: '443/443', peer: '0.0.0.0/0', desc: 'HTTPS from anywhere' },
    { dir: 'in', proto: 'ICMP', peer: '10.0.0.0/8', priority: 10, desc: 'ping from the VPC' },
    {
      dir: 'in',
      proto: 'TCP',
      ports: '8080/8080',
      peer: 'sg:app-prod',
      desc: 'health checks from the app tier',
    },
    { dir: 'in', proto: 'TCP', ports: '443/443', peer: '::0/0', desc: 'HTTPS over IPv6' },
    {
      dir: 'in',
      proto: 'ALL',
      peer: '100.100.0.0/16',
      priority: 110,
      desc: 'system: cloud monitor',
    },
    {
      dir: 'out',
      proto: 'TCP',
      ports: '25/25',
      peer: '0.0.0.0/0',
      policy: 'Drop',
      desc: 'block outbound SMTP',
    },
  ],
};

const FILLER_SERVICES = [
  'orders',
  'payments',
  'search',
  'inventory',
  'notifications',
  'analytics',
  'reporting',
  'auth',
  'gateway',
  'media',
  'billing',
  'monitoring',
  'logging',
  'batch',
];

/** Small service groups so a 10-per-page listing needs several pages. */
const fillerGroups = (): SeedGroup[] =>
  FILLER_SERVICES.map((service, i) => ({
    name: `svc-${service}`,
    vpc: i % 4 === 3 ? 'staging' : 'prod',
    desc: `${service} service`,
    created: `2025-${String((i % 12) + 1).padStart(2, '0')}-1${i % 10}T0${i % 10}:30:00Z`,
    tags: { env: i % 4 === 3 ? 'staging' : 'prod', service },
    rules: [
      {
        dir: 'in',
        proto: 'TCP',
        ports: `${8000 + i}/${8000 + i}`,
        peer: '10.0.0.0/8',
        desc: `${service} API`,
      },
      { dir: 'in', proto: 'ICMP', peer: '10.0.0.0/8', desc: 'ping' },
      ALLOW_ALL_OUT,
    ],
  }));

const HANGZHOU_GROUPS: SeedGroup[] = [
  WEB_PROD,
  WEB_PROD_BACKUP,
  {
    name: 'app-prod',
    vpc: 'prod',
    desc: 'Application tier',
    created: '2025-03-02T08:20:11Z',
    rules: [
      {
        dir: 'in',
        proto: 'TCP',
        ports: '8080/8080',
        peer: 'sg:web-prod',
        desc: 'from the web tier',
      },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '22/22',
        peer: 'pl:office-egress',
        desc: 'SSH from the office',
      },
      { dir: 'out', proto: 'TCP', ports: '3306/3306', peer: 'sg:db-prod', desc: 'to the database' },
      ALLOW_ALL_OUT,
    ],
  },
  {
    name: 'db-prod',
    vpc: 'prod',
    desc: 'MySQL primary and replicas',
    created: '2025-03-02T08:25:53Z',
    rules: [
      {
        dir: 'in',
        proto: 'TCP',
        ports: '3306/3306',
        peer: 'sg:app-prod',
        desc: 'MySQL from the app tier',
      },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '3306/3306',
        peer: '10.20.0.0/16',
        local: '10.10.0.0/24',
        desc: 'replication',
      },
      {
        dir: 'in',
        proto: 'ALL',
        peer: '0.0.0.0/0',
        policy: 'Drop',
        priority: 100,
        desc: 'deny everything else',
      },
      {
        dir: 'in',
        proto: 'ALL',
        peer: '100.100.0.0/16',
        priority: 110,
        desc: 'system: cloud monitor',
      },
      { dir: 'out', proto: 'ALL', peer: '0.0.0.0/0', priority: 110, desc: 'system: outbound' },
    ],
  },
  {
    name: 'bastion-prod',
    vpc: 'prod',
    desc: 'Jump hosts',
    created: '2025-04-11T10:02:00Z',
    rules: [
      {
        dir: 'in',
        proto: 'TCP',
        ports: '22/22',
        peer: 'pl:office-egress',
        desc: 'SSH from the office',
      },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '22/22',
        peer: 'pl:ops-ipv6',
        desc: 'SSH from ops over IPv6',
      },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '22/22',
        peer: '2001:db8:10::/48',
        desc: 'SSH from the VPN',
      },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '1/65535',
        peer: '203.0.113.0/24',
        srcPorts: '1024/65535',
        desc: 'partner range',
      },
      {
        dir: 'in',
        proto: 'TCP',
        peer: '198.51.100.0/24',
        portList: 'admin-ports',
        ports: '-1/-1',
        desc: 'admin ports (port list)',
      },
      { dir: 'out', proto: 'TCP', ports: '22/22', peer: '10.0.0.0/8', desc: 'SSH into the VPC' },
      { dir: 'out', proto: 'ALL', peer: 'pl:office-egress', desc: 'to the office' },
    ],
  },
  {
    name: 'legacy-monolith',
    vpc: 'prod',
    desc: 'At the 200-rule limit',
    created: '2024-06-30T23:59:59Z',
    rules: [
      ...generateRules(150, (i) => ({
        dir: 'in',
        proto: 'TCP',
        ports: `${10000 + i}/${10000 + i}`,
        peer: `10.${Math.floor(i / 50)}.${i % 50}.0/24`,
        desc: `legacy port ${10000 + i}`,
      })),
      ...generateRules(50, (i) => ({
        dir: 'out',
        proto: 'UDP',
        ports: `${20000 + i}/${20000 + i}`,
        peer: `172.16.${i}.0/24`,
        desc: `legacy callback ${i}`,
      })),
    ],
  },
  {
    name: 'mesh-prod',
    vpc: 'prod',
    desc: 'Basic group at the 20 group-reference limit',
    created: '2025-06-01T06:00:00Z',
    rules: generateRules(20, (i) => ({
      dir: 'in',
      proto: 'TCP',
      ports: `${7000 + i}/${7000 + i}`,
      peer: i % 2 === 0 ? 'sg:app-prod' : 'sg:web-prod',
      desc: `mesh port ${7000 + i}`,
    })),
  },
  {
    name: 'mesh-prod-next',
    vpc: 'prod',
    desc: 'Planned mesh: 24 group references, past the basic limit (a raised quota)',
    created: '2024-11-05T04:00:00Z',
    rules: [
      // The first 12 are mesh-prod's own rules; the other 12 are new references.
      ...generateRules(12, (i) => ({
        dir: 'in',
        proto: 'TCP',
        ports: `${7000 + i}/${7000 + i}`,
        peer: i % 2 === 0 ? 'sg:app-prod' : 'sg:web-prod',
        desc: `mesh port ${7000 + i}`,
      })),
      ...generateRules(12, (i) => ({
        dir: 'in',
        proto: 'TCP',
        ports: `${7100 + i}/${7100 + i}`,
        peer: i % 2 === 0 ? 'sg:db-prod' : 'sg:bastion-prod',
        desc: `mesh v2 port ${7100 + i}`,
      })),
    ],
  },
  {
    name: 'classic-legacy',
    vpc: '',
    desc: 'Classic network web servers',
    created: '2019-08-14T03:12:45Z',
    rules: [
      { dir: 'in', proto: 'TCP', ports: '80/80', peer: '0.0.0.0/0', nic: 'internet', desc: 'HTTP' },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '443/443',
        peer: '0.0.0.0/0',
        nic: 'internet',
        desc: 'HTTPS',
      },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '3306/3306',
        peer: '10.0.0.0/8',
        nic: 'intranet',
        desc: 'MySQL, private',
      },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '22/22',
        peer: 'sg:classic-legacy-backup-20260301',
        desc: 'from the old backup group',
      },
      { dir: 'out', proto: 'ALL', peer: '0.0.0.0/0', nic: 'internet', desc: 'outbound, public' },
      { dir: 'out', proto: 'ALL', peer: '0.0.0.0/0', nic: 'intranet', desc: 'outbound, private' },
    ],
  },
  {
    name: 'classic-legacy-backup-20260301',
    vpc: '',
    desc: 'Clone of classic-legacy',
    created: '2026-03-01T01:00:00Z',
    rules: [
      { dir: 'in', proto: 'TCP', ports: '80/80', peer: '0.0.0.0/0', nic: 'internet', desc: 'HTTP' },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '3306/3306',
        peer: '10.0.0.0/8',
        nic: 'intranet',
        desc: 'MySQL, private',
      },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '8443/8443',
        peer: '0.0.0.0/0',
        nic: 'internet',
        desc: 'admin console',
      },
      { dir: 'out', proto: 'ALL', peer: '0.0.0.0/0', nic: 'internet', desc: 'outbound, public' },
      { dir: 'out', proto: 'ALL', peer: '0.0.0.0/0', nic: 'intranet', desc: 'outbound, private' },
    ],
  },
  {
    name: 'enterprise-core',
    vpc: 'prod',
    type: 'enterprise',
    desc: 'Advanced group: accept rules only',
    created: '2025-09-09T09:09:09Z',
    rules: [
      { dir: 'in', proto: 'TCP', ports: '443/443', peer: '10.0.0.0/8', desc: 'internal HTTPS' },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '6443/6443',
        peer: '10.0.0.0/8',
        priority: 5,
        desc: 'Kubernetes API',
      },
      { dir: 'out', proto: 'TCP', ports: '443/443', peer: '0.0.0.0/0', desc: 'HTTPS out' },
    ],
  },
  {
    name: 'ipv6-edge',
    vpc: 'prod',
    desc: 'Dual-stack edge',
    created: '2025-11-11T11:11:11Z',
    rules: [
      { dir: 'in', proto: 'TCP', ports: '443/443', peer: '::/0', desc: 'HTTPS, IPv6' },
      { dir: 'in', proto: 'ICMPv6', peer: '::/0', desc: 'ICMPv6' },
      {
        dir: 'in',
        proto: 'UDP',
        ports: '443/443',
        peer: '2001:DB8:0:0::/64',
        desc: 'QUIC from the lab (upper-case as typed)',
      },
      { dir: 'in', proto: 'TCP', ports: '443/443', peer: '0.0.0.0/0', desc: 'HTTPS, IPv4' },
      { dir: 'out', proto: 'ALL', peer: '::/0', desc: 'all out, IPv6' },
      { dir: 'out', proto: 'GRE', peer: '192.0.2.0/24', desc: 'GRE tunnel' },
    ],
  },
  {
    name: 'k8s-managed-sg',
    vpc: 'prod',
    desc: 'Managed by Container Service',
    created: '2025-12-01T00:00:00Z',
    serviceManaged: true,
    tags: { 'ack.aliyun.com': 'c8f2a' },
    rules: [{ dir: 'in', proto: 'ALL', peer: '172.20.0.0/16', desc: 'pod CIDR' }, ALLOW_ALL_OUT],
  },
  {
    name: 'web-staging',
    vpc: 'staging',
    desc: 'Staging web tier (other VPC)',
    created: '2025-05-05T05:05:05Z',
    tags: { env: 'staging', team: 'web' },
    rules: [
      { dir: 'in', proto: 'TCP', ports: '80/80', peer: '10.0.0.0/8', desc: 'HTTP' },
      {
        dir: 'in',
        proto: 'TCP',
        ports: '8080/8080',
        peer: 'sg:cache-staging',
        desc: 'from the cache',
      },
      ALLOW_ALL_OUT,
    ],
  },
  {
    name: 'cache-staging',
    vpc: 'staging',
    desc: 'Redis for staging',
    created: '2025-05-05T05:06:00Z',
    rules: [
      {
        dir: 'in',
        proto: 'TCP',
        ports: '6379/6379',
        peer: 'sg:web-staging',
        desc: 'Redis from web',
      },
      ALLOW_ALL_OUT,
    ],
  },
  {
    name: 'empty-sandbox',
    vpc: 'staging',
    desc: 'No rules at all',
    created: '2026-01-15T12:00:00Z',
    rules: [],
  },
  ...fillerGroups(),
];

const simpleWebGroup = (name: string, created: string): SeedGroup => ({
  name,
  vpc: 'main',
  created,
  rules: [
    { dir: 'in', proto: 'TCP', ports: '80/80', peer: '0.0.0.0/0', desc: 'HTTP' },
    { dir: 'in', proto: 'TCP', ports: '443/443', peer: '0.0.0.0/0', desc: 'HTTPS' },
    ALLOW_ALL_OUT,
  ],
});

export const DEMO_SEED: SeedRegion[] = [
  {
    info: {
      regionId: 'cn-hangzhou',
      localNameZh: '华东1（杭州）',
      localNameEn: 'China (Hangzhou)',
      endpoint: 'ecs.aliyuncs.com',
      status: 'available',
      idPrefix: 'bp',
    },
    vpcs: ['prod', 'staging'],
    prefixLists: HANGZHOU_PREFIX_LISTS,
    portRangeLists: ['admin-ports'],
    groups: HANGZHOU_GROUPS,
    instances: HANGZHOU_INSTANCES,
    networkInterfaces: HANGZHOU_NETWORK_INTERFACES,
  },
  {
    info: {
      regionId: 'cn-shanghai',
      localNameZh: '华东2（上海）',
      localNameEn: 'China (Shanghai)',
      endpoint: 'ecs.cn-shanghai.aliyuncs.com',
      status: 'available',
      idPrefix: 'uf',
    },
    vpcs: ['main'],
    groups: [
      simpleWebGroup('web-sh', '2025-02-02T02:02:02Z'),
      {
        ...simpleWebGroup('web-sh-backup-20260101', '2026-01-01T00:00:00Z'),
        desc: 'Clone of web-sh',
      },
      { name: 'default-sg', vpc: 'main', created: '2024-12-12T12:12:12Z', rules: [ALLOW_ALL_OUT] },
    ],
    instances: [
      { name: 'web-sh-01', groups: ['web-sh'], created: '2025-02-02T03:00:00Z' },
      { name: 'web-sh-02', groups: ['web-sh'], status: 'Stopped', created: '2025-02-02T03:05:00Z' },
    ],
  },
  {
    info: {
      regionId: 'ap-southeast-1',
      localNameZh: '新加坡',
      localNameEn: 'Singapore',
      endpoint: 'ecs.ap-southeast-1.aliyuncs.com',
      status: 'available',
      idPrefix: 't4',
    },
    vpcs: ['main'],
    groups: [
      simpleWebGroup('web-sg', '2025-07-07T07:07:07Z'),
      {
        name: 'db-sg',
        vpc: 'main',
        created: '2025-07-07T07:10:00Z',
        rules: [
          {
            dir: 'in',
            proto: 'TCP',
            ports: '5432/5432',
            peer: 'sg:web-sg',
            desc: 'Postgres from web',
          },
        ],
      },
    ],
    instances: [
      { name: 'web-sg-01', groups: ['web-sg'], created: '2025-07-07T08:00:00Z' },
      { name: 'db-sg-01', groups: ['db-sg'], created: '2025-07-07T08:10:00Z' },
    ],
  },
  {
    info: {
      regionId: 'cn-beijing',
      localNameZh: '华北2（北京）',
      localNameEn: 'China (Beijing)',
      endpoint: 'ecs.cn-beijing.aliyuncs.com',
      status: 'available',
      idPrefix: '2z',
    },
    vpcs: ['main'],
    groups: [simpleWebGroup('web-bj', '2025-08-08T08:08:08Z')],
  },
  {
    info: {
      regionId: 'cn-wuhan-lr',
      localNameZh: '华中1（武汉-本地地域）',
      localNameEn: 'China (Wuhan) Local Region',
      endpoint: 'ecs.cn-wuhan-lr.aliyuncs.com',
      status: 'soldOut',
      idPrefix: 'wh',
    },
    vpcs: [],
    groups: [],
  },
];

/** 'demo' loads everything; 'empty' keeps regions, VPCs and prefix lists but no groups or instances. */
export function loadSeed(state: EmulatorState, seed: 'demo' | 'empty'): void {
  for (const region of DEMO_SEED) {
    const chosen =
      seed === 'demo' ? region : { ...region, groups: [], instances: [], networkInterfaces: [] };
    loadSeedRegion(state, chosen, DEFAULT_RESOURCE_GROUP_ID);
    loadSeedInstances(state, chosen);
  }
}
