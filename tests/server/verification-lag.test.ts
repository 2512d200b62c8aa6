/**
 * ECS may answer a read with the rules from just before a write (read-after-write lag). The
 * verification read at the end of a restore tolerates that with a bounded number of re-reads,
 * and reports a real difference once they are spent. The lag is made at the ECS edge: an msw
 * handler in front of the emulator answers the source's DescribeSecurityGroupAttribute with the
 * answer the emulator gave before the first write.
 */
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { waitForRestore } from '../support/test-stack';
import { preview, startedRestoreId, useSharedStack } from './helpers';

const WRITE = /^(Authorize|Revoke|Modify)/;
const READ_RULES = 'DescribeSecurityGroupAttribute';

const shared = useSharedStack();
beforeEach(() => shared.stack.msw.resetHandlers());

/**
 * Serves `staleReads` reads of the source's rules after the first write with the pre-write
 * answer (the emulator's own answer, remembered per query string), then lets reads through.
 */
function lagSourceReads(staleReads: number): { served: () => number } {
  const before = new Map<string, unknown>();
  let served = 0;
  const { stack, webProd } = shared;
  stack.msw.use(
    http.post(/aliyuncs\.com/, async ({ request }) => {
      const url = new URL(request.url);
      const action = request.headers.get('x-acs-action') ?? url.searchParams.get('Action');
      if (action !== READ_RULES || url.searchParams.get('SecurityGroupId') !== webProd)
        return undefined;
      const written = stack.emulator.calls.some((c) => WRITE.test(c.action) && c.applied);
      const key = url.search;
      if (!written) {
        const answer = await stack.emulator.handle({
          action,
          params: Object.fromEntries(url.searchParams),
          host: url.host,
        });
        before.set(key, answer.body);
        return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status });
      }
      const stale = before.get(key);
      if (stale === undefined || served >= staleReads) return undefined;
      served++;
      return HttpResponse.json(stale as Record<string, unknown>);
    }),
  );
  return { served: () => served };
}

async function restoreWebProd() {
  const { stack, webProd, backup } = shared;
  const planned = await preview(stack.app, webProd, backup);
  return waitForRestore(stack.app, await startedRestoreId(stack.app, webProd, backup, planned));
}

describe('verification after the last step', () => {
  it('re-reads through a brief read-after-write lag and passes', async () => {
    const lag = lagSourceReads(1);
    const detail = await restoreWebProd();
    expect(lag.served()).toBe(1);
    expect(detail.status).toBe('succeeded');
    expect(detail.verification).toEqual({ status: 'passed', missing: [], unexpected: [] });
  });

  it('reports the difference when every bounded re-read is still stale', async () => {
    const lag = lagSourceReads(1000);
    const detail = await restoreWebProd();
    // The test stack re-reads three times (verifyDelaysMs [0, 10, 30]); each read is stale.
    expect(lag.served()).toBeGreaterThanOrEqual(3);
    expect(lag.served()).toBeLessThan(1000);
    expect(detail.status).toBe('failed');
    expect(detail.error?.code).toBe('VerificationFailed');
    expect(detail.verification.status).toBe('failed');
    // The stale answer is the pre-restore source: the added rules are missing, the removed ones
    // still there, and every step is recorded as applied.
    expect(detail.verification.missing.length).toBeGreaterThan(0);
    expect(detail.verification.unexpected.length).toBeGreaterThan(0);
    expect(detail.steps.every((s) => s.status === 'applied')).toBe(true);
  });
});
