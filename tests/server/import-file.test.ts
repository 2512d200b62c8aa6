/**
 * Importing a rules file as a restore destination, through the real proxy against the emulator:
 * our JSON export (and the ECS console's shape) becomes an `import` snapshot, the preview of it
 * is the preview of the group it came from, every problem names its entry and ECS field, and
 * the rule quota is the pre-flight check's refusal, not the reader's.
 */
import { describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  importErrorDetailsSchema,
  type PreviewResponse,
} from '../../src/server/contract';
import { groupIdByName } from '../support/test-stack';
import { apiOf, errorOf, preview, REGION, useSharedStack } from './helpers';

type ImportBody = { fileName: string; content: string; sourceId: string };

const TRICKY = [
  { desc: 'web, admin "ops" team', port: '8443/8443' },
  { desc: 'line one\nline two', port: '8444/8444' },
  { desc: '办公室访问，含逗号', port: '8445/8445' },
];

/** A 400 ImportInvalid read through the contract: the sentence and the listed errors. */
async function importErrorsOf(res: Response) {
  return apiErrorSchema.extend({ details: importErrorDetailsSchema }).parse(await res.json());
}

describe('import a rules file as the destination', () => {
  const shared = useSharedStack();
  const post = (json: ImportBody) =>
    apiOf(shared.stack.app).regions[':region'].imports.$post({ param: { region: REGION }, json });

  async function exported(groupId: string): Promise<{ fileName: string; content: string }> {
    const res = await shared.stack.app.request(
      `/api/regions/${REGION}/security-groups/${groupId}/export?format=json`,
    );
    expect(res.status).toBe(200);
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')![1]!;
    return { fileName, content: await res.text() };
  }

  /** The preview without what names the destination's origin (rule IDs and times are ECS's). */
  const comparable = (p: PreviewResponse) => {
    const strip = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'meta' ? undefined : v)));
    return strip({ ...p, destination: p.destination.id, destinationSnapshot: undefined });
  };

  function fileOf(permissions: Record<string, string>[]): string {
    return JSON.stringify({ RegionId: REGION, Permissions: { Permission: permissions } });
  }

  const rule = (n: number): Record<string, string> => ({
    Direction: 'ingress',
    IpProtocol: 'TCP',
    PortRange: `${1000 + n}/${1000 + n}`,
    SourceCidrIp: '10.0.0.0/8',
    Policy: 'Accept',
    Priority: '1',
  });

  it('round trip: export a group, import the file, the preview is the group’s (IPv6, prefix lists, group peers, quoted and Chinese descriptions)', async () => {
    const appProd = await groupIdByName(shared.stack.app, REGION, 'app-prod');
    shared.stack.emulator.addRules(
      REGION,
      appProd,
      'ingress',
      TRICKY.map((t) => ({
        IpProtocol: 'TCP',
        PortRange: t.port,
        Ipv6SourceCidrIp: '2001:db8::/32',
        Policy: 'Accept',
        Priority: '5',
        Description: t.desc,
      })),
    );
    const file = await exported(appProd);
    expect(file.content).toContain('PrefixListId');
    expect(file.content).toContain('SourceGroupId');
    const res = await post({ ...file, sourceId: shared.webProd });
    expect(res.status).toBe(201);
    const snapshot = await res.json();
    expect(snapshot).toMatchObject({
      kind: 'import',
      note: file.fileName,
      group: { id: appProd, name: 'app-prod' },
    });

    const fromGroup = await preview(shared.stack.app, shared.webProd, appProd);
    const fromFile = await preview(shared.stack.app, shared.webProd, snapshot.id);
    expect(fromFile.destinationSnapshot).toMatchObject({ id: snapshot.id, kind: 'import' });
    expect(comparable(fromFile)).toEqual(comparable(fromGroup));
    expect(fromFile.summary.added).toBeGreaterThan(0);
    const descriptions = fromFile.ingress.added.map((r) => r.description);
    for (const t of TRICKY) expect(descriptions).toContain(t.desc);
  });

  it('reads the ECS console’s shape: Permissions as a list, numbers as numbers, extra fields', async () => {
    const content = JSON.stringify({
      SecurityGroupId: shared.backup,
      Permissions: [
        { ...rule(1), Priority: 2, SecurityGroupRuleId: 'sgr-abc', CreateTime: '2026-11-01' },
      ],
    });
    const res = await post({
      fileName: 'ecs_cn-hangzhou_x.json',
      content,
      sourceId: shared.webProd,
    });
    expect(res.status).toBe(201);
    const snapshot = await res.json();
    expect(snapshot.rules).toHaveLength(1);
    expect(snapshot.rules[0]).toMatchObject({ portRange: '1001/1001', priority: 2, meta: {} });
    expect(snapshot.group.id).toBe(shared.backup);
  });

  it('lists every bad entry with its JSON pointer and ECS field, and stores nothing', async () => {
    const content = fileOf([
      rule(1),
      { ...rule(2), PortRange: '80/70' },
      rule(3),
      { ...rule(4), SourceCidrIp: '10.0.0.300/8' },
      { ...rule(5), Direction: 'sideways' },
      rule(1),
    ]);
    const before = shared.stack.journal.snapshots.list({ limit: 100 }).snapshots.length;
    const res = await post({ fileName: 'bad.json', content, sourceId: shared.webProd });
    expect(res.status).toBe(400);
    const body = await importErrorsOf(res);
    expect(body.code).toBe('ImportInvalid');
    const details = body.details;
    expect(details.truncated).toBe(false);
    expect(details.errors.map((e) => [e.pointer, e.field])).toEqual([
      ['/Permissions/Permission/1', 'PortRange'],
      ['/Permissions/Permission/3', 'SourceCidrIp'],
      ['/Permissions/Permission/4', 'Direction'],
      ['/Permissions/Permission/5', undefined],
    ]);
    expect(details.errors[0]!.message).toBe(
      'entry /Permissions/Permission/1, field PortRange: "80/70" is not a valid port range (from/to within 1..65535)',
    );
    expect(details.errors[3]!.message).toContain('/Permissions/Permission/0');
    expect(body.message).toContain('4 problems');
    expect(shared.stack.journal.snapshots.list({ limit: 100 }).snapshots).toHaveLength(before);
  });

  it('caps the list of errors and says there were more', async () => {
    const bad = Array.from({ length: 80 }, (_, n) => ({ ...rule(n), Policy: 'maybe' }));
    const res = await post({
      fileName: 'many.json',
      content: fileOf(bad),
      sourceId: shared.webProd,
    });
    const details = (await importErrorsOf(res)).details;
    expect(details.errors).toHaveLength(50);
    expect(details.truncated).toBe(true);
    expect(details.errors[49]!.field).toBe('Policy');
  });

  it('refuses what is not JSON, a file of another region, and a spreadsheet, each with a sentence', async () => {
    const notJson = await post({ fileName: 'a.json', content: '{ nope', sourceId: shared.webProd });
    expect((await errorOf(notJson)).message).toMatch(
      /^a\.json cannot be imported: 1 problem, the first: file: is not valid JSON/,
    );
    const other = await post({
      fileName: 'b.json',
      content: JSON.stringify({ RegionId: 'cn-beijing', Permissions: { Permission: [rule(1)] } }),
      sourceId: shared.webProd,
    });
    const otherDetails = (await importErrorsOf(other)).details;
    expect(otherDetails.errors[0]).toMatchObject({ pointer: '/RegionId', field: 'RegionId' });
    const xlsx = await post({
      fileName: 'ecs_sgRule_x.xlsx',
      content: 'a,b\r\n',
      sourceId: shared.webProd,
    });
    expect(xlsx.status).toBe(400);
    expect((await errorOf(xlsx)).code).toBe('ImportFormatUnsupported');
  });

  it('a file of 201 rules imports, and its preview is refused by the rule-limit check', async () => {
    const content = fileOf(Array.from({ length: 201 }, (_, n) => rule(n)));
    const res = await post({ fileName: 'big.json', content, sourceId: shared.webProd });
    expect(res.status).toBe(201);
    const snapshot = await res.json();
    expect(snapshot.ruleCount).toBe(201);
    const planned = await preview(shared.stack.app, shared.webProd, snapshot.id);
    expect(planned.checks.map((c) => c.code)).toContain('rule-limit');
  });
});
