/**
 * The history's day range (issue 12): antd's day pickers, in the console's language, that still
 * take a day typed in either language's form, keep it in the URL, and mark an impossible day
 * without applying it.
 */
import { screen, waitFor } from '@testing-library/react';
import { chooseOption } from './choose-option';
import { renderApp, stackPerTest } from './render-app';

stackPerTest();

/** The search of the console's current URL, as its parameters. */
function paramsOf(router: { state: { location: { search: string } } }): URLSearchParams {
  return new URLSearchParams(router.state.location.search);
}

describe('the history’s day pickers', () => {
  it('show the URL’s day, apply a typed day on Enter, and mark an impossible one', async () => {
    const { user, router } = renderApp('/history?from=2026-12-01');
    await screen.findByRole('textbox', { name: 'From (day)' }, { timeout: 15_000 });
    // Found again each time: a day applied from the URL starts a fresh picker.
    const from = () => screen.getByRole('textbox', { name: 'From (day)' });
    const to = () => screen.getByRole('textbox', { name: 'To (day, included)' });
    expect(from()).toHaveValue('2026-12-01');

    // Typed in the Chinese form, read as the URL keeps it.
    await user.click(to());
    await user.keyboard('2026年12月2日{Enter}');
    await waitFor(() => expect(paramsOf(router).get('to')).toBe('2026-12-02'));
    await waitFor(() => expect(to()).toHaveValue('2026-12-02'));

    // A day that does not exist stays in the box, marked, and the URL keeps the last good one.
    await user.clear(from());
    await user.type(from(), '2026-02-30{Enter}');
    expect(await screen.findByText('Type a day as 2026-12-02')).toHaveAttribute('role', 'alert');
    expect(from()).toHaveAttribute('aria-invalid', 'true');
    expect(from()).toHaveValue('2026-02-30');
    expect(paramsOf(router).get('from')).toBe('2026-12-01');

    // Mended, it applies and the mark goes.
    await user.clear(from());
    await user.type(from(), '2026/11/30');
    // Typed as it is, not rewritten while the day is half typed.
    expect(from()).toHaveValue('2026/11/30');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(paramsOf(router).get('from')).toBe('2026-11-30'));
    expect(screen.queryByText('Type a day as 2026-12-02')).not.toBeInTheDocument();
    expect(from()).not.toHaveAttribute('aria-invalid', 'true');

    // Clear filters empties both pickers.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(from()).toHaveValue('');
    expect(to()).toHaveValue('');
  });

  it('speaks 简体中文 in Chinese: its labels, and the calendar’s weekdays and Today', async () => {
    const { user } = renderApp('/history');
    await screen.findByRole('textbox', { name: 'From (day)' }, { timeout: 15_000 });
    await chooseOption(user, screen.getByRole('combobox', { name: 'Language' }), '简体中文');
    const from = () => screen.getByRole('textbox', { name: '起始日期' });
    await screen.findByRole('textbox', { name: '起始日期' }, { timeout: 15_000 });
    expect(screen.getByRole('textbox', { name: '结束日期（含当天）' })).toBeInTheDocument();

    await user.click(from());
    // dayjs's Chinese weekday names (antd's own locale asks for them by name), Monday first.
    expect(await screen.findByRole('columnheader', { name: '一' })).toBeInTheDocument();
    for (const weekday of ['二', '三', '四', '五', '六', '日'])
      expect(screen.getByRole('columnheader', { name: weekday })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Mo' })).not.toBeInTheDocument();
    expect(screen.getByText('今天')).toBeInTheDocument();

    await user.keyboard('2026-12-02{Enter}');
    await waitFor(() => expect(from()).toHaveValue('2026-12-02'));
  });
});
