import { describe, expect, it } from 'vitest';
import {
  assertSafeBind,
  ConfigError,
  DEFAULT_BATCH_SIZE,
  DEFAULT_PORT,
  defaultConfig,
  loadConfig,
} from '../../src/server/config';

describe('loadConfig', () => {
  it('has documented defaults', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: DEFAULT_PORT,
      dataDir: './data',
      ecsMode: 'auto',
      ruleLimit: 200,
      batchSize: DEFAULT_BATCH_SIZE,
      allowedHosts: [],
      logLevel: 'info',
      emulatorTestControls: false,
      watchIntervalS: 300,
      snapshotRetentionDays: 90,
      snapshotsPerGroup: 100,
      autoRevertMinuteMs: 60_000,
      sessionHours: 12,
      trustedProxies: [],
      eniRuleLimit: 1000,
      protectedSources: [],
    });
    expect(DEFAULT_PORT).toBe(8787);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '9000',
      DATA_DIR: '/var/lib/rrc',
      CONSOLE_TOKEN: 'a-long-enough-token',
      ECS_MODE: 'live',
      ECS_ENDPOINT: 'https://ecs.example.test',
      RULE_LIMIT: '1000',
      BATCH_SIZE: '100',
      ALLOWED_HOSTS: 'Console.Example.com, other.test:8443',
      LOG_LEVEL: 'warn',
      SESSION_HOURS: '0.5',
      TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7 ,fd00::/8',
    });
    expect(config).toMatchObject({
      sessionHours: 0.5,
      trustedProxies: [
        { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
        { address: '192.0.2.7', prefix: 32, family: 'ipv4' },
        { address: 'fd00::', prefix: 8, family: 'ipv6' },
      ],
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/var/lib/rrc',
      consoleToken: 'a-long-enough-token',
      ecsMode: 'live',
      ecsEndpoint: 'https://ecs.example.test',
      ruleLimit: 1000,
      batchSize: 100,
      allowedHosts: ['console.example.com', 'other.test:8443'],
      logLevel: 'warn',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', CONSOLE_TOKEN: '', ECS_ENDPOINT: '' })).toEqual(loadConfig({}));
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['ECS_MODE', 'cloud'],
    ['ECS_ENDPOINT', 'ecs.example.test'],
    ['ECS_ENDPOINT', 'ftp://ecs.example.test'],
    ['BATCH_SIZE', '101'],
    ['BATCH_SIZE', '0'],
    ['RULE_LIMIT', '-1'],
    ['CONSOLE_TOKEN', 'short'],
    ['CONSOLE_TOKEN', ' '.repeat(16)],
    ['CONSOLE_TOKEN', `abcdefgh${' '.repeat(10)}ijklmno`],
    ['CONSOLE_TOKEN', 'a'.repeat(32)],
    ['SESSION_HOURS', '0'],
    ['SESSION_HOURS', 'soon'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['TRUSTED_PROXIES', 'proxy.example.com'],
    ['TRUSTED_PROXIES', '10.0.0.1, 10.0.0.0/8/2'],
    ['ALLOWED_HOSTS', 'good.test, bad host'],
    ['LOG_LEVEL', 'loud'],
    ['EMULATOR_TEST_CONTROLS', 'maybe'],
  ])('stops on a bad %s=%s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('accepts a token of 16 non-whitespace characters with more than one distinct one', () => {
    expect(loadConfig({ CONSOLE_TOKEN: 'ab'.repeat(8) }).consoleToken).toBe('ab'.repeat(8));
    expect(() => loadConfig({ CONSOLE_TOKEN: 'ab'.repeat(7) + 'a' })).toThrow(/16 non-whitespace/);
    expect(() => loadConfig({ CONSOLE_TOKEN: 'x'.repeat(20) })).toThrow(/one character/);
  });

  it('refuses emulator test controls in live mode', () => {
    expect(() => loadConfig({ EMULATOR_TEST_CONTROLS: 'true', ECS_MODE: 'live' })).toThrow(
      /EMULATOR_TEST_CONTROLS/,
    );
    expect(
      loadConfig({ EMULATOR_TEST_CONTROLS: 'true', ECS_MODE: 'emulator' }).emulatorTestControls,
    ).toBe(true);
  });
});

describe('assertSafeBind', () => {
  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])(
    'allows loopback %s without a token',
    (host) => {
      expect(() => assertSafeBind(defaultConfig({ host }))).not.toThrow();
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.10', 'console.example.com'])(
    'refuses %s without CONSOLE_TOKEN',
    (host) => {
      expect(() => assertSafeBind(defaultConfig({ host }))).toThrow(/HOST.*CONSOLE_TOKEN/);
      expect(() =>
        assertSafeBind(defaultConfig({ host, consoleToken: 'a-long-enough-token' })),
      ).not.toThrow();
    },
  );
});
