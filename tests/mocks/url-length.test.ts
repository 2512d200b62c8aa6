import { maxHeaderSize } from 'node:http';
import { useEmulator } from './harness';
import { ecsClient, failureOf, req } from './sdk';

/**
 * Pins what msw/node does with a long Authorize URL. msw parses the intercepted request with
 * Node's HTTP parser, whose limit is --max-http-header-size (16 KiB by default). A longer request
 * line never reaches the handler: the SDK waits until its own timeout and throws
 * RequestTimeoutError ("ConnectTimeout"). With the flag raised (NODE_OPTIONS or the vitest
 * `execArgv`), the same call succeeds.
 */
const { emulator, groupId } = useEmulator();

const permissions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ipProtocol: 'tcp',
    portRange: `${i + 1}/${i + 1}`,
    sourceCidrIp: '10.0.0.0/8',
    description: `rule number ${i} with a longish description text here`,
  }));

describe('msw URL length', () => {
  it('passes a 50-permission Authorize (about 10 KB) under the default parser limit', async () => {
    const id = await groupId('empty-sandbox');
    await ecsClient().authorizeSecurityGroup(req.authorize(id, permissions(50)));
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(50);
  });

  const raised = maxHeaderSize >= 32 * 1024;
  it(`a 100-permission Authorize (about 20 KB) ${raised ? 'passes: --max-http-header-size is raised' : 'never reaches the emulator: the SDK times out'} (max-http-header-size ${maxHeaderSize})`, async () => {
    const id = await groupId('empty-sandbox');
    emulator.clearCalls();
    // Short SDK timeouts so this test cannot hang CI whatever happens.
    const client = ecsClient('cn-hangzhou', { readTimeout: 1500, connectTimeout: 1500 });
    const call = client.authorizeSecurityGroup(req.authorize(id, permissions(100)));
    if (raised) {
      await call;
      expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(100);
    } else {
      expect(await failureOf(call)).toMatchObject({ name: 'RequestTimeoutError' });
      expect(emulator.calls).toHaveLength(0);
      expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(0);
    }
  }, 10_000);
});
