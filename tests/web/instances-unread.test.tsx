/**
 * The Restore Rules dialog when DescribeInstances cannot be read, through the real proxy, SDK
 * and emulator: the preview's own read fails (refused by RAM, or throttled past the retries),
 * so the dialog says why and asks for the name typed, and the blast radius says the read failed
 * instead of counting zero instances.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { findSummary, openRestoreFor, pickDestination } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

const REGION = 'cn-hangzhou';
const BACKUP = 'web-prod-backup-20261120';
const CONFIRM = 'Type the group name web-prod to confirm';

/** The stack's SDK adapter tries each call 4 times; more throttles than that outlast them all. */
const EVERY_ATTEMPT = 40;

const FAILURES = [
  {
    name: 'refused by RAM',
    arm: () => {
      // One refusal for the blast radius's read, one for the preview's (never retried).
      for (const nth of [1, 2]) {
        stack().emulator.failCall('DescribeInstances', nth, {
          code: 'Forbidden.RAM',
          status: 403,
          message: 'User not authorized to operate on the specified resource.',
        });
      }
    },
    why: 'ecs:DescribeInstances was refused (Forbidden.RAM)',
  },
  {
    name: 'throttled to the end',
    arm: () =>
      stack().emulator.throttleNext(EVERY_ATTEMPT, {
        action: 'DescribeInstances',
        retryAfterMs: 1,
      }),
    why: 'ecs:DescribeInstances failed (Throttling.User)',
  },
] as const;

describe('the Restore Rules dialog when the instances could not be read', () => {
  it.each(FAILURES)(
    'DescribeInstances $name: the reason, the typed name, and no zero',
    async ({ arm, why }) => {
      arm();
      const { user } = renderApp(`/security-groups?region=${REGION}`);
      const dialog = await openRestoreFor(user, 'web-prod');
      const blast = within(dialog).getByRole('region', { name: 'What uses this group' });
      await within(blast).findByText(
        `Instances could not be read: ${why}`,
        {},
        { timeout: 15_000 },
      );
      // The other parts were read; the instances are not counted as none.
      expect(
        within(blast).getByText(
          'Used by 2 network interfaces; referenced by app-prod, mesh-prod, mesh-prod-next',
        ),
      ).toBeInTheDocument();
      expect(blast.textContent).not.toMatch(/instances? \(|any instance/);

      await pickDestination(user, dialog, BACKUP);
      await findSummary(dialog, /^\+\d+ added, /);
      expect(
        await within(dialog).findByText(
          'The instances that use this group could not be read',
          {},
          { timeout: 15_000 },
        ),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByText(
          `The instances that use web-prod could not be read (${why}), so running instances may use it, and this restore removes 1 rule from it: type the group's name to confirm.`,
        ),
      ).toBeInTheDocument();
      expect(within(dialog).queryByText('Running instances use this group')).toBeNull();

      // The failed read does not block the restore: the typed name does it.
      const ok = within(dialog).getByRole('button', { name: 'OK' });
      const field = within(dialog).getByLabelText(CONFIRM);
      expect(ok).toBeDisabled();
      await user.type(field, 'web-prod-backup');
      expect(ok).toBeDisabled();
      await user.clear(field);
      await user.type(field, 'web-prod');
      await waitFor(() => expect(ok).toBeEnabled());
      await user.click(ok);
      expect(
        await screen.findByText(/The rules of web-prod were restored/, {}, { timeout: 15_000 }),
      ).toBeInTheDocument();
    },
  );
});
