import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { findSummary, openRestoreFor, pickDestination } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

// Room for two groups of 2,000 rules each.
const stack = stackPerTest({ config: { ruleLimit: 3000 } });

const RULES_PER_SIDE = 1000;
/** Far fewer rows than rules: what "the DOM holds a bounded number of rows" means here. */
const MAX_ROWS = 100;

/** 1,000 rules a side, ports from `firstPort` on, so two such groups share none. */
function seedBigGroup(name: string, firstPort: number): string {
  const id = stack().emulator.addGroup('cn-hangzhou', {
    name,
    description: `${RULES_PER_SIDE} rules a side`,
  });
  const rules = (peerKey: string) =>
    Array.from({ length: RULES_PER_SIDE }, (_, i) => ({
      IpProtocol: 'TCP',
      PortRange: `${firstPort + i}/${firstPort + i}`,
      [peerKey]: `10.${Math.floor(i / 250)}.${i % 250}.0/24`,
      Policy: 'Accept',
      Priority: '1',
      Description: `${name} port ${firstPort + i}`,
    }));
  stack().emulator.addRules('cn-hangzhou', id, 'ingress', rules('SourceCidrIp'));
  stack().emulator.addRules('cn-hangzhou', id, 'egress', rules('DestCidrIp'));
  return id;
}

/** Scrolls a virtual table's body to row `index` (0-based) as a user dragging the scrollbar would. */
function scrollToRow(body: HTMLElement, index: number) {
  body.scrollTop = index * 44;
  fireEvent.scroll(body);
}

function bodyOf(table: HTMLElement): HTMLElement {
  const body = within(table).getAllByRole('rowgroup').at(-1);
  if (!body) throw new Error('the table has no body');
  return body;
}

describe('Big groups stay virtualized', () => {
  it('renders a bounded number of rows on the rules page of a group with 1,000 rules a side', async () => {
    const id = seedBigGroup('big-source', 20000);
    const { user } = renderApp(`/security-groups/${id}/rules?region=cn-hangzhou`);
    expect(
      await screen.findByRole('heading', { name: 'Rules of big-source' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Inbound (1000)' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Outbound (1000)' })).toBeInTheDocument();
    expect(screen.getByText('1000 of 1000 rules')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Inbound' });
    expect(table).toHaveAttribute('aria-rowcount', String(RULES_PER_SIDE + 1));
    expect(within(table).getAllByRole('row').length).toBeLessThan(MAX_ROWS);
    expect(within(table).getByText('big-source port 20000')).toBeInTheDocument();

    // The scrolling body is a named tab stop, so it can be scrolled from the keyboard.
    const body = within(table).getByRole('rowgroup', { name: 'Rows of Inbound' });
    expect(body).toBe(bodyOf(table));
    body.focus();
    expect(body).toHaveFocus();

    // Scrolled to the middle, the rows there are rendered and the first ones are gone.
    scrollToRow(body, 600);
    expect(await within(table).findByText('big-source port 20600')).toBeInTheDocument();
    expect(within(table).queryByText('big-source port 20000')).not.toBeInTheDocument();
    expect(within(table).getAllByRole('row').length).toBeLessThan(MAX_ROWS);

    await user.click(screen.getByRole('tab', { name: 'Outbound (1000)' }));
    const outbound = await screen.findByRole('table', { name: 'Outbound' });
    expect(within(outbound).getAllByRole('row').length).toBeLessThan(MAX_ROWS);
  });

  it('renders a bounded number of rows in the restore preview of 1,000 rules a side', async () => {
    seedBigGroup('big-source', 20000);
    seedBigGroup('big-backup', 30000);
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'big-source');
    await pickDestination(user, dialog, 'big-backup');
    const summary = await findSummary(dialog, /^\+2000 added, −2000 removed, /);
    expect(summary).toHaveTextContent(
      '+2000 added, −2000 removed, 0 changed, 0 unchanged, 0 not restorable',
    );

    expect(
      within(dialog).getByRole('tab', { name: 'Inbound (+1000 −1000 ~0)' }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('tab', { name: 'Outbound (+1000 −1000 ~0)' }),
    ).toBeInTheDocument();
    const table = within(dialog).getByRole('table', { name: 'Preview: Inbound' });
    expect(table).toHaveAttribute('aria-rowcount', String(2 * RULES_PER_SIDE + 1));
    expect(within(table).getAllByRole('row').length).toBeLessThan(MAX_ROWS);

    scrollToRow(bodyOf(table), 1500);
    expect(await within(table).findByText('big-source port 20500')).toBeInTheDocument();
    expect(within(table).getAllByRole('row').length).toBeLessThan(MAX_ROWS);
    expect(within(dialog).getAllByRole('row').length).toBeLessThan(MAX_ROWS);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'OK' })).toBeEnabled());
  });
});
