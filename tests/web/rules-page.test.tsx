import { screen, waitFor, within } from '@testing-library/react';
import { groupIdByName } from '../support/test-stack';
import { chooseOption } from './choose-option';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

/** The body rows of a rules table (the header row left out), as their cells' text. */
function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .filter((row) => within(row).queryAllByRole('cell').length > 0)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('Rules page', () => {
  it('shows Inbound/Outbound tabs with counts, sorts by priority, filters, and names referenced groups', async () => {
    const id = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod');
    const appProdId = await groupIdByName(stack().app, 'cn-hangzhou', 'app-prod');
    const { user } = renderApp(`/security-groups/${id}/rules?region=cn-hangzhou`);
    expect(
      await screen.findByRole('heading', { name: 'Rules of web-prod' }, { timeout: 15_000 }),
    ).toBeInTheDocument();

    const inboundTab = screen.getByRole('tab', { name: 'Inbound (8)' });
    expect(inboundTab).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Outbound (1)' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Inbound' });
    expect(screen.getByText('8 of 8 rules')).toBeInTheDocument();
    // A referenced group reads by its name, with its ID.
    expect(await within(table).findByText(`app-prod (${appProdId})`)).toBeInTheDocument();

    // Sort by priority: descending puts the priority-20 ping rule first, ascending last.
    const sortPriority = within(table).getByRole('button', { name: 'Sort by Priority' });
    await user.click(sortPriority);
    const priorityHeader = within(table).getByRole('columnheader', { name: /Priority/ });
    expect(priorityHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(bodyRows(table).at(-1)).toContain('ping from the VPC');
    await user.click(sortPriority);
    expect(priorityHeader).toHaveAttribute('aria-sort', 'descending');
    expect(bodyRows(table)[0]).toContain('ping from the VPC');
    expect(bodyRows(table)[0]?.[1]).toBe('20');

    // Filter by protocol, then by action.
    await chooseOption(user, screen.getByRole('combobox', { name: 'Filter by protocol' }), 'ICMP');
    expect(await screen.findByText('1 of 8 rules')).toBeInTheDocument();
    expect(bodyRows(table).map((cells) => cells.at(-2))).toEqual(['ping from the VPC']);
    await chooseOption(
      user,
      screen.getByRole('combobox', { name: 'Filter by protocol' }),
      'Any protocol',
    );
    await chooseOption(user, screen.getByRole('combobox', { name: 'Filter by action' }), 'Deny');
    expect(await screen.findByText('1 of 8 rules')).toBeInTheDocument();
    expect(bodyRows(table).map((cells) => cells.at(-2))).toEqual(['block RDP']);

    // Text filter with no match says so.
    await user.type(screen.getByRole('searchbox', { name: 'Filter rules' }), 'no such rule');
    expect(await screen.findByText('No rules match the filter')).toBeInTheDocument();

    // The filters stay on when the tab changes, and the counter says how many they hide.
    await user.click(screen.getByRole('tab', { name: 'Outbound (1)' }));
    const outbound = await screen.findByRole('table', { name: 'Outbound' });
    expect(screen.getByText('0 of 1 rule')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Filter rules' }));
    await chooseOption(
      user,
      screen.getByRole('combobox', { name: 'Filter by action' }),
      'Any action',
    );
    expect(await screen.findByText('1 of 1 rule')).toBeInTheDocument();
    await waitFor(() => expect(bodyRows(outbound)).toHaveLength(1));
    expect(bodyRows(outbound)[0]).toContain('allow all outbound');
  });
});
