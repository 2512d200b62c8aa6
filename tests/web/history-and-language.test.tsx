import { screen, waitFor, within } from '@testing-library/react';
import { typeNameIfAsked } from './journey-helpers';
import type { PreviewResponse } from '../../src/server/contract';
import { confirmedBy } from '../support/confirmed-by';
import { groupIdByName, jsonInit, waitForRestore } from '../support/test-stack';
import { chooseOption } from './choose-option';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

describe('Restore history', () => {
  it('lists a restore, shows its detail, and undoes it after its own preview', async () => {
    const sourceId = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod');
    const destinationId = await groupIdByName(
      stack().app,
      'cn-hangzhou',
      'web-prod-backup-20261120',
    );
    const base = `/api/regions/cn-hangzhou/security-groups/${sourceId}`;
    const body = {
      destinationId,
      mode: 'completely',
      options: { recreateSystemRules: false, retargetSelfReferences: false },
    };
    const preview = (await (
      await stack().app.request(`${base}/restore-preview`, jsonInit('POST', body))
    ).json()) as PreviewResponse;
    const started = (await (
      await stack().app.request(
        `${base}/restores`,
        jsonInit('POST', { ...body, ...confirmedBy(preview) }),
      )
    ).json()) as { restoreId: string };
    await waitForRestore(stack().app, started.restoreId);

    const { user } = renderApp('/history');
    const table = await screen.findByRole(
      'table',
      { name: 'Restore History' },
      { timeout: 15_000 },
    );
    // The ID is kept whole in its own span: the cell's name reads the whole text.
    expect(await within(table).findByRole('cell', { name: /web-prod \(sg-/ })).toBeInTheDocument();
    await user.click(
      within(table).getByRole('link', { name: `Details of restore ${started.restoreId}` }),
    );
    expect(
      await screen.findByRole(
        'heading',
        { name: `Restore ${started.restoreId}` },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Verified: ECS reports exactly the expected rules.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    const dialog = await screen.findByRole('dialog', { name: /^Undo restore: web-prod/ });
    expect(
      await within(dialog).findByText(/^\+\d+ added, −\d+ removed/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    // The undo removes the rule the restore added under web-prod's running instances.
    await typeNameIfAsked(user, dialog);
    const confirm = within(dialog).getByRole('button', { name: 'Undo the restore' });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);

    await waitFor(
      () =>
        expect(screen.getByRole('heading', { name: /^Restore rst-/ }).textContent).not.toContain(
          started.restoreId,
        ),
      { timeout: 15_000 },
    );
    expect(await screen.findByText('Succeeded', {}, { timeout: 15_000 })).toBeInTheDocument();
    const rules = stack().emulator.listRules('cn-hangzhou', sourceId);
    expect(rules.some((r) => r.Description === 'temporary debug SSH')).toBe(true);
  });
});

describe('Language', () => {
  it('switches the console to Chinese, labels of the Restore Rules dialog included', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    await screen.findByRole('table', { name: 'Security Groups' }, { timeout: 15_000 });
    await chooseOption(user, screen.getByRole('combobox', { name: 'Language' }), '简体中文');

    const search = await screen.findByRole('searchbox', { name: '搜索安全组' });
    await user.type(search, 'web-prod{Enter}');
    await user.click(await screen.findByRole('button', { name: '还原规则：web-prod' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: /^还原规则：web-prod（sg-/ },
      { timeout: 15_000 },
    );
    expect(within(dialog).getByRole('combobox', { name: '目标安全组' })).toBeInTheDocument();
    expect(within(dialog).getByText('还原策略')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: /全部还原/ })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: /部分还原/ })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '确定' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: '取消' })).toBeInTheDocument();
  });
});
