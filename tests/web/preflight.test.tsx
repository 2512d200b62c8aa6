/**
 * Pre-flight checks in the console, through the real proxy and the emulator: a failed check is an
 * error with its numbers and ways out and OK stays disabled; Completely's early removals are
 * marked; a refused restore is listed and explained in the history; the texts in both languages.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { PreviewResponse } from '../../src/server/contract';
import { confirmedBy } from '../support/confirmed-by';
import { groupIdByName, jsonInit } from '../support/test-stack';
import { chooseOption } from './choose-option';
import { findSummary, openRestoreFor, pickDestination, typeNameIfAsked } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();

function checksOf(dialog: HTMLElement): HTMLElement {
  return within(dialog).getByRole('region', { name: 'Why ECS would refuse this restore' });
}

describe('Pre-flight checks in the preview', () => {
  it('Partially over the rule limit: the error with 209/200 and OK disabled; Completely marks its early removals', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, 'legacy-monolith');
    await user.click(within(dialog).getByRole('radio', { name: /Partially Restore/ }));
    await findSummary(dialog, /^\+200 added, 9 kept, /);

    const error = await within(dialog).findByText(
      'The result would hold 209 rules; a group holds at most 200.',
    );
    const checks = checksOf(dialog);
    // One error Alert (not a warning) per failed check.
    const alert = within(checks).getByRole('alert');
    expect(alert).toHaveClass('ant-alert-error');
    expect(alert).toContainElement(error);
    expect(
      within(checks).getByText('The source holds 9 now; the plan adds 200 and removes 0.'),
    ).toBeInTheDocument();
    expect(
      within(checks).getByText(
        /^Completely Restore fits: the source would end with the destination’s 200 rules/,
      ),
    ).toBeInTheDocument();
    expect(
      within(checks).getByText(
        'Restore from a destination with fewer rules, or remove rules from the source first.',
      ),
    ).toBeInTheDocument();
    expect(
      within(checks).getByText(/start the console with RULE_LIMIT set to it/),
    ).toBeInTheDocument();
    // The first rules concerned, then how many more.
    const table = within(checks).getByRole('table', { name: /^The rules concerned: / });
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(within(checks).getByText('and 195 more')).toBeInTheDocument();

    const ok = within(dialog).getByRole('button', { name: 'OK' });
    expect(ok).toBeDisabled();
    expect(within(dialog).getByText('OK is disabled: 1 check fails.')).toBeInTheDocument();
    expect(ok).toHaveAttribute('aria-describedby', 'restore-checks-failed');

    // The way out switches the type; Completely removes 8 rules early, and says so once.
    await user.click(within(checks).getByRole('button', { name: 'Use Completely Restore' }));
    await findSummary(dialog, /^\+200 added, −9 removed, /);
    expect(within(dialog).getByRole('radio', { name: /Completely Restore/ })).toBeChecked();
    expect(
      within(dialog).queryByRole('region', { name: 'Why ECS would refuse this restore' }),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).getByText(
        /^The rule limit forces 8 rules to be removed before the additions \(9 \+ 200 = 209 > 200\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).queryByText(/^The rule limit forces 8 rules to be removed before any/),
    ).toBeNull();
    // The 200 additions come first in the table: the search finds the marked rows.
    await user.type(
      within(dialog).getByRole('searchbox', { name: 'Search the preview' }),
      'removed first',
    );
    await waitFor(() => expect(within(dialog).getAllByText('Removed first')).toHaveLength(7));
    await user.hover(within(dialog).getAllByText('Removed first')[0]!);
    expect(
      await screen.findByText('9 + 200 = 209 > 200: removed before the additions'),
    ).toBeInTheDocument();
    await typeNameIfAsked(user, dialog);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'OK' })).toBeEnabled());
  });

  it('the group-reference limit: mesh-prod ← mesh-prod-next Partially', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'mesh-prod');
    await pickDestination(user, dialog, 'mesh-prod-next');
    await user.click(within(dialog).getByRole('radio', { name: /Partially Restore/ }));
    expect(
      await within(dialog).findByText(
        'The result would hold 32 rules that reference security groups; a basic group holds at most 20.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const checks = checksOf(dialog);
    expect(
      within(checks).getByText(
        'Restore from a destination with fewer security group references, or remove such rules from the source first.',
      ),
    ).toBeInTheDocument();
    // Completely would hold the destination's 24 references: still too many, so not offered.
    expect(within(checks).queryByRole('button', { name: 'Use Completely Restore' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'OK' })).toBeDisabled();
  });

  it('the same check in zh-CN', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    await chooseOption(user, await screen.findByRole('combobox', { name: 'Language' }), '简体中文');
    const search = await screen.findByRole('searchbox', { name: '搜索安全组' });
    await user.type(search, 'web-prod{Enter}');
    await user.click(await screen.findByRole('button', { name: '还原规则：web-prod' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    const select = within(dialog).getByRole('combobox', { name: '目标安全组' });
    await chooseOption(user, select, /^legacy-monolith \(sg-/, { search: 'legacy-monolith' });
    await user.click(within(dialog).getByRole('radio', { name: /部分还原/ }));
    expect(
      await within(dialog).findByText(
        '还原后将有 209 条规则；一个安全组最多 200 条。',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('“确定”不可用：1 项检查未通过。')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '改用全部还原' })).toBeInTheDocument();
  });
});

describe('Refused restores in the history', () => {
  it('lists a refused restore with its label and shows its checks in the detail', async () => {
    const app = stack().app;
    const sourceId = await groupIdByName(app, 'cn-hangzhou', 'web-prod');
    const destinationId = await groupIdByName(app, 'cn-hangzhou', 'legacy-monolith');
    const base = `/api/regions/cn-hangzhou/security-groups/${sourceId}`;
    const body = { destinationId, mode: 'partially' };
    const preview = (await (
      await app.request(`${base}/restore-preview`, jsonInit('POST', body))
    ).json()) as PreviewResponse;
    const refused = await app.request(
      `${base}/restores`,
      jsonInit('POST', { ...body, ...confirmedBy(preview) }),
    );
    expect(refused.status).toBe(422);
    const { details } = (await refused.json()) as { details: { restoreId: string } };

    const { user } = renderApp('/history');
    const table = await screen.findByRole(
      'table',
      { name: 'Restore History' },
      { timeout: 15_000 },
    );
    expect(await within(table).findByText(/^Refused/)).toBeInTheDocument();
    await user.click(
      within(table).getByRole('link', { name: `Details of restore ${details.restoreId}` }),
    );
    expect(
      await screen.findByText(
        'Refused before any change: ECS would refuse this plan. Nothing was written.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The result would hold 209 rules; a group holds at most 200.'),
    ).toBeInTheDocument();
  });
});
