/**
 * Every route of the API against the real SDK adapter and the emulator: happy paths, paging and
 * search, the errors of SPEC.md section 7, and validation of every parameter.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  GroupDetailResponse,
  GroupListResponse,
  PreviewResponse,
  RegionView,
} from '../../src/server/contract';
import { previewResponseSchema } from '../../src/server/contract';
import { createTestStack, groupIdByName, type TestStack } from '../support/test-stack';
import { getJson, postJson, preview, REGION } from './helpers';

let stack: TestStack;
let ids: Record<string, string>;

beforeAll(async () => {
  stack = await createTestStack();
  ids = {};
  for (const name of [
    'web-prod',
    'web-prod-backup-20261120',
    'classic-legacy',
    'classic-legacy-backup-20260301',
    'web-staging',
    'app-prod',
    'enterprise-core',
    'empty-sandbox',
  ]) {
    ids[name] = await groupIdByName(stack.app, REGION, name);
  }
  ids['web-sh'] = await groupIdByName(stack.app, 'cn-shanghai', 'web-sh');
  ids['web-sh-backup'] = await groupIdByName(stack.app, 'cn-shanghai', 'web-sh-backup-20260101');
});
beforeEach(() => stack.emulator.reset());
afterAll(() => stack.close());

const groupsPath = (region = REGION) => `/api/regions/${region}/security-groups`;

describe('GET /api/session', () => {
  it('says emulator mode, the limits, and that no login is needed', async () => {
    const res = await getJson(stack.app, '/api/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      mode: 'emulator',
      ruleLimit: 200,
      batchSize: stack.config.batchSize,
      loginRequired: false,
    });
  });
});

describe('GET /api/regions', () => {
  it('lists the regions with local names in the asked language', async () => {
    const en = await getJson(stack.app, '/api/regions');
    expect(en.status).toBe(200);
    const regions = en.body.regions as RegionView[];
    expect(regions.map((r) => r.regionId)).toContain('cn-hangzhou');
    expect(regions.find((r) => r.regionId === 'cn-hangzhou')?.localName).toBe('China (Hangzhou)');
    const zh = await getJson(stack.app, '/api/regions?language=zh-CN');
    expect(
      (zh.body.regions as RegionView[]).find((r) => r.regionId === 'cn-hangzhou')?.localName,
    ).toBe('华东1（杭州）');
  });

  it('rejects an unknown language naming the field', async () => {
    const res = await getJson(stack.app, '/api/regions?language=fr-FR');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ValidationError', details: { field: 'language' } });
    expect(res.body.message).toContain('language');
  });

  it('passes Forbidden.RAM through with its code, status and RequestId', async () => {
    const fresh = await createTestStackFreeRegions();
    fresh.emulator.failCall('DescribeRegions', 1, { code: 'Forbidden.RAM', status: 403 });
    const res = await getJson(fresh.app, '/api/regions');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('Forbidden.RAM');
    expect(res.body.requestId).toMatch(/.+/);
    expect(res.body.message).toBeTruthy();
  });
});

/** The stack caches DescribeRegions; faults on it need a stack whose cache is empty. */
async function createTestStackFreeRegions(): Promise<TestStack> {
  await stack.close();
  stack = await createTestStack();
  return stack;
}

describe('GET /api/regions/:region/security-groups', () => {
  it('pages with ECS NextToken straight through', async () => {
    const seen = new Set<string>();
    let token = '';
    let pages = 0;
    do {
      const res = await getJson(
        stack.app,
        `${groupsPath()}?pageSize=10${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`,
      );
      expect(res.status).toBe(200);
      const body = res.body as unknown as GroupListResponse;
      expect(body.groups.length).toBeLessThanOrEqual(10);
      for (const g of body.groups) seen.add(g.id);
      token = body.nextToken;
      pages += 1;
    } while (token !== '' && pages < 20);
    expect(pages).toBeGreaterThan(1);
    expect(seen.has(ids['web-prod']!)).toBe(true);
    expect(seen.size).toBeGreaterThan(20);
  });

  it('searches by ID (exact ECS filter), by VPC ID and by part of the name, case-insensitive', async () => {
    const byId = (await getJson(stack.app, `${groupsPath()}?search=${ids['web-prod']}`))
      .body as unknown as GroupListResponse;
    expect(byId.groups.map((g) => g.id)).toEqual([ids['web-prod']]);

    const webProd = byId.groups[0]!;
    const byVpc = (await getJson(stack.app, `${groupsPath()}?search=${webProd.vpcId}&pageSize=100`))
      .body as unknown as GroupListResponse;
    expect(byVpc.groups.length).toBeGreaterThan(1);
    expect(byVpc.groups.every((g) => g.vpcId === webProd.vpcId)).toBe(true);

    const byName = (await getJson(stack.app, `${groupsPath()}?search=PROD-BACKUP`))
      .body as unknown as GroupListResponse;
    expect(byName.groups.map((g) => g.name)).toEqual(['web-prod-backup-20261120']);
    expect(byName.nextToken).toBe('');

    const none = (await getJson(stack.app, `${groupsPath()}?search=no-such-thing`))
      .body as unknown as GroupListResponse;
    expect(none).toEqual({ groups: [], nextToken: '' });
  });

  it('pages a name search with its own cursor', async () => {
    const first = (await getJson(stack.app, `${groupsPath()}?search=svc-&pageSize=5`))
      .body as unknown as GroupListResponse;
    expect(first.groups).toHaveLength(5);
    expect(first.nextToken).toMatch(/^q:/);
    const second = (
      await getJson(
        stack.app,
        `${groupsPath()}?search=svc-&pageSize=5&nextToken=${first.nextToken}`,
      )
    ).body as unknown as GroupListResponse;
    expect(second.groups).toHaveLength(5);
    expect(second.groups.some((g) => first.groups.some((f) => f.id === g.id))).toBe(false);
  });

  it('filters by vpcId', async () => {
    const vpc = (
      (await getJson(stack.app, `${groupsPath()}?search=${ids['web-staging']}`))
        .body as unknown as GroupListResponse
    ).groups[0]!.vpcId;
    const res = (await getJson(stack.app, `${groupsPath()}?vpcId=${vpc}&pageSize=100`))
      .body as unknown as GroupListResponse;
    expect(res.groups.length).toBeGreaterThan(0);
    expect(res.groups.every((g) => g.vpcId === vpc)).toBe(true);
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
    const res = await getJson(stack.app, `${groupsPath()}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ValidationError');
    expect(res.body.details?.field).toBe(field);
    expect(res.body.message).toContain(field);
  });
});

describe('region validation', () => {
  it.each([
    ['evil.com%2Fx', 400],
    ['cn-hangzhou.evil.com', 400],
    ['..%2F', 400],
    ['%2E%2E', 404],
    ['cn-hangzhou%00', 400],
    ['%E6%9D%AD%E5%B7%9E', 400],
    ['CN-HANGZHOU', 400],
    ['cn-hangzhou%40evil.com', 400],
    ['xx-nowhere-1', 404],
  ])('refuses the region %s before any ECS call', async (region, status) => {
    stack.emulator.clearCalls();
    const res = await getJson(stack.app, `/api/regions/${region}/security-groups`);
    expect(res.status).toBe(status);
    if (status === 400)
      expect(res.body).toMatchObject({ code: 'ValidationError', details: { field: 'region' } });
    // '%2E%2E' is a '..' segment: URL parsing resolves it away, so no route matches at all.
    else expect(res.body.code).toMatch(/^(InvalidRegionId\.NotFound|NotFound)$/);
    expect(stack.emulator.calls.filter((c) => c.action !== 'DescribeRegions')).toEqual([]);
  });

  it('refuses a region that tries to add a path', async () => {
    stack.emulator.clearCalls();
    const res = await getJson(stack.app, '/api/regions/evil.com/x/security-groups');
    expect(res.status).toBe(400);
    expect(res.body.details?.field).toBe('region');
    expect(stack.emulator.calls).toEqual([]);
  });
});

describe('GET /api/regions/:region/security-groups/:id', () => {
  it('answers the group with all its rules', async () => {
    const res = await getJson(stack.app, `${groupsPath()}/${ids['web-prod']}`);
    expect(res.status).toBe(200);
    const body = res.body as unknown as GroupDetailResponse;
    expect(body.group).toMatchObject({
      id: ids['web-prod'],
      name: 'web-prod',
      regionId: REGION,
      type: 'normal',
    });
    expect(body.rules.length).toBe(body.group.ruleCount);
    expect(body.rules.every((r) => r.meta.ruleId?.startsWith('sgr-'))).toBe(true);
  });

  it('reads every rule of a group at the 200-rule limit', async () => {
    const id = await groupIdByName(stack.app, REGION, 'legacy-monolith');
    const body = (await getJson(stack.app, `${groupsPath()}/${id}`))
      .body as unknown as GroupDetailResponse;
    expect(body.rules).toHaveLength(200);
  });

  it('answers 404 for an unknown or deleted group', async () => {
    const unknown = await getJson(stack.app, `${groupsPath()}/sg-doesnotexist000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('InvalidSecurityGroupId.NotFound');
    stack.emulator.deleteGroup(REGION, ids['app-prod']!);
    const deleted = await getJson(stack.app, `${groupsPath()}/${ids['app-prod']}`);
    expect(deleted.status).toBe(404);
  });

  it.each(['sg-', 'SG-ABCDEFG', 'sg-abc', 'sg-abcdef%2F..', 'i-abcdefgh', 'sg-abcdefg%20'])(
    'rejects the group ID %s naming id',
    async (id) => {
      const res = await getJson(stack.app, `${groupsPath()}/${id}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'ValidationError', details: { field: 'id' } });
    },
  );
});

describe('POST .../restore-preview', () => {
  it('previews both directions with the plan, warnings and revision', async () => {
    const body = await preview(stack.app, ids['web-prod']!, ids['web-prod-backup-20261120']!);
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
    expect(body.plan.steps.length).toBe(body.plan.calls);
    const phases = body.plan.steps.map((s) => s.phase);
    expect(phases.indexOf('closing')).toBeGreaterThan(phases.lastIndexOf('opening'));
    expect(body.ingress.notRestorable[0]?.reason).toBe('system-rule');
    expect(body.revision).toMatch(/.+/);
    // Completely removes the world-open SSH rule: no exposure warning; Partially keeps it.
    expect(body.warnings.map((w) => w.kind)).not.toContain('open-ssh-to-world');
    const partial = await preview(
      stack.app,
      ids['web-prod']!,
      ids['web-prod-backup-20261120']!,
      'partially',
    );
    expect(partial.warnings.map((w) => w.kind)).toContain('open-ssh-to-world');
  });

  it('is stable: the same state gives the same revision', async () => {
    const a = await preview(stack.app, ids['web-prod']!, ids['web-prod-backup-20261120']!);
    const b = await preview(stack.app, ids['web-prod']!, ids['web-prod-backup-20261120']!);
    expect(a.revision).toBe(b.revision);
    const partial = await preview(
      stack.app,
      ids['web-prod']!,
      ids['web-prod-backup-20261120']!,
      'partially',
    );
    expect(partial.revision).not.toBe(a.revision);
    expect(partial.plan.steps.every((s) => s.action === 'authorize')).toBe(true);
  });

  it('says identical when nothing would change', async () => {
    const body = await preview(
      stack.app,
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
    const body = await preview(stack.app, ids['web-staging']!, ids['app-prod']!);
    const reasons = [...body.ingress.notRestorable, ...body.egress.notRestorable].map(
      (n) => n.reason,
    );
    expect(reasons).toContain('cross-vpc-reference');
  });

  const previewPath = (id: string) => `${groupsPath()}/${id}/restore-preview`;

  it('refuses the source as its own destination', async () => {
    const res = await postJson(stack.app, previewPath(ids['web-prod']!), {
      destinationId: ids['web-prod'],
      mode: 'completely',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'SameGroup', details: { field: 'destinationId' } });
  });

  it('refuses a destination of another network type', async () => {
    const res = await postJson(stack.app, previewPath(ids['web-prod']!), {
      destinationId: ids['classic-legacy'],
      mode: 'completely',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('NetworkTypeMismatch');
    expect(res.body.message).toContain('classic');
  });

  it('refuses a destination of another region (not found in the source region), naming it', async () => {
    const res = await postJson(stack.app, previewPath(ids['web-prod']!), {
      destinationId: ids['web-sh'],
      mode: 'completely',
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('InvalidSecurityGroupId.NotFound');
    expect(res.body.message).toContain('destination');
    expect(res.body.details?.field).toBe('destinationId');
  });

  it('answers 404 naming the source when the source was deleted', async () => {
    stack.emulator.deleteGroup(REGION, ids['web-prod']!);
    const res = await postJson(stack.app, previewPath(ids['web-prod']!), {
      destinationId: ids['web-prod-backup-20261120'],
      mode: 'completely',
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('source');
  });

  it('passes throttling through after the adapter retries run out, and succeeds when they do not', async () => {
    stack.emulator.throttleNext(2);
    const ok = await postJson(stack.app, previewPath(ids['web-prod']!), {
      destinationId: ids['web-prod-backup-20261120'],
      mode: 'completely',
    });
    expect(ok.status).toBe(200);
    stack.emulator.throttleNext(50);
    const res = await postJson(stack.app, previewPath(ids['web-prod']!), {
      destinationId: ids['web-prod-backup-20261120'],
      mode: 'completely',
    });
    stack.emulator.clearFaults();
    expect(res.body.code).toMatch(/Throttling/);
    expect(res.status).toBe(400);
    expect(res.body.requestId).toMatch(/.+/);
  });

  it('maps a 5xx to 502 and a dropped connection to 502, keeping the code', async () => {
    for (let nth = 1; nth <= 12; nth += 1) {
      stack.emulator.failCall('DescribeSecurityGroupAttribute', nth, {
        code: 'ServiceUnavailable',
        status: 503,
      });
    }
    const res = await getJson(stack.app, `${groupsPath()}/${ids['web-prod']}`);
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('ServiceUnavailable');
    stack.emulator.clearFaults();
    for (let nth = 1; nth <= 12; nth += 1)
      stack.emulator.dropConnection('DescribeSecurityGroupAttribute', nth);
    const dropped = await getJson(stack.app, `${groupsPath()}/${ids['web-prod']}`);
    expect(dropped.status).toBe(502);
    expect(dropped.body.code).toBeTruthy();
  });

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
    const res = await postJson(stack.app, previewPath(ids['web-prod']!), body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ValidationError');
    expect(res.body.details?.field).toBe(field);
    expect(res.body.message).toContain(field);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await stack.app.request(previewPath(ids['web-prod']!), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"destinationId":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'ValidationError', details: { field: 'body' } });
  });
});

describe('unknown routes', () => {
  it('answers 404 JSON', async () => {
    const res = await getJson(stack.app, '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NotFound');
  });
});

describe('GET /api/restores/:id for unknown or malformed IDs', () => {
  it('404s an unknown restore and 400s a malformed ID', async () => {
    const unknown = await getJson(stack.app, '/api/restores/rst-doesnotexist');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('RestoreNotFound');
    const bad = await getJson(stack.app, '/api/restores/..%2Fetc');
    expect(bad.status).toBe(400);
    expect(bad.body.details?.field).toBe('id');
    const badList = await getJson(stack.app, '/api/restores?limit=1000');
    expect(badList.status).toBe(400);
    expect(badList.body.details?.field).toBe('limit');
    const badCursor = await getJson(stack.app, '/api/restores?cursor=abc');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.details?.field).toBe('cursor');
    const badSource = await getJson(stack.app, '/api/restores?sourceId=nope');
    expect(badSource.body.details?.field).toBe('sourceId');
  });

  it.each(['retry', 'rollback'])('404s POST %s of an unknown restore', async (action) => {
    const res = await postJson(stack.app, `/api/restores/rst-doesnotexist/${action}`);
    expect(res.status).toBe(404);
  });

  it('404s undo-preview and undo of an unknown restore, and validates the undo body', async () => {
    expect((await getJson(stack.app, '/api/restores/rst-doesnotexist/undo-preview')).status).toBe(
      404,
    );
    expect(
      (await postJson(stack.app, '/api/restores/rst-doesnotexist/undo', { revision: 'x' })).status,
    ).toBe(404);
    const bad = await postJson(stack.app, '/api/restores/rst-doesnotexist/undo', {});
    expect(bad.status).toBe(400);
    expect(bad.body.details?.field).toBe('revision');
  });
});

export type { PreviewResponse };
