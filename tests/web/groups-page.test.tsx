import { screen, within } from '@testing-library/react';
import type { TestStack } from '../support/test-stack';
import { chooseOption } from './choose-option';
import { renderApp, stackPerTest } from './render-app';
import { rowsDrawnWhileOpening } from './rows-drawn';

/** A group of cn-hangzhou as the API lists it. */
async function groupOf(stack: TestStack, name: string): Promise<{ id: string; vpcId: string }> {
  const res = await stack.app.request(
    `/api/regions/cn-hangzhou/security-groups?search=${name}&pageSize=100`,
  );
  const body = (await res.json()) as { groups: { id: string; name: string; vpcId: string }[] };
  const group = body.groups.find((g) => g.name === name);
  if (!group) throw new Error(`no group ${name}`);
  return group;
}

describe('Security Groups page', () => {
  const stack = stackPerTest();

  it('pages with NextToken, searches, and tells no-match from empty', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    expect(
      await screen.findByText(
        'Running on the built-in ECS emulator with demo data',
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Security Groups' });
    expect(await screen.findByText('Page 1: 20 security groups')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText(/^Page 2: \d+ security groups$/)).toBeInTheDocument();
    expect(await within(table).findByText('web-prod')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('Page 1: 20 security groups')).toBeInTheDocument();

    await user.type(
      screen.getByRole('searchbox', { name: 'Search security groups' }),
      'no-such-group{Enter}',
    );
    expect(await screen.findByText('No security groups match "no-such-group"')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByText('Page 1: 20 security groups')).toBeInTheDocument();
  });

  it('draws the whole page of rows at once on a wide screen', async () => {
    const drawn = await rowsDrawnWhileOpening();
    // The header with the loading row, then the header and twenty rows, nothing in between:
    // rows added to a wide table later would move the columns of those shown.
    expect(drawn).toContain(21);
    expect(drawn.filter((count) => count > 2 && count < 21)).toEqual([]);
  });

  it('filters by VPC, with the VPC in the URL, and clears the filter', async () => {
    const stagingVpc = (await groupOf(stack(), 'svc-inventory')).vpcId;
    const prodVpc = (await groupOf(stack(), 'web-prod')).vpcId;
    const { user, router } = renderApp('/security-groups?region=cn-hangzhou');
    const table = await screen.findByRole(
      'table',
      { name: 'Security Groups' },
      { timeout: 15_000 },
    );
    await within(table).findByText('web-prod-backup-20261120');

    await chooseOption(user, screen.getByRole('combobox', { name: 'Filter by VPC' }), stagingVpc);
    expect(await within(table).findByText('svc-inventory')).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('vpc')).toBe(stagingVpc);
    const vpcCells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1]?.textContent);
    expect(vpcCells.length).toBeGreaterThan(0);
    expect(new Set(vpcCells)).toEqual(new Set([stagingVpc]));
    expect(within(table).queryByText('web-prod-backup-20261120')).not.toBeInTheDocument();
    expect(screen.getByText(`Page 1: ${vpcCells.length} security groups`)).toBeInTheDocument();
    expect(prodVpc).not.toBe(stagingVpc);

    await chooseOption(user, screen.getByRole('combobox', { name: 'Filter by VPC' }), 'All VPCs');
    expect(await within(table).findByText('web-prod-backup-20261120')).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).has('vpc')).toBe(false);
  });
});

describe('Security Groups page of an account without groups', () => {
  stackPerTest({ seed: 'empty' });

  it('shows the empty state for a region without groups', async () => {
    renderApp('/security-groups?region=cn-hangzhou');
    expect(
      await screen.findByText('No security groups in this region', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
  });
});
