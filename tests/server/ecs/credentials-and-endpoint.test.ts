import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveCredentials, staticCredential } from '../../../src/server/ecs/credentials';
import { parseEndpointSetting } from '../../../src/server/ecs/sdk-clients';

describe('parseEndpointSetting (ECS_ENDPOINT)', () => {
  it('splits scheme and host[:port] for the SDK config', () => {
    expect(parseEndpointSetting('http://127.0.0.1:9100')).toEqual({
      host: '127.0.0.1:9100',
      protocol: 'http',
    });
    expect(parseEndpointSetting('https://ecs-vpc.cn-hangzhou.aliyuncs.com/')).toEqual({
      host: 'ecs-vpc.cn-hangzhou.aliyuncs.com',
      protocol: 'https',
    });
    expect(parseEndpointSetting('ecs.cn-beijing.aliyuncs.com')).toEqual({
      host: 'ecs.cn-beijing.aliyuncs.com',
      protocol: 'https',
    });
  });

  it('refuses anything the SDK could not honour', () => {
    expect(() => parseEndpointSetting('ftp://host')).toThrow(/http or https/);
    expect(() => parseEndpointSetting('http://host/path')).toThrow(/scheme and host/);
    expect(() => parseEndpointSetting('http://user:pw@host')).toThrow(/scheme and host/);
    expect(() => parseEndpointSetting('http://')).toThrow(/not a URL/);
  });
});

describe('credentials', () => {
  const CHAIN_VARIABLES = [
    'ALIBABA_CLOUD_ACCESS_KEY_ID',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    'ALIBABA_CLOUD_SECURITY_TOKEN',
    'ALIBABA_CLOUD_ROLE_ARN',
    'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
    'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
    'ALIBABA_CLOUD_CREDENTIALS_URI',
    'ALIBABA_CLOUD_CREDENTIALS_FILE',
    'ALIBABA_CLOUD_PROFILE',
    'ALIBABA_CLOUD_ECS_METADATA',
  ];

  beforeEach(() => {
    // An empty home: no CLI profile, no credentials file; the metadata service stays off.
    vi.stubEnv('HOME', mkdtempSync(join(tmpdir(), 'ecs-cred-')));
    vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
    for (const name of CHAIN_VARIABLES) vi.stubEnv(name, undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('resolves null when the default chain finds nothing', async () => {
    await expect(resolveCredentials({ timeoutMs: 2000 })).resolves.toBeNull();
  });

  it('finds keys in the environment and names the provider', async () => {
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', 'LTAI-test-id');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'test-secret');
    const resolved = await resolveCredentials({ timeoutMs: 2000 });
    expect(resolved?.source).toMatch(/env/);
    const model = await resolved?.client.getCredential();
    expect(model?.accessKeyId).toBe('LTAI-test-id');
  });

  it('builds a static credential without touching the chain', async () => {
    const model = await staticCredential('fake-id', 'fake-secret').getCredential();
    expect(model).toMatchObject({ accessKeyId: 'fake-id', accessKeySecret: 'fake-secret' });
    const sts = await staticCredential('fake-id', 'fake-secret', 'fake-token').getCredential();
    expect(sts.securityToken).toBe('fake-token');
  });
});
