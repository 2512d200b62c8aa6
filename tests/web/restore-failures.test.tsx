import { waitFor, within } from '@testing-library/react';
import { groupIdByName } from '../support/test-stack';
import {
  confirmFollowUp,
  findSummary,
  openRestoreFor,
  pickDestination,
  typeNameIfAsked,
} from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

const BACKUP = 'web-prod-backup-20261120';

async function confirmRestore(user: ReturnType<typeof renderApp>['user'], dialog: HTMLElement) {
  await typeNameIfAsked(user, dialog);
  const ok = within(dialog).getByRole('button', { name: 'OK' });
  await waitFor(() => expect(ok).toBeEnabled());
  await user.click(ok);
}

describe('Restore Rules failures', () => {
  it('names the failed step with the ECS code, then Retry remaining succeeds', async () => {
    stack().emulator.failCall('RevokeSecurityGroup', 1, {
      code: 'Forbidden.RAM',
      status: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    await confirmRestore(user, dialog);

    expect(
      await within(dialog).findByText('The restore stopped part-way', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    // Said once, in the result's summary under the failed step, not again in the step list.
    expect(within(dialog).getAllByText(/Code: Forbidden\.RAM/)).toHaveLength(1);
    expect(
      within(within(dialog).getByRole('status')).getByText(/Code: Forbidden\.RAM/),
    ).toBeInTheDocument();
    await confirmFollowUp(
      user,
      dialog,
      'Retry remaining',
      /^Retry remaining: web-prod/,
      'Retry remaining steps',
    );
    expect(
      await within(dialog).findByText(
        'The remaining steps were retried: the rules of web-prod were restored',
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    // Which step stopped the first attempt, and why, stays above the result.
    const result = within(dialog).getByRole('status');
    expect(within(result).getByText(/^Restore rst-\w+ stopped at /)).toBeInTheDocument();
    expect(within(result).getByText(/Code: Forbidden\.RAM/)).toBeInTheDocument();
  });

  it('rolls back a partly applied restore', async () => {
    stack().emulator.failCall('RevokeSecurityGroup', 1, { code: 'Forbidden.RAM', status: 403 });
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    await confirmRestore(user, dialog);
    await within(dialog).findByText('The restore stopped part-way', {}, { timeout: 15_000 });

    const preview = await confirmFollowUp(
      user,
      dialog,
      'Roll back',
      /^Roll back restore: web-prod/,
      'Roll back the restore',
    );
    // Rolling back removes what the restore added: OK is in danger red.
    expect(within(preview).getByRole('button', { name: 'Roll back the restore' })).toHaveClass(
      'ant-btn-dangerous',
    );
    expect(
      await within(dialog).findByText(
        'The rules of web-prod were rolled back',
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    const result = within(dialog).getByRole('status');
    expect(
      await within(result).findByText(/^Restore rst-\w+ stopped at /, {}, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(within(result).getByText(/Code: Forbidden\.RAM/)).toBeInTheDocument();
    const id = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod');
    const rules = stack().emulator.listRules('cn-hangzhou', id);
    expect(rules.some((r) => r.Description === 'temporary debug SSH')).toBe(true);
  });

  it('shows the new preview with a notice when a group changed after the preview, and applies nothing', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    const before = (await findSummary(dialog)).textContent;
    const backupId = await groupIdByName(stack().app, 'cn-hangzhou', BACKUP);
    stack().emulator.addRules('cn-hangzhou', backupId, 'ingress', [
      {
        IpProtocol: 'TCP',
        PortRange: '9000/9000',
        SourceCidrIp: '192.168.0.0/16',
        Policy: 'Accept',
        Priority: '1',
        Description: 'added behind the preview',
      },
    ]);
    await confirmRestore(user, dialog);

    expect(
      await within(dialog).findByText(
        /The security groups changed after the preview\. Nothing was applied/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const after = await findSummary(dialog);
    expect(after.textContent).not.toEqual(before);
    expect(within(dialog).getByText('added behind the preview')).toBeInTheDocument();
    expect(within(dialog).queryByText(/were restored/)).not.toBeInTheDocument();
  });
});
