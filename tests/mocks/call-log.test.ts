import { createEcsEmulator } from '../../src/mocks/emulator';

const describeRegions = { action: 'DescribeRegions', host: 'h', params: {} };

describe('the call log, a ring buffer', () => {
  it('stays at callLogSize over thousands of calls and keeps the newest, in order', async () => {
    const emulator = createEcsEmulator({ callLogSize: 50 });
    for (let i = 0; i < 3000; i++) {
      await emulator.handle({ ...describeRegions, params: { AcceptLanguage: `n${i}` } });
      expect(emulator.calls.length).toBeLessThanOrEqual(50);
    }
    const calls = emulator.calls;
    expect(calls).toHaveLength(50);
    expect(calls.map((c) => c.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 2951 + i));
    expect(calls.at(-1)?.params).toEqual({ AcceptLanguage: 'n2999' });
  });

  it('keeps 1000 calls by default; clearCalls empties it and the count goes on', async () => {
    const emulator = createEcsEmulator({ seed: 'empty' });
    for (let i = 0; i < 1200; i++) await emulator.handle(describeRegions);
    expect(emulator.calls).toHaveLength(1000);
    expect(emulator.calls[0]?.seq).toBe(201);
    emulator.clearCalls();
    expect(emulator.calls).toEqual([]);
    await emulator.handle(describeRegions);
    expect(emulator.calls.map((c) => c.seq)).toEqual([1201]);
    emulator.reset();
    await emulator.handle(describeRegions);
    expect(emulator.calls.map((c) => c.seq)).toEqual([1]);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => createEcsEmulator({ callLogSize: 0 })).toThrow(RangeError);
  });
});

describe('ClientToken memory', () => {
  it('forgets the oldest of more than 5,000 tokens, and remembers the newer ones', async () => {
    const emulator = createEcsEmulator({ seed: 'empty' });
    const create = (token: string, name: string) =>
      emulator.handle({
        action: 'CreateSecurityGroup',
        host: 'h',
        params: { RegionId: 'cn-shanghai', SecurityGroupName: name, ClientToken: token },
      });
    for (let i = 0; i <= 5000; i++) await create(`t${i}`, `g${i}`);
    // t0 is forgotten: reusing it with other parameters is a new request, not a mismatch.
    expect((await create('t0', 'other')).status).toBe(200);
    expect(await create('t5000', 'other')).toMatchObject({
      status: 400,
      body: { Code: 'IdempotentParameterMismatch' },
    });
  });
});
