import { screen, waitFor, within } from '@testing-library/react';
import type { PreviewResponse } from '../../src/server/contract';
import { confirmedBy } from '../support/confirmed-by';
import { groupIdByName, jsonInit, waitForRestore } from '../support/test-stack';
import { confirmFollowUp, findSummary, openRestoreFor, pickDestination } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

/** Restores web-prod from its backup through the API with the first revoke refused: failed. */
async function failedRestore(): Promise<string> {
  const sourceId = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod');
  const destinationId = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod-backup-20261120');
  const base = `/api/regions/cn-hangzhou/security-groups/${sourceId}`;
  const body = {
    destinationId,
    mode: 'completely',
    options: { recreateSystemRules: false, retargetSelfReferences: false },
  };
  const preview = (await (
    await stack().app.request(`${base}/restore-preview`, jsonInit('POST', body))
  ).json()) as PreviewResponse;
  stack().emulator.failCall('RevokeSecurityGroup', 1, { code: 'Forbidden.RAM', status: 403 });
  const started = (await (
    await stack().app.request(
      `${base}/restores`,
      jsonInit('POST', { ...body, ...confirmedBy(preview) }),
    )
  ).json()) as { restoreId: string };
  await waitForRestore(stack().app, started.restoreId);
  return started.restoreId;
}

describe('Roll back from the history, through its preview', () => {
  it('previews the current rules back to the snapshot, then rolls back', async () => {
    const failedId = await failedRestore();
    const { user } = renderApp(`/history/${failedId}`);
    const page = await screen.findByRole(
      'region',
      { name: `Restore ${failedId}` },
      { timeout: 15_000 },
    );
    const dialog = await confirmFollowUp(
      user,
      page,
      'Roll back',
      /^Roll back restore: web-prod \(sg-/,
      'Roll back the restore',
    );
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    // The rollback is its own restore: the page goes to it, and it ends rolled back.
    await waitFor(
      () =>
        expect(screen.getByRole('heading', { name: /^Restore rst-/ }).textContent).not.toContain(
          failedId,
        ),
      { timeout: 15_000 },
    );
    expect(await screen.findByText('Succeeded', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(/^Roll back · Completely/)).toBeInTheDocument();
    const sourceId = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod');
    const rules = stack().emulator.listRules('cn-hangzhou', sourceId);
    expect(rules.some((r) => r.Description === 'temporary debug SSH')).toBe(true);
  });
});

describe('The per-ENI check', () => {
  it('says when it could not be computed, and why', async () => {
    // Both the blast radius and the per-ENI check list ENIs: refuse every listing.
    for (let nth = 1; nth <= 4; nth += 1)
      stack().emulator.failCall('DescribeNetworkInterfaces', nth, {
        code: 'Forbidden.RAM',
        status: 403,
      });
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, 'web-prod-backup-20261120');
    await findSummary(dialog);
    expect(
      within(dialog).getByText(
        /^The per-network-interface rule check could not be computed: ecs:DescribeNetworkInterfaces answered Forbidden\.RAM\./,
      ),
    ).toBeInTheDocument();
  });
});
