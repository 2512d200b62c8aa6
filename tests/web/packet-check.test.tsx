import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { GroupDetailResponse, SecurityGroupView } from '../../src/server/contract';
import { findSummary, openRestoreFor, pickDestination } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

const BACKUP = 'web-prod-backup-20261120';

/** Opens the preview of web-prod restored from its backup and returns the dialog. */
async function openPreview(user: UserEvent): Promise<HTMLElement> {
  const dialog = await openRestoreFor(user, 'web-prod');
  await pickDestination(user, dialog, BACKUP);
  await findSummary(dialog);
  return dialog;
}

/** The ID of the prefix list named `name` in a rule of `group`, as the proxy reports it. */
async function prefixListIdOf(group: string, name: string): Promise<string> {
  const base = '/api/regions/cn-hangzhou/security-groups';
  const listed = (await (await stack().app.request(`${base}?search=${group}`)).json()) as {
    groups: SecurityGroupView[];
  };
  const id = listed.groups.find((g) => g.name === group)?.id ?? '';
  const detail = (await (await stack().app.request(`${base}/${id}`)).json()) as GroupDetailResponse;
  for (const rule of detail.rules) {
    if (rule.peer.kind === 'prefixList' && rule.meta.peerName === name) {
      return rule.peer.prefixListId;
    }
  }
  throw new Error(`${group} has no rule with the prefix list ${name}`);
}

/** The packet check's own alert (the dialog also has the typed-confirmation alert). */
function packetAlert(dialog: HTMLElement): HTMLElement | undefined {
  return within(dialog)
    .getAllByRole('alert')
    .find((alert) => /^(Port|Address): /.test(alert.textContent ?? ''));
}

describe('packet check in the preview', () => {
  it('says SSH from the world is allowed now and blocked after the restore', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openPreview(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Port' }), '22');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Address or security group ID' }),
      '203.0.113.5',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    const result = within(dialog).getByRole('list', { name: 'Packet check result' });
    const lines = within(result)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines[0]).toMatch(
      /^Before: allowed — rule Allow TCP 22 from 0\.0\.0\.0\/0 \(priority \d+\)$/,
    );
    expect(lines[1]).toBe(
      "After: blocked — the group's default (inbound is denied when no rule matches)",
    );
  });

  it('names the address field when the address is malformed', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openPreview(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Port' }), '22');
    const address = within(dialog).getByRole('textbox', { name: 'Address or security group ID' });
    await user.type(address, '203.0.113.500');
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    expect(packetAlert(dialog)).toHaveTextContent(
      'Address: enter an IPv4 or IPv6 address, or a security group ID (sg-...).',
    );
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).queryByRole('list', { name: 'Packet check result' })).toBeNull();
  });

  it('names the port field when TCP has no port', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openPreview(user);
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Address or security group ID' }),
      '203.0.113.5',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    expect(packetAlert(dialog)).toHaveTextContent(/^Port: /);
    expect(within(dialog).getByRole('textbox', { name: 'Port' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('checks the members of a prefix list by its ID, and says an address is judged apart', async () => {
    const officeId = await prefixListIdOf('web-prod', 'office-egress');
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openPreview(user);
    expect(
      within(dialog).getByText(
        'An address is judged by the rules with CIDRs; the members of a group (sg-…) or a prefix list (pl-…) by the rules that name it: check those by their ID.',
      ),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Port' }), '22');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Address or security group ID' }),
      officeId,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Check' }));
    const result = within(dialog).getByRole('list', { name: 'Packet check result' });
    const rule = `rule Allow TCP 22 from Prefix list office-egress (${officeId}) (priority 1)`;
    expect(
      within(result)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([`Before: allowed — ${rule}`, `After: allowed — ${rule}`]);
  });
});
