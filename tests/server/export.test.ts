import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/server/snapshots/csv';
import { PERMISSION_COLUMNS } from '../../src/server/snapshots/export-format';
import { apiOf, REGION, useSharedStack } from './helpers';

describe('the CSV writer (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, and ends records with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 'x,y'],
          ['say "hi"', 'two\nlines'],
        ],
      ),
    ).toBe('a,b\r\nplain,"x,y"\r\n"say ""hi""","two\nlines"\r\n');
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });
});

describe('export', () => {
  const shared = useSharedStack();

  it('exports a group as JSON named like the ECS console, with Permission fields', async () => {
    const res = await shared.stack.app.request(
      `/api/regions/${REGION}/security-groups/${shared.webProd}/export?format=json`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ecs_${REGION}_${shared.webProd}.json"`,
    );
    const body = (await res.json()) as {
      SecurityGroupId: string;
      Permissions: { Permission: Record<string, string>[] };
    };
    expect(body.SecurityGroupId).toBe(shared.webProd);
    const live = shared.stack.emulator.listRules(REGION, shared.webProd);
    expect(body.Permissions.Permission).toHaveLength(live.length);
    for (const permission of body.Permissions.Permission) {
      expect(
        Object.keys(permission).every((k) => (PERMISSION_COLUMNS as readonly string[]).includes(k)),
      ).toBe(true);
      expect(permission).toMatchObject({
        IpProtocol: expect.any(String),
        Policy: expect.any(String),
      });
      expect(['ingress', 'egress']).toContain(permission.Direction);
    }
  });

  it('exports a snapshot as CSV with a header of Permission fields and one line per rule', async () => {
    const created = await apiOf(shared.stack.app).regions[':region']['security-groups'][
      ':id'
    ].snapshots.$post({
      param: { region: REGION, id: shared.webProd },
      json: { note: 'for export' },
    });
    expect(created.status).toBe(201);
    const snapshot = await created.json();
    const res = await shared.stack.app.request(`/api/snapshots/${snapshot.id}/export?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const stamp = snapshot.createdAt.replace(/[-:T]/g, '').slice(0, 14);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ecs_sgRule_${shared.webProd}_${REGION}_${stamp}.csv"`,
    );
    const lines = (await res.text()).split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe(PERMISSION_COLUMNS.join(','));
    expect(lines).toHaveLength(snapshot.rules.length + 1);
  });

  it('answers 404 for an unknown snapshot and 400 for an unknown format', async () => {
    expect((await shared.stack.app.request('/api/snapshots/snap-nothere00/export')).status).toBe(
      404,
    );
    const bad = await shared.stack.app.request(
      `/api/regions/${REGION}/security-groups/${shared.webProd}/export?format=xml`,
    );
    expect(bad.status).toBe(400);
  });
});
