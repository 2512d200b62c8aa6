import { screen, waitFor, within } from '@testing-library/react';
import { isCidr, rowProblems } from '../../src/web/features/settings/components/source-validation';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest({
  config: { protectedSources: [{ label: 'bastion', cidr: '198.51.100.7/32' }] },
});

describe('The protected sources editor', () => {
  it('shows the setting’s entries read-only, and adds, edits and removes the console’s', async () => {
    stack().journal.replaceProtectedSources([{ label: 'office', cidr: '203.0.113.0/24' }]);
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    await user.click(await screen.findByRole('link', { name: 'Protected sources' }));
    const configured = await screen.findByRole(
      'table',
      { name: 'Protected sources from the PROTECTED_SOURCES setting' },
      { timeout: 15_000 },
    );
    expect(within(configured).getByText('198.51.100.7/32')).toBeInTheDocument();
    expect(
      within(configured).getByText('PROTECTED_SOURCES setting (read-only)'),
    ).toBeInTheDocument();
    expect(within(configured).queryByRole('textbox')).not.toBeInTheDocument();

    const edited = screen.getByRole('table', { name: 'Protected sources edited in the console' });
    expect(within(edited).getByDisplayValue('office')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    const labels = within(edited).getAllByRole('textbox', { name: 'Label' });
    const cidrs = within(edited).getAllByRole('textbox', { name: 'Address or CIDR' });
    await user.type(labels[1]!, 'vpn');
    await user.type(cidrs[1]!, '10.0.0.300/8');
    // Each field says what is wrong, and nothing is saved while one does.
    expect(within(edited).getByText(/^Enter an IPv4 or IPv6 address or CIDR/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Correct the fields marked in red, then save.')).toBeInTheDocument();
    expect(stack().journal.protectedSources()).toHaveLength(1);

    await user.clear(cidrs[1]!);
    await user.type(cidrs[1]!, '2001:db8::/32');
    await user.click(within(edited).getByRole('button', { name: 'Remove office' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Protected sources saved.')).toBeInTheDocument();
    await waitFor(() =>
      expect(stack().journal.protectedSources()).toEqual([{ label: 'vpn', cidr: '2001:db8::/32' }]),
    );
  });
});

describe('source validation', () => {
  it('accepts addresses and CIDRs of both families and refuses the rest', () => {
    for (const ok of ['203.0.113.0/24', '198.51.100.7', '::/0', '2001:db8::/32', 'fe80::1'])
      expect(isCidr(ok)).toBe(true);
    for (const bad of ['', '10.0.0.256', '10.0.0.0/33', '2001:db8::/129', '1::2::3', 'office'])
      expect(isCidr(bad)).toBe(false);
    expect(
      rowProblems([
        { label: '', cidr: '10.0.0.0/8' },
        { label: 'x'.repeat(65), cidr: '10.0.0.0/8' },
      ]),
    ).toEqual([{ label: 'labelEmpty' }, { label: 'labelLong', cidr: 'cidrDuplicate' }]);
  });
});
