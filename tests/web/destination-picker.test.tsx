import { screen, waitFor, within } from '@testing-library/react';
import type { SecurityGroupView } from '../../src/server/contract';
import { orderDestinations } from '../../src/web/features/restore/components/destination-order';
import { openRestoreFor } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

// A fresh proxy and ECS emulator for each test.
stackPerTest();

const group = (over: Partial<SecurityGroupView>): SecurityGroupView => ({
  id: 'sg-x',
  name: 'x',
  regionId: 'cn-hangzhou',
  vpcId: 'vpc-a',
  type: 'normal',
  description: '',
  creationTime: '2026-01-01T00:00:00Z',
  ruleCount: 1,
  serviceManaged: false,
  ...over,
});

describe('The destination picker', () => {
  it('orders likely backups newest first, keeps ineligible groups with their reason', () => {
    const source = group({ id: 'sg-src', name: 'web-prod' });
    const { likely, others } = orderDestinations(source, [
      group({ id: 'sg-a', name: 'alpha' }),
      group({ id: 'sg-old', name: 'web-prod-backup-1', creationTime: '2025-01-01T00:00:00Z' }),
      group({ id: 'sg-new', name: 'copy', description: 'Backup of WEB-PROD' }),
      group({ id: 'sg-classic', name: 'web-prod-classic', vpcId: '' }),
      source,
      group({ id: 'sg-b', name: 'beta' }),
    ]);
    expect(likely.map((c) => c.group.id)).toEqual(['sg-new', 'sg-old', 'sg-classic']);
    expect(likely.at(-1)?.ineligible).toBe('network');
    expect(others.map((c) => [c.group.id, c.ineligible])).toEqual([
      ['sg-a', null],
      ['sg-b', null],
      ['sg-src', 'source'],
    ]);
  });

  it('lists the backup first with its rule count, VPC and age, and the source disabled', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    const select = within(dialog).getByRole('combobox', { name: 'Destination Security Group' });
    await user.click(select);
    const listbox = await waitFor(() => {
      const found = screen
        .queryAllByRole('listbox')
        .find((list) => list.id === select.getAttribute('aria-controls'));
      if (!found) throw new Error('the list did not open');
      return found;
    });
    // The first option the keyboard lands on is the likely backup.
    const active = await waitFor(() => {
      const id = select.getAttribute('aria-activedescendant');
      const element = within(listbox)
        .queryAllByRole('option')
        .find((option) => option.id === id);
      if (!element) throw new Error('no active option yet');
      return element;
    });
    expect(active).toHaveAccessibleName(
      /^web-prod-backup-20261120 \(sg-[a-z0-9]+\) · \d+ rules · vpc-[a-z0-9]+ · created /,
    );
    expect(
      await screen.findByText('Security groups · Likely backups of web-prod'),
    ).toBeInTheDocument();
    await user.type(select, 'the source itself');
    // Listed, and shown disabled (antd's Select does not pick a disabled option).
    expect(
      await screen.findByText(/^web-prod \(sg-.* · Not eligible: the source itself$/),
    ).toHaveClass('ant-typography-disabled');
  });
});
