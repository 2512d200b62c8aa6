/**
 * Importing a CSV rules file as a restore destination, through the real proxy against the
 * emulator: our CSV export round-trips to the same preview, every problem names its line and
 * ECS field (several at once), malformed CSV and bad headers are named too, and the rule quota
 * stays the pre-flight check's refusal.
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

const HEADER = 'Direction,Policy,Priority,IpProtocol,PortRange,SourceCidrIp,Description';

/** One good CSV line for port 1000 + n. */
const row = (n: number) => `ingress,Accept,1,TCP,${1000 + n}/${1000 + n},10.0.0.0/8,rule ${n}`;

const csvOf = (lines: string[]) => `${[HEADER, ...lines].join('\r\n')}\r\n`;

async function importErrorsOf(res: Response) {
  expect(res.status).toBe(400);
  return apiErrorSchema.extend({ details: importErrorDetailsSchema }).parse(await res.json());
}

describe('import a CSV rules file as the destination', () => {
  const shared = useSharedStack();
  const post = (json: ImportBody) =>
    apiOf(shared.stack.app).regions[':region'].imports.$post({ param: { region: REGION }, json });
  const postCsv = (content: string, fileName = 'rules.csv') =>
    post({ fileName, content, sourceId: shared.webProd });

  /** The preview without what names the destination's origin (rule IDs and times are ECS's). */
  const comparable = (p: PreviewResponse) => {
    const strip = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'meta' ? undefined : v)));
    return strip({ ...p, destination: p.destination.id, destinationSnapshot: undefined });
  };

  it('round trip: export a group as CSV, import it, the preview is the group’s (IPv6, prefix lists, group peers, commas, quotes, newlines, Chinese)', async () => {
    const appProd = await groupIdByName(shared.stack.app, REGION, 'app-prod');
    const tricky = [
      'web, admin "ops" team',
      'line one\nline two',
      'line one\r\nline two',
      '办公室访问，含逗号',
    ];
    shared.stack.emulator.addRules(
      REGION,
      appProd,
      'ingress',
      tricky.map((desc, n) => ({
        IpProtocol: 'TCP',
        PortRange: `${8450 + n}/${8450 + n}`,
        Ipv6SourceCidrIp: '2001:db8::/32',
        Policy: 'Accept',
        Priority: '5',
        Description: desc,
      })),
    );
    const res = await shared.stack.app.request(
      `/api/regions/${REGION}/security-groups/${appProd}/export?format=csv`,
    );
    expect(res.status).toBe(200);
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')![1]!;
    expect(fileName).toMatch(new RegExp(`^ecs_sgRule_${appProd}_${REGION}_\\d{14}\\.csv$`));
    const content = await res.text();
    expect(content).toContain('PrefixListId');
    expect(content).toContain('SourceGroupId');

    const imported = await post({ fileName, content, sourceId: shared.webProd });
    expect(imported.status).toBe(201);
    const snapshot = await imported.json();
    expect(snapshot).toMatchObject({ kind: 'import', note: fileName, group: { id: appProd } });

    const fromGroup = await preview(shared.stack.app, shared.webProd, appProd);
    const fromFile = await preview(shared.stack.app, shared.webProd, snapshot.id);
    expect(fromFile.destinationSnapshot).toMatchObject({ id: snapshot.id, kind: 'import' });
    expect(comparable(fromFile)).toEqual(comparable(fromGroup));
    const descriptions = fromFile.ingress.added.map((r) => r.description);
    for (const desc of tricky) expect(descriptions).toContain(desc);
  });

  it('reads a BOM, LF line ends, blank lines and the ECS meta columns', async () => {
    const content = `\uFEFFSecurityGroupRuleId,${HEADER},CreateTime\n\nsgr-1,${row(1)},2026-11-01T00:00:00Z\n`;
    const res = await postCsv(content);
    expect(res.status).toBe(201);
    const snapshot = await res.json();
    expect(snapshot.rules).toHaveLength(1);
    expect(snapshot.rules[0]).toMatchObject({ portRange: '1001/1001', description: 'rule 1' });
  });

  it('names the line and field of every bad rule, several at once, and stores nothing', async () => {
    const content = csvOf([
      row(1),
      `ingress,Accept,1,TCP,80/70,10.0.0.0/8,"a ""quoted"", multi\r\nline description"`,
      row(3),
      row(4),
      `ingress,Accept,1,TCP,1005/1005,10.0.0.300/8,bad cidr`,
      `sideways,Accept,1,TCP,1006/1006,10.0.0.0/8,x`,
      row(1),
      'ingress,Accept,1',
    ]);
    const before = shared.stack.journal.snapshots.list({ limit: 100 }).snapshots.length;
    const body = await importErrorsOf(await postCsv(content));
    expect(body.code).toBe('ImportInvalid');
    // The quoted description spans lines 3 and 4: the CIDR error is on line 7, as an editor shows it.
    expect(body.details.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'PortRange'],
      [7, 'SourceCidrIp'],
      [8, 'Direction'],
      [9, undefined],
      [10, undefined],
    ]);
    expect(body.details.errors[0]!.message).toBe(
      'line 3, field PortRange: "80/70" is not a valid port range (from/to within 1..65535)',
    );
    expect(body.details.errors[1]!.message).toMatch(
      /^line 7, field SourceCidrIp: "10\.0\.0\.300\/8"/,
    );
    expect(body.details.errors[3]!.message).toBe('line 9: is the same rule as line 2');
    expect(body.details.errors[4]!.message).toBe('line 10: has 3 fields where the header has 7');
    expect(body.message).toContain('5 problems');
    expect(shared.stack.journal.snapshots.list({ limit: 100 }).snapshots).toHaveLength(before);
  });

  it('caps the list of errors and says there were more', async () => {
    const bad = Array.from({ length: 80 }, (_, n) => row(n).replace('Accept', 'maybe'));
    const details = (await importErrorsOf(await postCsv(csvOf(bad)))).details;
    expect(details.errors).toHaveLength(50);
    expect(details.truncated).toBe(true);
    expect(details.errors[49]).toMatchObject({ line: 51, field: 'Policy' });
  });

  it('names unknown, repeated and missing header columns on line 1', async () => {
    const content =
      'Direction,Port Range,SourceCidrIp,SourceCidrIp,,Policy\r\ningress,1/1,1.1.1.1/32,,,Accept\r\n';
    const errors = (await importErrorsOf(await postCsv(content))).details.errors;
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [1, 'Port Range'],
      [1, 'SourceCidrIp'],
      [1, undefined],
      [1, 'IpProtocol'],
    ]);
    expect(errors[0]!.message).toMatch(/^line 1, field Port Range: is not an ECS Permission field/);
    expect(errors[3]!.message).toBe('line 1, field IpProtocol: is missing from the header');
  });

  it('names the line of a malformed CSV: an unclosed quote and a stray quote', async () => {
    const unclosed = csvOf([
      row(1),
      row(2),
      `ingress,Accept,1,TCP,1003/1003,10.0.0.0/8,"never closed`,
      row(4),
    ]);
    const first = (await importErrorsOf(await postCsv(unclosed))).details.errors;
    expect(first).toEqual([
      {
        line: 4,
        message: 'line 4: a quoted field starts in this record and its closing quote is missing',
      },
    ]);
    const stray = csvOf([row(1), `ingress,Accept,1,TCP,1002/1002,10.0.0.0/8,say "hi"`]);
    const second = (await importErrorsOf(await postCsv(stray))).details.errors;
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ line: 3 });
    expect(second[0]!.message).toMatch(
      /^line 3: a quote appears inside a field that is not quoted/,
    );
  });

  it('refuses an empty file, a file named for another region, and other formats', async () => {
    const empty = await importErrorsOf(await postCsv('\uFEFF\r\n'));
    expect(empty.details.errors[0]!.message).toMatch(/^file: holds no header line/);
    const other = await importErrorsOf(
      await postCsv(csvOf([row(1)]), `ecs_sgRule_${shared.backup}_cn-beijing_20261201000000.csv`),
    );
    expect(other.details.errors[0]).toMatchObject({ field: 'fileName' });
    expect(other.details.errors[0]!.message).toContain(
      "'cn-beijing' is another region than cn-hangzhou",
    );
    const xlsx = await postCsv('a,b\r\n', 'rules.xlsx');
    expect(xlsx.status).toBe(400);
    expect((await errorOf(xlsx)).code).toBe('ImportFormatUnsupported');
  });

  it('a CSV of 201 rules imports, and its preview is refused by the rule-limit check', async () => {
    const content = csvOf(Array.from({ length: 201 }, (_, n) => row(n)));
    const res = await postCsv(content, `ecs_sgRule_${shared.backup}_${REGION}_20261201000000.csv`);
    expect(res.status).toBe(201);
    const snapshot = await res.json();
    expect(snapshot.ruleCount).toBe(201);
    expect(snapshot.group.id).toBe(shared.backup);
    const planned = await preview(shared.stack.app, shared.webProd, snapshot.id);
    expect(planned.checks.map((c) => c.code)).toContain('rule-limit');
  });
});
