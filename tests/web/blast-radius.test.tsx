/**
 * The blast radius line of the Restore Rules dialog, through the real proxy, SDK and emulator:
 * what uses web-prod, a group nobody uses, and a part ECS refuses to list.
 */
import { waitFor, within } from '@testing-library/react';
import { findSummary, openRestoreFor, pickDestination, typeNameIfAsked } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

const REGION = 'cn-hangzhou';
const BACKUP = 'web-prod-backup-20261120';

function blastOf(dialog: HTMLElement): HTMLElement {
  return within(dialog).getByRole('region', { name: 'What uses this group' });
}

describe('the blast radius in the Restore Rules dialog', () => {
  it('says what uses web-prod before OK', async () => {
    const { user } = renderApp(`/security-groups?region=${REGION}`);
    const dialog = await openRestoreFor(user, 'web-prod');
    const line = await within(blastOf(dialog)).findByText(
      'Used by 6 instances (4 running) and 2 network interfaces; referenced by app-prod, mesh-prod, mesh-prod-next',
      {},
      { timeout: 10_000 },
    );
    expect(line).toBeInTheDocument();
    expect(within(blastOf(dialog)).queryByText(/could not be read/)).toBeNull();
  });

  it('says a group nobody uses is not used', async () => {
    stack().emulator.addGroup(REGION, { name: 'unused-sg' });
    const { user } = renderApp(`/security-groups?region=${REGION}`);
    const dialog = await openRestoreFor(user, 'unused-sg');
    const blast = blastOf(dialog);
    await within(blast).findByText(
      'Not used by any instance or network interface',
      {},
      { timeout: 10_000 },
    );
    expect(blast.textContent).toBe('Not used by any instance or network interface');
  });

  it('takes the singular for one instance', async () => {
    const solo = stack().emulator.addGroup(REGION, { name: 'solo-sg' });
    stack().emulator.addInstance(REGION, { name: 'solo-01', securityGroupIds: [solo] });
    const { user } = renderApp(`/security-groups?region=${REGION}`);
    const dialog = await openRestoreFor(user, 'solo-sg');
    const blast = blastOf(dialog);
    await within(blast).findByText('Used by 1 instance (1 running)', {}, { timeout: 10_000 });
    expect(blast.textContent).toBe('Used by 1 instance (1 running)');
  });

  it('names a refused part instead of counting it as zero, and the restore stays possible', async () => {
    stack().emulator.failCall('DescribeInstances', 1, { code: 'Forbidden.RAM', status: 403 });
    const { user } = renderApp(`/security-groups?region=${REGION}`);
    const dialog = await openRestoreFor(user, 'web-prod');
    const blast = blastOf(dialog);
    await within(blast).findByText(
      'Instances could not be read: ecs:DescribeInstances was refused (Forbidden.RAM)',
      {},
      { timeout: 10_000 },
    );
    expect(
      within(blast).getByText(
        'Used by 2 network interfaces; referenced by app-prod, mesh-prod, mesh-prod-next',
      ),
    ).toBeInTheDocument();
    expect(blast.textContent).not.toMatch(/instances? \(|any instance/);

    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    // The preview reads the instances again (that read answers): the removal under running
    // instances asks for the name, and once typed the restore can start.
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    expect(ok).toBeDisabled();
    await typeNameIfAsked(user, dialog);
    await waitFor(() => expect(ok).toBeEnabled());
  });
});
