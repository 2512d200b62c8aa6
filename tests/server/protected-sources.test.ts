/**
 * Protected sources end to end through the proxy: the settings route (GET/PUT, validation),
 * the preview flagging a protected source the restore blocks, and the typed confirmation the
 * start enforces (no confirmName or a wrong one: 400 and nothing written; the name: 202).
 */
import {
  apiOf,
  errorOf,
  groupDetailOf,
  preview,
  REGION,
  restoresOf,
  useSharedStack,
} from './helpers';
import type { TestStack } from '../support/test-stack';

function putSources(stack: TestStack, sources: unknown) {
  return stack.app.request('/api/settings/protected-sources', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sources }),
  });
}

function start(
  stack: TestStack,
  source: string,
  destination: string,
  revision: string,
  confirmName?: string,
) {
  return apiOf(stack.app).regions[':region']['security-groups'][':id'].restores.$post({
    param: { region: REGION, id: source },
    json: {
      destinationId: destination,
      mode: 'completely',
      revision,
      ...(confirmName === undefined ? {} : { confirmName }),
    },
  });
}

describe('the protected-sources setting', () => {
  const shared = useSharedStack({
    config: { protectedSources: [{ label: 'vpn', cidr: '198.51.100.7/32' }] },
  });
  afterEach(() => shared.stack.journal.replaceProtectedSources([]));

  it('answers the setting read-only and the console’s list, canonical, after a PUT', async () => {
    const res = await putSources(shared.stack, [
      { label: ' office ', cidr: '203.0.113.9/24' },
      { label: 'bastion', cidr: '2001:db8::1' },
    ]);
    expect(res.status).toBe(200);
    const got = await apiOf(shared.stack.app).settings['protected-sources'].$get();
    expect(await got.json()).toEqual({
      configured: [{ label: 'vpn', cidr: '198.51.100.7/32' }],
      edited: [
        { label: 'office', cidr: '203.0.113.0/24' },
        { label: 'bastion', cidr: '2001:db8::1/128' },
      ],
    });
  });

  it('refuses a bad CIDR with 400 naming the entry and its field, keeping the list', async () => {
    await putSources(shared.stack, [{ label: 'office', cidr: '203.0.113.0/24' }]);
    const res = await putSources(shared.stack, [
      { label: 'office', cidr: '203.0.113.0/24' },
      { label: 'vpn', cidr: '198.51.100.300/32' },
    ]);
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body.code).toBe('ValidationError');
    expect(body.details?.field).toBe('sources.1.cidr');
    expect(shared.stack.journal.protectedSources()).toEqual([
      { label: 'office', cidr: '203.0.113.0/24' },
    ]);
  });

  it('refuses an empty label and an unknown field', async () => {
    const empty = await putSources(shared.stack, [{ label: ' ', cidr: '10.0.0.0/8' }]);
    expect((await errorOf(empty)).details?.field).toBe('sources.0.label');
    const extra = await putSources(shared.stack, [{ label: 'x', cidr: '10.0.0.0/8', note: 1 }]);
    expect(extra.status).toBe(400);
    expect((await errorOf(extra)).details?.field).toBe('sources.0.note');
  });
});

describe('a restore that blocks a protected source', () => {
  const shared = useSharedStack();
  beforeEach(() =>
    shared.stack.journal.replaceProtectedSources([{ label: 'office', cidr: '203.0.113.0/24' }]),
  );
  afterEach(() => shared.stack.journal.replaceProtectedSources([]));

  it('is flagged in the preview with the statements that block it', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    // The demo restore also removes a rule under web-prod's 4 running instances: both reasons.
    expect(planned.confirmationRequired).toEqual({
      reason: 'protected-source',
      reasons: [
        { kind: 'protected-source' },
        { kind: 'running-instances', running: 4, complete: true, removed: 1 },
      ],
    });
    expect(planned.protectedBlocked).toEqual([
      {
        label: 'office',
        cidr: '203.0.113.0/24',
        statements: [planned.traffic.ingress.statements[0]],
      },
    ]);
    expect(planned.protectedBlocked[0]!.statements[0]).toMatchObject({ ports: '22/22' });
  });

  it('is not flagged for a source outside what the restore blocks', async () => {
    shared.stack.journal.replaceProtectedSources([{ label: 'v6', cidr: '2001:db8::/32' }]);
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    expect(planned.protectedBlocked).toEqual([]);
    expect(planned.confirmationRequired?.reasons.map((r) => r.kind)).toEqual(['running-instances']);
  });

  it('starts only with the source group’s name typed; otherwise 400 and zero writes', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    shared.stack.emulator.clearCalls();
    for (const confirmName of [undefined, 'web-pro', 'WEB-PROD']) {
      const res = await start(
        shared.stack,
        shared.webProd,
        shared.backup,
        planned.revision,
        confirmName,
      );
      expect(res.status).toBe(400);
      const body = await errorOf(res);
      expect(body.code).toBe('ConfirmationRequired');
      expect(body.details?.field).toBe('confirmName');
    }
    expect(shared.stack.emulator.calls.filter((c) => !c.action.startsWith('Describe'))).toEqual([]);
    expect((await restoresOf(shared.stack.app, shared.webProd)).restores).toEqual([]);
    const ok = await start(
      shared.stack,
      shared.webProd,
      shared.backup,
      planned.revision,
      'web-prod',
    );
    expect(ok.status).toBe(202);
    await shared.stack.runner.idle();
  });
});

describe('a protected source blocked past the statements the preview lists', () => {
  const shared = useSharedStack();
  afterEach(() => shared.stack.journal.replaceProtectedSources([]));

  /**
   * 60 rules, each its own port (none adjacent) and network, restored from an empty group: 60
   * "allowed → blocked" statements, sorted by port, so the last network's is the 60th.
   */
  function wideGroup(): { source: string; empty: string } {
    const { emulator } = shared.stack;
    const source = emulator.addGroup(REGION, { name: 'wide-ingress' });
    emulator.addRules(
      REGION,
      source,
      'ingress',
      Array.from({ length: 60 }, (_, i) => ({
        IpProtocol: 'TCP',
        PortRange: `${1000 + 2 * i}/${1000 + 2 * i}`,
        SourceCidrIp: `10.${i}.0.0/16`,
        Priority: '1',
        Policy: 'Accept',
      })),
    );
    return { source, empty: emulator.addGroup(REGION, { name: 'wide-ingress-empty' }) };
  }

  it('still asks for the name and names the port, though the list stops at 50', async () => {
    shared.stack.journal.replaceProtectedSources([{ label: 'ops', cidr: '10.59.0.0/24' }]);
    const { source, empty } = wideGroup();
    const planned = await preview(shared.stack.app, source, empty);
    expect(planned.traffic.ingress.statements).toHaveLength(50);
    expect(planned.traffic.ingress.more).toBe(10);
    expect(planned.confirmationRequired?.reasons).toEqual([{ kind: 'protected-source' }]);
    expect(planned.protectedBlocked).toEqual([
      {
        label: 'ops',
        cidr: '10.59.0.0/24',
        statements: [
          expect.objectContaining({ ports: '1118/1118', from: 'allowed', to: 'blocked' }),
        ],
      },
    ]);
  });
});

describe('a protected source among the members of a prefix list the restore cuts off', () => {
  const shared = useSharedStack();
  afterEach(() => shared.stack.journal.replaceProtectedSources([]));

  /** A group whose only rule lets the office-egress prefix list in on SSH, and an empty group. */
  async function officeOnlyPair(): Promise<{ source: string; empty: string; office: string }> {
    const web = await groupDetailOf(shared.stack.app, shared.webProd);
    const office = web.rules.find((rule) => rule.meta.peerName === 'office-egress')?.peer;
    if (office?.kind !== 'prefixList') throw new Error('web-prod has no office-egress rule');
    const { emulator } = shared.stack;
    const source = emulator.addGroup(REGION, { name: 'office-ssh' });
    emulator.addRules(REGION, source, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '22/22',
        SourcePrefixListId: office.prefixListId,
        Priority: '1',
        Policy: 'Accept',
      },
    ]);
    const empty = emulator.addGroup(REGION, { name: 'office-ssh-empty' });
    return { source, empty, office: office.prefixListId };
  }

  it('is flagged when one of the list’s entries holds it', async () => {
    // The head office, 203.0.113.0/28, is an entry of office-egress.
    shared.stack.journal.replaceProtectedSources([
      { label: 'head office', cidr: '203.0.113.5/32' },
    ]);
    const { source, empty, office } = await officeOnlyPair();
    const planned = await preview(shared.stack.app, source, empty);
    expect(planned.confirmationRequired?.reasons).toEqual([{ kind: 'protected-source' }]);
    expect(planned.protectedBlocked).toEqual([
      {
        label: 'head office',
        cidr: '203.0.113.5/32',
        statements: [
          expect.objectContaining({
            ports: '22/22',
            peer: { kind: 'prefixList', prefixListId: office },
            from: 'allowed',
            to: 'blocked',
          }),
        ],
      },
    ]);
  });

  it('is not flagged when no entry holds it, and the list is read only with protected sources', async () => {
    const { source, empty } = await officeOnlyPair();
    const reads = () => {
      const count = shared.stack.emulator.calls.filter(
        (c) => c.action === 'DescribePrefixListAttributes',
      ).length;
      shared.stack.emulator.clearCalls();
      return count;
    };
    shared.stack.emulator.clearCalls();
    const unprotected = await preview(shared.stack.app, source, empty);
    expect(unprotected.confirmationRequired).toBeNull();
    // The per-ENI check sizes the list either way; the entries are read once more only when a
    // protected source could be among them.
    const forTheQuota = reads();

    shared.stack.journal.replaceProtectedSources([{ label: 'lab', cidr: '10.20.0.0/16' }]);
    const planned = await preview(shared.stack.app, source, empty);
    expect(planned.protectedBlocked).toEqual([]);
    expect(planned.confirmationRequired).toBeNull();
    expect(reads()).toBe(forTheQuota + 1);
  });

  it('is flagged when the list cannot be read: its members may include it', async () => {
    shared.stack.journal.replaceProtectedSources([{ label: 'lab', cidr: '10.20.0.0/16' }]);
    const { source, empty } = await officeOnlyPair();
    // The per-ENI check's read of the list comes first, then the protected sources' one.
    for (const nth of [1, 2]) {
      shared.stack.emulator.failCall('DescribePrefixListAttributes', nth, {
        code: 'Forbidden.RAM',
        status: 403,
      });
    }
    const planned = await preview(shared.stack.app, source, empty);
    expect(planned.protectedBlocked.map((hit) => hit.label)).toEqual(['lab']);
    expect(planned.confirmationRequired?.reasons).toEqual([{ kind: 'protected-source' }]);
  });
});
