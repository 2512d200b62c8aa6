/**
 * The watcher against the emulator, stepped with fake timers: one pass per timer, each awaited
 * to its end (the ECS read is real I/O through msw, not a timer).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdkEcsPort } from '../../src/server/ecs/sdk-ecs-port';
import { createLogger } from '../../src/server/logger';
import { MAX_BACKOFF_FACTOR, Watcher } from '../../src/server/watch/watcher';
import { apiOf, REGION, useSharedStack } from './helpers';

const INTERVAL_S = 60;
const INTERVAL_MS = INTERVAL_S * 1000;

describe('the watcher', () => {
  const shared = useSharedStack();
  let watcher: Watcher;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    watcher = new Watcher({
      // One attempt per read: the adapter's own retry waits would be fake timers too.
      ecs: createSdkEcsPort({
        accessKey: { id: 'test-access-key-id', secret: 'test-access-key-secret' },
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
        timeoutMs: 5000,
      }),
      journal: shared.stack.journal,
      logger: createLogger('silent'),
      intervalS: INTERVAL_S,
      retention: { retentionDays: 90, perGroup: 100 },
    });
  });

  afterEach(async () => {
    await watcher.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    for (const watch of shared.stack.journal.watches.list())
      shared.stack.journal.watches.unwatch(watch.regionId, watch.groupId);
  });

  /** Lets `ms` pass and waits for the pass it started, if any. */
  async function advance(ms: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(ms);
    await watcher.settled();
  }

  const watchSnapshots = (groupId: string) =>
    shared.stack.journal.snapshots
      .list({ groupId, limit: 100 })
      .snapshots.filter((s) => s.kind === 'watch');

  /** A group of this test alone (its ID derives from the name), so no snapshot predates it. */
  function freshGroup(name: string): string {
    const id = shared.stack.emulator.addGroup(REGION, { name, vpcId: 'vpc-watch0001' });
    shared.stack.emulator.addRules(REGION, id, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '22/22',
        SourceCidrIp: '10.0.0.0/8',
        Policy: 'Accept',
        Priority: '1',
      },
    ]);
    return id;
  }

  function watch(groupId: string): void {
    shared.stack.journal.watches.watch({
      regionId: REGION,
      groupId,
      groupName: 'g',
      nextReadMs: Date.now(),
      createdAt: new Date().toISOString(),
    });
  }

  it('keeps a snapshot once per change and none while the rules stay the same', async () => {
    const group = freshGroup('watch-change');
    watch(group);
    watcher.start();
    await advance(0);
    expect(watchSnapshots(group)).toHaveLength(1);
    await advance(INTERVAL_MS);
    expect(watchSnapshots(group)).toHaveLength(1);

    shared.stack.emulator.addRules(REGION, group, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '8443/8443',
        SourceCidrIp: '10.9.0.0/16',
        Policy: 'Accept',
        Priority: '1',
      },
    ]);
    await advance(INTERVAL_MS);
    const after = watchSnapshots(group);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ createdBy: 'watch', note: 'rules changed' });
    await advance(INTERVAL_MS);
    await advance(INTERVAL_MS);
    expect(watchSnapshots(group)).toHaveLength(2);
    expect(shared.stack.journal.watches.get(REGION, group)!.lastReadAt).toBeDefined();
  });

  /** Imports a file of one rule (no group named in it, so it is of `groupId`) as another user would. */
  async function importFileInto(groupId: string): Promise<string> {
    const res = await apiOf(shared.stack.app).regions[':region'].imports.$post({
      param: { region: REGION },
      json: {
        fileName: 'wanted.json',
        sourceId: groupId,
        content: JSON.stringify({
          RegionId: REGION,
          Permissions: {
            Permission: [
              {
                Direction: 'ingress',
                IpProtocol: 'TCP',
                PortRange: '9000/9000',
                SourceCidrIp: '192.168.0.0/16',
                Policy: 'Accept',
                Priority: '1',
              },
            ],
          },
        }),
      },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(shared.stack.journal.snapshots.get(id)).toMatchObject({
      kind: 'import',
      group: { id: groupId },
    });
    return id;
  }

  it('an import between two readings is no reading: no spurious change, one for a real change', async () => {
    const group = freshGroup('watch-import');
    watch(group);
    watcher.start();
    await advance(0);
    expect(watchSnapshots(group)).toHaveLength(1);

    // The imported file differs from the live rules; were it the latest reading, the next read
    // would store a "rules changed" snapshot although the group did not change.
    const imported = await importFileInto(group);
    await advance(INTERVAL_MS);
    await advance(INTERVAL_MS);
    expect(watchSnapshots(group)).toHaveLength(1);

    shared.stack.emulator.addRules(REGION, group, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '8080/8080',
        SourceCidrIp: '10.1.0.0/16',
        Policy: 'Accept',
        Priority: '1',
      },
    ]);
    await advance(INTERVAL_MS);
    expect(watchSnapshots(group)).toHaveLength(2);
    expect(watchSnapshots(group)[0]).toMatchObject({ note: 'rules changed' });

    // The timeline still shows the import, marked as one.
    const timeline = await shared.stack.app.request(
      `/api/regions/${REGION}/security-groups/${group}/timeline`,
    );
    expect(timeline.status).toBe(200);
    const { entries } = (await timeline.json()) as {
      entries: Array<{ type: string; id: string; kind: string }>;
    };
    expect(entries.find((e) => e.id === imported)).toMatchObject({
      type: 'snapshot',
      kind: 'import',
    });
  });

  it('retention counts imports apart: files never push out the readings, and the newest reading stays', async () => {
    const group = freshGroup('watch-retention');
    watch(group);
    watcher.start();
    await advance(0);
    const reading = watchSnapshots(group)[0]!;
    await watcher.stop();
    const imports = [
      await importFileInto(group),
      await importFileInto(group),
      await importFileInto(group),
    ];
    const pruned = shared.stack.journal.snapshots.prune({
      now: new Date(),
      retentionDays: 90,
      perGroup: 2,
    });
    const kept = shared.stack.journal.snapshots
      .list({ groupId: group, limit: 100 })
      .snapshots.map((s) => s.id);
    // Of the imports, the two newest; the reading is the group's only one and stays.
    expect(kept).toEqual([imports[2], imports[1], reading.id]);
    expect(pruned).toBeGreaterThanOrEqual(1);

    // Past the retention age every import goes, the newest reading still stays.
    shared.stack.journal.snapshots.prune({
      now: new Date(Date.now() + 91 * 86_400_000),
      retentionDays: 90,
      perGroup: 2,
    });
    expect(
      shared.stack.journal.snapshots
        .list({ groupId: group, limit: 100 })
        .snapshots.map((s) => s.id),
    ).toEqual([reading.id]);
  });

  it('spreads reads of several groups over the interval', async () => {
    watch(freshGroup('watch-spread-a'));
    watch(freshGroup('watch-spread-b'));
    watcher.start();
    await advance(0);
    // One group per pass: the second waits half an interval.
    const read = () =>
      shared.stack.journal.watches.list().filter((w) => w.lastReadAt !== undefined);
    expect(read()).toHaveLength(1);
    await advance(INTERVAL_MS / 2 - 1);
    expect(read()).toHaveLength(1);
    await advance(1);
    expect(read()).toHaveLength(2);
  });

  it('backs off on throttling, doubling up to the cap, and resets after a read', async () => {
    const group = freshGroup('watch-throttled');
    watch(group);
    shared.stack.emulator.throttleNext(100, { action: 'DescribeSecurityGroupAttribute' });
    watcher.start();
    await advance(0);
    const backoff = () => shared.stack.journal.watches.get(REGION, group)!.backoffMs;
    expect(backoff()).toBe(INTERVAL_MS);
    await advance(INTERVAL_MS);
    expect(backoff()).toBe(2 * INTERVAL_MS);
    // Not read again before the back-off has passed.
    const calls = shared.stack.emulator.calls.length;
    await advance(INTERVAL_MS);
    expect(shared.stack.emulator.calls.length).toBe(calls);
    await advance(INTERVAL_MS);
    expect(backoff()).toBe(4 * INTERVAL_MS);
    for (let i = 0; i < 8; i += 1) await advance(MAX_BACKOFF_FACTOR * INTERVAL_MS);
    expect(backoff()).toBe(MAX_BACKOFF_FACTOR * INTERVAL_MS);
    expect(watchSnapshots(group)).toHaveLength(0);

    shared.stack.emulator.clearFaults();
    await advance(MAX_BACKOFF_FACTOR * INTERVAL_MS);
    expect(backoff()).toBe(0);
    expect(watchSnapshots(group)).toHaveLength(1);
  });

  it('marks a deleted group as deleted and stops reading it', async () => {
    const doomed = shared.stack.emulator.addGroup(REGION, { name: 'doomed', vpcId: 'vpc-doomed1' });
    watch(doomed);
    shared.stack.emulator.deleteGroup(REGION, doomed);
    watcher.start();
    await advance(0);
    expect(shared.stack.journal.watches.get(REGION, doomed)).toMatchObject({
      status: 'deleted',
      lastError: { code: 'InvalidSecurityGroupId.NotFound' },
    });
    const calls = shared.stack.emulator.calls.length;
    await advance(5 * INTERVAL_MS);
    expect(shared.stack.emulator.calls.length).toBe(calls);
  });
});

describe('watch routes', () => {
  const shared = useSharedStack();

  it('PUT watch takes the first snapshot, GET /api/watches lists it, and unwatching removes it', async () => {
    const watchRoute = apiOf(shared.stack.app).regions[':region']['security-groups'][':id'].watch;
    const on = await watchRoute.$put({
      param: { region: REGION, id: shared.webProd },
      json: { watched: true },
    });
    expect(on.status).toBe(200);
    expect(await on.json()).toMatchObject({
      watched: true,
      watch: { status: 'active', groupName: 'web-prod', watchedBy: 'local' },
    });
    const list = await (await shared.api.watches.$get()).json();
    expect(list.watches.map((w) => w.groupId)).toEqual([shared.webProd]);
    const first = shared.stack.journal.snapshots.list({ groupId: shared.webProd, limit: 10 })
      .snapshots[0];
    expect(first).toMatchObject({ kind: 'watch' });
    // Turning it on read the group: the watch says when, not "not read yet".
    expect(list.watches[0]?.lastReadAt).toBe(first?.createdAt);
    const off = await watchRoute.$put({
      param: { region: REGION, id: shared.webProd },
      json: { watched: false },
    });
    expect(await off.json()).toEqual({
      watched: false,
      turnedOff: { by: 'local', at: expect.any(String) as string },
    });
    expect((await (await shared.api.watches.$get()).json()).watches).toEqual([]);
  });
});
