import { screen, waitFor, within } from '@testing-library/react';
import { findSummary } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

stackPerTest();

/** Whether the focused element is inside `container` (no Testing Library query answers this). */
function focusIsWithin(container: HTMLElement): boolean {
  return container.contains(document.activeElement);
}

/** Whether nothing in the page has focus (it went to the browser's own controls). */
function focusIsOutsideThePage(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

type User = ReturnType<typeof renderApp>['user'];

/** Presses Tab until `target` has focus (at most `limit` times), checking each stop with `everyStop`. */
async function tabTo(
  user: User,
  target: () => Element | null,
  everyStop: () => void = () => undefined,
  limit = 80,
) {
  for (let i = 0; i < limit; i += 1) {
    const wanted = target();
    if (wanted && document.activeElement === wanted) return;
    await user.tab();
    everyStop();
  }
  throw new Error(
    `Tab never reached the element; focus is on ${document.activeElement?.outerHTML.slice(0, 200)}`,
  );
}

describe('Keyboard only', () => {
  it('opens Restore Rules from a row, picks a destination and a type, and confirms, with focus kept in the dialog', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou&q=web-prod');
    const table = await screen.findByRole(
      'table',
      { name: 'Security Groups' },
      { timeout: 15_000 },
    );
    const restoreButton = await within(table).findByRole('button', {
      name: 'Restore Rules of web-prod',
    });
    await tabTo(user, () => restoreButton);
    await user.keyboard('{Enter}');

    const dialog = await screen.findByRole(
      'dialog',
      { name: /^Restore Rules: web-prod \(sg-[a-z0-9]+\)$/ },
      { timeout: 15_000 },
    );
    const inDialog = () => expect(focusIsWithin(dialog)).toBe(true);
    await waitFor(inDialog);

    const destination = await within(dialog).findByRole('combobox', {
      name: 'Destination Security Group',
    });
    await tabTo(user, () => destination, inDialog);
    await user.keyboard('web-prod-backup');
    // Typing filters the list and makes the first match the active option, which Enter picks.
    await waitFor(() =>
      expect(destination).toHaveAttribute(
        'aria-activedescendant',
        screen.getByRole('option', { name: /^web-prod-backup-20261120 \(sg-/ }).id,
      ),
    );
    await user.keyboard('{Enter}');
    await findSummary(dialog, /^\+\d+ added, −\d+ removed, /);

    const completely = within(dialog).getByRole('radio', { name: /Completely Restore/ });
    await tabTo(user, () => completely, inDialog);
    await user.keyboard('{ArrowDown}');
    expect(within(dialog).getByRole('radio', { name: /Partially Restore/ })).toBeChecked();
    await findSummary(dialog, /^\+\d+ added, \d+ kept, /);

    const ok = within(dialog).getByRole('button', { name: 'OK' });
    await waitFor(() => expect(ok).toBeEnabled());
    await tabTo(user, () => ok, inDialog, 120);
    // Past the last control, focus may leave the document (as from a native modal dialog, to the
    // browser's own controls: here, the body), but never reaches the page behind the dialog.
    await user.tab();
    expect(focusIsWithin(dialog) || focusIsOutsideThePage()).toBe(true);
    await user.tab();
    inDialog();
    await tabTo(user, () => ok, inDialog, 120);
    await user.keyboard('{Enter}');
    expect(
      await within(dialog).findByText(
        'The rules of web-prod were restored',
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        /^\+\d+ added, \d+ kept, \d+ unchanged\. The result was verified against ECS\.$/,
      ),
    ).toBeInTheDocument();

    // Escape closes the dialog.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
