/**
 * How the server chooses live ECS or the emulator. The credential chain is the real one; the
 * test empties the environment variables it reads and points its files at an empty home, so
 * nothing on this machine can answer it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig } from '../../src/server/config';
import { connectEcs } from '../../src/server/boot/ecs-mode';
import { createLogger } from '../../src/server/logger';

const CHAIN_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
  'ALIBABA_CLOUD_PROFILE',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
  'HOME',
];
const saved = new Map<string, string | undefined>();

beforeEach(() => {
  for (const name of CHAIN_VARIABLES) saved.set(name, process.env[name]);
  for (const name of CHAIN_VARIABLES) delete process.env[name];
  process.env.HOME = mkdtempSync(path.join(tmpdir(), 'no-credentials-'));
});
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('connectEcs', () => {
  const logger = createLogger('silent');

  it('refuses ECS_MODE=live without credentials with a configuration error naming the variable', async () => {
    const attempt = connectEcs(defaultConfig({ ecsMode: 'live' }), logger);
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(
      /ECS_MODE: live, but the credential chain found no credentials/,
    );
  });

  it('goes live through the chain when the environment holds keys', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'test-key-id';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'test-key-secret';
    const connection = await connectEcs(defaultConfig({ ecsMode: 'auto' }), logger);
    expect(connection.mode).toBe('live');
    connection.stop();
  });

  it('falls back to the emulator in auto mode without credentials', async () => {
    const connection = await connectEcs(defaultConfig({ ecsMode: 'auto' }), logger);
    expect(connection.mode).toBe('emulator');
    connection.stop();
  });
});
