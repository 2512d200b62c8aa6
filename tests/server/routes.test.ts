/**
 * Every route of the API against the real SDK adapter and the emulator: happy paths, paging and
 * search, the errors of SPEC.md section 7, and validation of every parameter.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { previewResponseSchema } from '../../src/server/contract';
import { groupIdByName } from '../support/test-stack';
import { ECS_REQUEST_ID, errorOf, preview, rawRequest, REGION, useSharedStack } from './helpers';

const shared = useSharedStack();
let ids: Record<string, string>;

beforeAll(async () => {
  ids = { 'web-prod': shared.webProd, 'web-prod-backup-20261120': shared.backup };
  for (const name of ['classic-legacy', 'web-staging', 'app-prod']) {
    ids[name] = await groupIdByName(shared.stack.app, REGION, name);
  }
  ids['web-sh'] = await groupIdByName(shared.stack.app, 'cn-shanghai', 'web-sh');
  ids['web-sh-backup'] = await groupIdByName(
    shared.stack.app,
    'cn-shanghai',
    'web-sh-backup-20260101',
  );
});

const groups = () => shared.api.regions[':region']['security-groups'];
const group = () => groups()[':id'];
const groupsPath = (region = REGION) => `/api/regions/${region}/security-groups`;
const list = async (query: Parameters<ReturnType<typeof groups>['$get']>[0]['query']) => {
  const res = await groups().$get({ param: { region: REGION }, query });
  expect(res.status).toBe(200);
  return res.json();
};

describe('GET /api/session', () => {
  it('says emulator mode, the limits, and that no login is needed', async () => {
    const res = await shared.api.session.$get();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      mode: 'emulator',
      ruleLimit: 200,
      batchSize: shared.stack.config.batchSize,
      loginRequired: false,
    });
  });
});

describe('GET /api/regions', () => {
  it('lists the regions with local names in the asked language', async () => {
    const en = await shared.api.regions.$get({ query: {} });
    expect(en.status).toBe(200);
    const { regions } = await en.json();
    expect(regions.map((r) => r.regionId)).toEqual([
      'cn-hangzhou',
      'cn-shanghai',
      'ap-southeast-1',
      'cn-beijing',
      'cn-wuhan-lr',
    ]);
    expect(regions.find((r) => r.regionId === 'cn-hangzhou')?.localName).toBe('China (Hangzhou)');
    const zh = await (await shared.api.regions.$get({ query: { language: 'zh-CN' } })).json();
    expect(zh.regions.find((r) => r.regionId === 'cn-hangzhou')?.localName).toBe('华东1（杭州）');
  });

  it('rejects an unknown language naming the field', async () => {
    const res = await rawRequest(shared.stack.app, '/api/regions?language=fr-FR');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError', details: { field: 'language' } });
    expect(res.body.message).toContain('language');
  });

  it('passes Forbidden.RAM through with its code, status and RequestId', async () => {
    // The stack caches DescribeRegions; a fault on it needs a stack whose cache is empty.
    await shared.renew();
    shared.stack.emulator.failCall('DescribeRegions', 1, { code: 'Forbidden.RAM', status: 403 });
    const res = await shared.api.regions.$get({ query: {} });
    expect(res.status).toBe(403);
    const body = await errorOf(res);
    expect(body).toEqual({
      code: 'Forbidden.RAM',
      message: 'Injected failure: Forbidden.RAM.',
      requestId: expect.stringMatching(ECS_REQUEST_ID),
    });
  });
});

describe('GET /api/regions/:region/security-groups', () => {
  it('pages with ECS NextToken straight through', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let token = '';
    do {
      const page = await list({ pageSize: '10', ...(token === '' ? {} : { nextToken: token }) });
      sizes.push(page.groups.length);
      seen.push(...page.groups.map((g) => g.id));
      token = page.nextToken;
    } while (token !== '' && sizes.length < 20);
    expect(sizes).toEqual([10, 10, 10]);
    expect(new Set(seen).size).toBe(30);
    expect(seen).toContain(ids['web-prod']);
  });

  it('searches by ID (exact ECS filter), by VPC ID and by part of the name, case-insensitive', async () => {
    const byId = await list({ search: ids['web-prod']! });
    expect(byId.groups.map((g) => g.id)).toEqual([ids['web-prod']]);

    const webProd = byId.groups[0]!;
    const byVpc = await list({ search: webProd.vpcId, pageSize: '100' });
    expect(byVpc.groups).toHaveLength(22);
    expect(byVpc.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['web-prod', 'web-prod-backup-20261120', 'app-prod', 'db-prod']),
    );
    expect(byVpc.groups.filter((g) => g.vpcId !== webProd.vpcId)).toEqual([]);

    const byName = await list({ search: 'PROD-BACKUP' });
    expect(byName).toEqual({
      groups: [expect.objectContaining({ name: 'web-prod-backup-20261120' })],
      nextToken: '',
    });

    expect(await list({ search: 'no-such-thing' })).toEqual({ groups: [], nextToken: '' });
  });

  it('pages a name search with its own cursor', async () => {
    const first = await list({ search: 'svc-', pageSize: '5' });
    expect(first.groups).toHaveLength(5);
    expect(first.nextToken).toMatch(/^q:/);
    const second = await list({ search: 'svc-', pageSize: '5', nextToken: first.nextToken });
    expect(second.groups).toHaveLength(5);
    expect(second.groups.filter((g) => first.groups.some((f) => f.id === g.id))).toEqual([]);
  });

  it('filters by vpcId', async () => {
    const vpc = (await list({ search: ids['web-staging']! })).groups[0]!.vpcId;
    const inVpc = await list({ vpcId: vpc, pageSize: '100' });
    expect(inVpc.groups.map((g) => g.name).sort()).toEqual([
      'cache-staging',
      'empty-sandbox',
      'svc-auth',
      'svc-inventory',
      'svc-monitoring',
      'web-staging',
    ]);
    expect(inVpc.groups.filter((g) => g.vpcId !== vpc)).toEqual([]);
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
    ['vpcId=not-a-vpc', 'vpcId'],
    ['unknown=1', 'unknown'],
    [`search=${'x'.repeat(129)}`, 'search'],
    [`nextToken=${'a'.repeat(513)}`, 'nextToken'],
    ['search=svc-&nextToken=garbage', 'nextToken'],
    ['nextToken=%3Cscript%3E', 'nextToken'],
  ])('rejects %s naming %s', async (query, field) => {
    const res = await rawRequest(shared.stack.app, `${groupsPath()}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ValidationError');
    expect(res.body.details?.field).toBe(field);
    expect(res.body.message).toContain(field);
  });
});

describe('region validation', () => {
  it.each([
    ['evil.com%2Fx', 400, 'ValidationError'],
    ['cn-hangzhou.evil.com', 400, 'ValidationError'],
    ['..%2F', 400, 'ValidationError'],
    // A '..' segment: URL parsing resolves it away, so no route matches at all.
    ['%2E%2E', 404, 'NotFound'],
    ['cn-hangzhou%00', 400, 'ValidationError'],
    ['%E6%9D%AD%E5%B7%9E', 400, 'ValidationError'],
    ['CN-HANGZHOU', 400, 'ValidationError'],
    ['cn-hangzhou%40evil.com', 400, 'ValidationError'],
    ['xx-nowhere-1', 404, 'InvalidRegionId.NotFound'],
  ])('refuses the region %s before any ECS call', async (region, status, code) => {
    shared.stack.emulator.clearCalls();
    const res = await rawRequest(shared.stack.app, `/api/regions/${region}/security-groups`);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    if (code !== 'NotFound') expect(res.body.details?.field).toBe('region');
    expect(shared.stack.emulator.calls.filter((c) => c.action !== 'DescribeRegions')).toEqual([]);
  });

  it('refuses a region that tries to add a path', async () => {
    shared.stack.emulator.clearCalls();
    const res = await rawRequest(shared.stack.app, '/api/regions/evil.com/x/security-groups');
    expect(res.status).toBe(400);
    expect(res.body.details?.field).toBe('region');
    expect(shared.stack.emulator.calls).toEqual([]);
  });
});

describe('GET /api/regions/:region/security-groups/:id', () => {
  const detail = (id: string) => group().$get({ param: { region: REGION, id } });

  it('answers the group with all its rules', async () => {
    const res = await detail(ids['web-prod']!);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.group).toMatchObject({
      id: ids['web-prod'],
      name: 'web-prod',
      regionId: REGION,
      type: 'normal',
      ruleCount: 9,
    });
    expect(body.rules).toHaveLength(9);
    expect(body.rules.filter((r) => !r.meta.ruleId?.startsWith('sgr-'))).toEqual([]);
  });

  it('reads every rule of a group at the 200-rule limit', async () => {
    const id = await groupIdByName(shared.stack.app, REGION, 'legacy-monolith');
    const res = await detail(id);
    expect(res.status).toBe(200);
    expect((await res.json()).rules).toHaveLength(200);
  });

  it('answers 404 for an unknown or deleted group', async () => {
    const unknown = await detail('sg-doesnotexist000000');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('InvalidSecurityGroupId.NotFound');
    shared.stack.emulator.deleteGroup(REGION, ids['app-prod']!);
    const deleted = await detail(ids['app-prod']!);
    expect(deleted.status).toBe(404);
    expect((await errorOf(deleted)).code).toBe('InvalidSecurityGroupId.NotFound');
  });

  it.each(['sg-', 'SG-ABCDEFG', 'sg-abc', 'sg-abcdef%2F..', 'i-abcdefgh', 'sg-abcdefg%20'])(
    'rejects the group ID %s naming id',
    async (id) => {
      const res = await rawRequest(shared.stack.app, `${groupsPath()}/${id}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'ValidationError', details: { field: 'id' } });
    },
  );
});

describe('POST .../restore-preview', () => {
  const webProdPreview = (mode: 'completely' | 'partially' = 'completely') =>
    preview(shared.stack.app, ids['web-prod']!, ids['web-prod-backup-20261120']!, mode);
  const post = (destinationId: string, source = ids['web-prod']!) =>
    group()['restore-preview'].$post({
      param: { region: REGION, id: source },
      json: { destinationId, mode: 'completely' },
    });

  it('previews both directions with the plan, warnings and revision', async () => {
    const body = await webProdPreview();
    expect(previewResponseSchema.safeParse(body).success).toBe(true);
    expect(body.source.id).toBe(ids['web-prod']);
    expect(body.destination.id).toBe(ids['web-prod-backup-20261120']);
    expect(body.summary).toEqual({
      added: 2,
      removed: 1,
      changed: 2,
      unchanged: 6,
      notRestorable: 1,
    });
    expect(body.identical).toBe(false);
    // Opening steps first, closing steps after them (make before break).
    expect(body.plan.steps.map((s) => [s.phase, s.action])).toEqual([
      ['opening', 'modify'],
      ['opening', 'modify'],
      ['opening', 'authorize'],
      ['closing', 'revoke'],
      ['closing', 'authorize'],
    ]);
    expect(body.plan.calls).toBe(5);
    expect(body.ingress.notRestorable.map((n) => n.reason)).toEqual(['system-rule']);
    expect(body.revision).toMatch(/^[0-9a-f]{16}$/);
    // Completely removes the world-open SSH rule: no exposure warning; Partially keeps it.
    expect(body.warnings).toEqual([]);
    const partial = await webProdPreview('partially');
    expect(partial.warnings.map((w) => w.kind)).toContain('open-ssh-to-world');
  });

  it('is stable: the same state gives the same revision', async () => {
    const a = await webProdPreview();
    const b = await webProdPreview();
    expect(a.revision).toBe(b.revision);
    const partial = await webProdPreview('partially');
    expect(partial.revision).not.toBe(a.revision);
    expect(partial.plan.steps.map((s) => s.action)).toEqual(['authorize', 'authorize']);
  });

  it('says identical when nothing would change', async () => {
    const body = await preview(
      shared.stack.app,
      ids['web-sh']!,
      ids['web-sh-backup']!,
      'completely',
      'cn-shanghai',
    );
    expect(body.identical).toBe(true);
    expect(body.plan.steps).toEqual([]);
  });

  it('marks rules referencing a group of another VPC not restorable', async () => {
    // app-prod references web-prod and db-prod (VPC prod); restore web-staging (VPC staging) from it.
    const body = await preview(shared.stack.app, ids['web-staging']!, ids['app-prod']!);
    const reasons = [...body.ingress.notRestorable, ...body.egress.notRestorable].map(
      (n) => n.reason,
    );
    expect(reasons).toEqual(['cross-vpc-reference', 'cross-vpc-reference']);
  });

  it('refuses the source as its own destination', async () => {
    const res = await post(ids['web-prod']!);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({
      code: 'SameGroup',
      details: { field: 'destinationId' },
    });
  });

  it('refuses a destination of another network type', async () => {
    const res = await post(ids['classic-legacy']!);
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body.code).toBe('NetworkTypeMismatch');
    expect(body.message).toContain('classic');
  });

  it('refuses a destination of another region (not found in the source region), naming it', async () => {
    const res = await post(ids['web-sh']!);
    expect(res.status).toBe(404);
    const body = await errorOf(res);
    expect(body.code).toBe('InvalidSecurityGroupId.NotFound');
    expect(body.message).toContain('destination');
    expect(body.details?.field).toBe('destinationId');
  });

  it('answers 404 naming the source when the source was deleted', async () => {
    shared.stack.emulator.deleteGroup(REGION, ids['web-prod']!);
    const res = await post(ids['web-prod-backup-20261120']!);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toContain('source');
  });

  it('passes throttling through after the adapter retries run out, and succeeds when they do not', async () => {
    shared.stack.emulator.throttleNext(2);
    expect((await post(ids['web-prod-backup-20261120']!)).status).toBe(200);
    shared.stack.emulator.throttleNext(50);
    const res = await post(ids['web-prod-backup-20261120']!);
    shared.stack.emulator.clearFaults();
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'Throttling.User',
      message: 'Request was denied due to user flow control.',
      requestId: expect.stringMatching(ECS_REQUEST_ID),
    });
  });

  it('maps a 5xx to 502 and a dropped connection to 502, keeping the code', async () => {
    const read = () => group().$get({ param: { region: REGION, id: ids['web-prod']! } });
    for (let nth = 1; nth <= 12; nth += 1) {
      shared.stack.emulator.failCall('DescribeSecurityGroupAttribute', nth, {
        code: 'ServiceUnavailable',
        status: 503,
      });
    }
    const res = await read();
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe('ServiceUnavailable');
    shared.stack.emulator.clearFaults();
    for (let nth = 1; nth <= 12; nth += 1)
      shared.stack.emulator.dropConnection('DescribeSecurityGroupAttribute', nth);
    const dropped = await read();
    expect(dropped.status).toBe(502);
    const body = await errorOf(dropped);
    expect(body.code).toBe('NetworkError');
    expect(body.message).toContain(
      'The connection to ECS failed during DescribeSecurityGroupAttribute',
    );
  });

  const previewPath = (id: string) => `${groupsPath()}/${id}/restore-preview`;

  it.each([
    [{ mode: 'completely' }, 'destinationId'],
    [{ destinationId: 'sg-x', mode: 'completely' }, 'destinationId'],
    [{ destinationId: 'sg-abcdefgh1234', mode: 'sideways' }, 'mode'],
    [{ destinationId: 'sg-abcdefgh1234' }, 'mode'],
    [{ destinationId: 'sg-abcdefgh1234', mode: 'completely', extra: 1 }, 'extra'],
    [
      {
        destinationId: 'sg-abcdefgh1234',
        mode: 'completely',
        options: { recreateSystemRules: 'yes' },
      },
      'options.recreateSystemRules',
    ],
    [
      { destinationId: 'sg-abcdefgh1234', mode: 'completely', options: { hack: true } },
      'options.hack',
    ],
    [[], 'body'],
  ])('rejects the body %j naming %s', async (body, field) => {
    const res = await rawRequest(shared.stack.app, previewPath(ids['web-prod']!), {
      method: 'POST',
      body,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ValidationError');
    expect(res.body.details?.field).toBe(field);
    expect(res.body.message).toContain(field);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await shared.stack.app.request(previewPath(ids['web-prod']!), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"destinationId":',
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'ValidationError',
      message: 'body is not valid JSON',
      details: { field: 'body' },
    });
  });
});

describe('unknown routes', () => {
  it('answers 404 JSON', async () => {
    const res = await rawRequest(shared.stack.app, '/api/nothing-here');
    expect(res).toEqual({
      status: 404,
      body: { code: 'NotFound', message: 'There is no GET /api/nothing-here.' },
    });
  });
});

describe('GET /api/restores/:id for unknown or malformed IDs', () => {
  const unknownRestore = {
    code: 'RestoreNotFound',
    message: 'There is no restore rst-doesnotexist.',
    details: { field: 'id' },
  };
  const restore = () => shared.api.restores[':id'];
  const param = { id: 'rst-doesnotexist' };

  it('404s an unknown restore and 400s a malformed ID, limit, cursor or source', async () => {
    const unknown = await restore().$get({ param });
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toEqual(unknownRestore);
    for (const [path, field] of [
      ['/api/restores/..%2Fetc', 'id'],
      ['/api/restores?limit=1000', 'limit'],
      ['/api/restores?cursor=abc', 'cursor'],
      ['/api/restores?sourceId=nope', 'sourceId'],
    ]) {
      const bad = await rawRequest(shared.stack.app, path!);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'ValidationError', details: { field } });
    }
  });

  it('404s POST retry and rollback of an unknown restore', async () => {
    for (const res of [
      await restore().retry.$post({ param, json: { revision: 'r' } }),
      await restore().rollback.$post({ param, json: { revision: 'r' } }),
    ]) {
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toEqual(unknownRestore);
    }
  });

  it('404s undo-preview and undo of an unknown restore, and validates the undo body', async () => {
    const undoPreview = await restore()['undo-preview'].$get({ param });
    expect(undoPreview.status).toBe(404);
    expect(await errorOf(undoPreview)).toEqual(unknownRestore);
    const undo = await restore().undo.$post({ param, json: { revision: 'x' } });
    expect(undo.status).toBe(404);
    expect(await errorOf(undo)).toEqual(unknownRestore);
    const bad = await rawRequest(shared.stack.app, '/api/restores/rst-doesnotexist/undo', {
      method: 'POST',
      body: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.field).toBe('revision');
  });
});
