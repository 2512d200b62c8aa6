import { screen, waitFor, within } from '@testing-library/react';
import { groupIdByName } from '../support/test-stack';
import { findSummary, openRestoreFor, pickDestination, typeNameIfAsked } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';
import { logApiRequests } from './request-log';

const stack = stackPerTest();

const BACKUP = 'web-prod-backup-20261120';
/** Per ECS call: the job runs long enough for the console to act while it writes. */
const SLOW_ECS_MS = 300;
const RUNNING = new Set(['pending', 'running']);

describe('Starting a restore', () => {
  it('refreshes only the restore lists while the job writes, and the groups once it has ended', async () => {
    const sourceId = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod');
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    await findSummary(dialog);
    await typeNameIfAsked(user, dialog);
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    await waitFor(() => expect(ok).toBeEnabled());

    stack().emulator.setLatency(SLOW_ECS_MS);
    const log = logApiRequests(stack());
    await user.click(ok);
    await within(dialog).findByText('The rules of web-prod were restored', {}, { timeout: 20_000 });

    const groupDetail = `/api/regions/cn-hangzhou/security-groups/${sourceId}`;
    const isGroupList = (path: string) =>
      path.startsWith('/api/regions/cn-hangzhou/security-groups?');
    await waitFor(() => {
      const afterEnd = log.filter((entry) => entry.latestRestore === 'succeeded');
      expect(afterEnd.some((entry) => entry.method === 'GET' && entry.path === groupDetail)).toBe(
        true,
      );
      expect(afterEnd.some((entry) => entry.method === 'GET' && isGroupList(entry.path))).toBe(
        true,
      );
    });

    // The start, then only the job and the restore lists while the job ran.
    expect(log[0]).toMatchObject({ method: 'POST', path: `${groupDetail}/restores` });
    const whileRunning = log.filter((entry) => RUNNING.has(entry.latestRestore ?? ''));
    expect(whileRunning.length).toBeGreaterThan(1);
    for (const entry of whileRunning) {
      expect(entry.method).toBe('GET');
      expect(entry.path).toMatch(/^\/api\/restores(\/rst-[a-z0-9]+)?(\?|$)/);
    }
    // The reviewed preview is never sent again: the dialog now follows the job.
    expect(log.filter((entry) => entry.path.endsWith('/restore-preview'))).toEqual([]);
    expect(screen.getByRole('link', { name: 'View the rules of web-prod' })).toBeInTheDocument();
  });
});
