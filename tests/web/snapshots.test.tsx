import { screen, waitFor, within } from '@testing-library/react';
import { groupIdByName, jsonInit } from '../support/test-stack';
import { renderApp, stackPerTest } from './render-app';

const REGION = 'cn-hangzhou';
const stack = stackPerTest();

/** A rule added to the group behind the console's back, as another tool would. */
function changeOutside(groupId: string) {
  stack().emulator.addRules(REGION, groupId, 'ingress', [
    {
      IpProtocol: 'tcp',
      PortRange: '8443/8443',
      SourceCidrIp: '198.51.100.0/24',
      Policy: 'accept',
      Priority: '1',
      NicType: 'intranet',
      Description: 'opened outside',
    },
  ]);
}

async function snapshotOf(groupId: string, note: string): Promise<string> {
  const res = await stack().app.request(
    `/api/regions/${REGION}/security-groups/${groupId}/snapshots`,
    jsonInit('POST', { note }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('Snapshots in the console', () => {
  it('creates a snapshot with a note from the groups list, and the toast leads to the timeline', async () => {
    const { user } = renderApp(`/security-groups?region=${REGION}&q=web-prod`);
    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Create snapshot of web-prod' },
        { timeout: 15_000 },
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Create a snapshot of web-prod' });
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'before the 8443 change');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Snapshot of 9 rules created.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open the timeline' }));
    expect(
      await screen.findByRole('heading', { name: 'Timeline of web-prod' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Timeline of web-prod' });
    expect(await within(table).findByText('before the 8443 change')).toBeInTheDocument();
    expect(within(table).getByText('9 rules · by local')).toBeInTheDocument();
  });

  it('offers the timeline’s own actions without a link to itself, and Escape returns focus to Clone', async () => {
    const id = await groupIdByName(stack().app, REGION, 'web-prod');
    const { user } = renderApp(`/security-groups/${id}/timeline?region=${REGION}`);
    const clone = await screen.findByRole(
      'button',
      { name: 'Clone web-prod' },
      { timeout: 15_000 },
    );
    expect(screen.getByRole('button', { name: 'Create snapshot of web-prod' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Timeline of web-prod' })).not.toBeInTheDocument();

    await user.click(clone);
    const dialog = await screen.findByRole('dialog', { name: 'Clone web-prod' });
    expect(
      within(dialog).getByRole('heading', { level: 2, name: 'Clone web-prod' }),
    ).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(clone).toHaveFocus());
    expect(screen.queryByRole('dialog', { name: 'Clone web-prod' })).not.toBeInTheDocument();
  });

  it('compares a snapshot with the live rules in the preview’s diff view', async () => {
    const id = await groupIdByName(stack().app, REGION, 'web-prod');
    await snapshotOf(id, 'baseline');
    changeOutside(id);
    const { user } = renderApp(`/security-groups/${id}/timeline?region=${REGION}`);
    const table = await screen.findByRole(
      'table',
      { name: 'Timeline of web-prod' },
      { timeout: 15_000 },
    );
    expect(screen.getByRole('button', { name: 'Compare' })).toBeDisabled();
    await user.click(await within(table).findByRole('checkbox', { name: /^Pick Live rules/ }));
    await user.click(within(table).getByRole('checkbox', { name: /^Pick Snapshot of / }));
    await user.click(screen.getByRole('button', { name: 'Compare' }));

    expect(
      await screen.findByRole('heading', { name: /^From snapshot of .* to Live rules$/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('9 rules → 10 rules')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Inbound (+1 −0 ~0)' })).toBeInTheDocument();
    const counts = screen.getByLabelText('Counts of Inbound changes');
    expect(within(counts).getByText('+ Added: 1')).toBeInTheDocument();
    const inbound = screen.getByRole('table', { name: 'Comparison: Inbound' });
    expect(within(inbound).getByText('opened outside')).toBeInTheDocument();

    // The same search as the preview's: it keeps only the matching rows.
    await user.type(screen.getByRole('searchbox', { name: 'Search the preview' }), 'outside');
    await waitFor(() =>
      expect(
        within(inbound)
          .getAllByRole('row')
          .filter((r) => within(r).queryAllByRole('cell').length > 0),
      ).toHaveLength(1),
    );
  });

  it('watches and stops watching a group from the rules page, showing the watch state', async () => {
    const id = await groupIdByName(stack().app, REGION, 'web-prod');
    const { user } = renderApp(`/security-groups/${id}/rules?region=${REGION}`);
    const watch = await screen.findByRole(
      'button',
      { name: 'Watch web-prod' },
      { timeout: 15_000 },
    );
    expect(watch).toHaveAttribute('aria-pressed', 'false');
    await user.click(watch);
    expect(await screen.findByText(/^Watched · (read|not read yet)/)).toBeInTheDocument();
    const stop = await screen.findByRole('button', { name: 'Stop watching web-prod' });
    expect(stop).toHaveAttribute('aria-pressed', 'true');
    // The first watch read is a snapshot on the timeline (the server takes it at once).
    expect(stack().journal.snapshots.list({ groupId: id, limit: 5 }).snapshots).toHaveLength(1);

    await user.click(stop);
    expect(await screen.findByRole('button', { name: 'Watch web-prod' })).toBeInTheDocument();
    expect(screen.queryByText(/^Watched ·/)).not.toBeInTheDocument();
  });

  it('shows a watched group that was deleted, and one backing off after throttling', async () => {
    const webProd = await groupIdByName(stack().app, REGION, 'web-prod');
    const appProd = await groupIdByName(stack().app, REGION, 'app-prod');
    for (const id of [webProd, appProd]) {
      const res = await stack().app.request(
        `/api/regions/${REGION}/security-groups/${id}/watch`,
        jsonInit('PUT', { watched: true }),
      );
      expect(res.status).toBe(200);
    }
    const at = new Date().toISOString();
    stack().journal.watches.update(REGION, webProd, {
      status: 'deleted',
      nextReadMs: Date.now() + 300_000,
      backoffMs: 0,
      lastReadAt: at,
    });
    stack().journal.watches.update(REGION, appProd, {
      nextReadMs: Date.now() + 300_000,
      backoffMs: 120_000,
      lastReadAt: at,
      lastError: {
        code: 'Throttling.User',
        message: 'Request was denied due to user flow control.',
      },
    });
    renderApp(`/security-groups?region=${REGION}&q=prod`);
    expect(
      await screen.findByText('Watched group deleted: no longer read', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Watched · throttled, backing off 120 s')).toBeInTheDocument();
  });

  it('clones a group and follows the copy to the new group', async () => {
    const { user } = renderApp(`/security-groups?region=${REGION}&q=web-prod`);
    await user.click(
      await screen.findByRole('button', { name: 'Clone web-prod' }, { timeout: 15_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Clone web-prod' });
    const name = within(dialog).getByLabelText('Name of the new group');
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    expect(name).toHaveValue(`web-prod-backup-${today}`);
    await user.clear(name);
    await user.type(name, 'web-prod-copy');
    await user.click(within(dialog).getByRole('button', { name: 'Clone' }));

    expect(
      await within(dialog).findByText(
        /^web-prod-copy \(sg-.*\) is ready with the same rules\.$/,
        {},
        {
          timeout: 15_000,
        },
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('link', { name: 'Open the new group' }));
    expect(
      await screen.findByRole('heading', { name: 'Rules of web-prod-copy' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Inbound (8)' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Outbound (1)' })).toBeInTheDocument();
  });

  it('says clearly why a clone was refused (RAM without ecs:CreateSecurityGroup)', async () => {
    stack().emulator.failCall('CreateSecurityGroup', 1, { code: 'Forbidden.RAM', status: 403 });
    const { user } = renderApp(`/security-groups?region=${REGION}&q=web-prod`);
    await user.click(
      await screen.findByRole('button', { name: 'Clone web-prod' }, { timeout: 15_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Clone web-prod' });
    await user.click(within(dialog).getByRole('button', { name: 'Clone' }));
    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('The group could not be cloned')).toBeInTheDocument();
    expect(
      within(alert).getByText(
        /^RAM refused ecs:CreateSecurityGroup\. Grant ecs:CreateSecurityGroup/,
      ),
    ).toBeInTheDocument();
    expect(within(alert).getByText(/^Code: Forbidden\.RAM/)).toBeInTheDocument();
    // Nothing was created: the dialog still offers the clone.
    expect(within(dialog).getByRole('button', { name: 'Clone' })).toBeEnabled();
  });

  it('links the group’s and a snapshot’s exports to the server’s named files', async () => {
    const id = await groupIdByName(stack().app, REGION, 'web-prod');
    const snapshotId = await snapshotOf(id, '');
    const { user } = renderApp(`/security-groups/${id}/rules?region=${REGION}`);
    const json = await screen.findByRole(
      'link',
      { name: 'Export JSON of web-prod' },
      { timeout: 15_000 },
    );
    expect(json).toHaveAttribute('download');
    const groupFile = await stack().app.request(
      new URL(json.getAttribute('href')!).pathname + new URL(json.getAttribute('href')!).search,
    );
    expect(groupFile.status).toBe(200);
    expect(groupFile.headers.get('content-disposition')).toBe(
      `attachment; filename="ecs_${REGION}_${id}.json"`,
    );
    const csv = screen.getByRole('link', { name: 'Export CSV of web-prod' });
    expect(csv.getAttribute('href')).toContain('format=csv');

    await user.click(screen.getByRole('link', { name: 'Timeline of web-prod' }));
    const table = await screen.findByRole(
      'table',
      { name: 'Timeline of web-prod' },
      { timeout: 15_000 },
    );
    const snapshotCsv = await within(table).findByRole('link', {
      name: /^Export CSV of web-prod .+$/,
    });
    const href = new URL(snapshotCsv.getAttribute('href')!);
    expect(href.pathname).toBe(`/api/snapshots/${snapshotId}/export`);
    const snapshotFile = await stack().app.request(href.pathname + href.search);
    expect(snapshotFile.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="ecs_sgRule_${id}_${REGION}_.+\\.csv"$`),
    );
  });
});
