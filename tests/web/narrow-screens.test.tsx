import { screen, waitFor, within } from '@testing-library/react';
import { groupIdByName } from '../support/test-stack';
import { openRestoreFor } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';
import { rowsDrawnWhileOpening } from './rows-drawn';

const stack = stackPerTest();

/** Whether the focused element is inside `container` (no Testing Library query answers this). */
function focusIsWithin(container: HTMLElement): boolean {
  return container.contains(document.activeElement);
}

/**
 * A matchMedia that answers width queries (`(min-width: 768px)`, `(max-width: 575.98px)`, both
 * joined by `and`) as a window `width` pixels wide would: what antd's breakpoints read.
 */
function mediaAt(width: number): typeof window.matchMedia {
  return (query: string) => {
    const limits = [...query.matchAll(/\((min|max)-width:\s*([\d.]+)px\)/g)];
    const matches =
      limits.length > 0 &&
      limits.every(([, side, px]) => (side === 'min' ? width >= Number(px) : width <= Number(px)));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    };
  };
}

describe('On a narrow screen', () => {
  const wide = window.matchMedia;
  beforeEach(() => {
    window.matchMedia = mediaAt(390);
  });
  afterEach(() => {
    window.matchMedia = wide;
  });

  it('draws the phone layout from the first commit, never the wide top bar first', async () => {
    // Every element the page took out again, as it was when taken out.
    const removed: HTMLElement[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.removedNodes) if (node instanceof HTMLElement) removed.push(node);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    try {
      renderApp('/security-groups?region=cn-hangzhou');
      expect(
        await screen.findByRole(
          'button',
          { name: 'Region, language and session' },
          { timeout: 15_000 },
        ),
      ).toBeInTheDocument();
      await screen.findByText('Page 1: 20 security groups');
    } finally {
      observer.disconnect();
    }
    // The wide top bar holds the language box; the phone's keeps it in the closed menu. Drawn
    // wide first, the page would have taken that bar out again when it found the screen narrow.
    const wideBars = removed.filter(
      (node) => within(node).queryByRole('combobox', { name: 'Language', hidden: true }) !== null,
    );
    expect(wideBars).toEqual([]);
  });

  it('draws the four rows a phone shows first, then the rest of the page', async () => {
    const drawn = await rowsDrawnWhileOpening();
    expect(drawn).toContain(5);
    expect(drawn.indexOf(5)).toBeLessThan(drawn.indexOf(21));
  });

  it('folds the selectors into a named menu and keeps four rule columns, the rest on row expand', async () => {
    const id = await groupIdByName(stack().app, 'cn-hangzhou', 'web-prod');
    const { user } = renderApp(`/security-groups/${id}/rules?region=cn-hangzhou`);
    const table = await screen.findByRole('table', { name: 'Inbound' }, { timeout: 15_000 });

    expect(screen.queryByRole('combobox', { name: 'Language' })).not.toBeInTheDocument();
    const menu = screen.getByRole('button', { name: 'Region, language and session' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    expect(await screen.findByRole('combobox', { name: 'Language' })).toBeInTheDocument();
    expect(menu).toHaveAttribute('aria-expanded', 'true');

    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent?.replace(/[▲▼↕]/g, '').trim());
    expect(headers).toEqual([
      'Details',
      'Action',
      'Protocol',
      'Port Range',
      'Authorization Object',
    ]);

    const toggles = within(table).getAllByRole('button', {
      name: 'Show Priority, Description, Created',
    });
    const first = toggles[0];
    if (!first) throw new Error('no row has a details button');
    // The body row that holds this details button.
    const row = within(table)
      .getAllByRole('row')
      .find((candidate) => within(candidate).queryAllByRole('button').includes(first));
    if (!row) throw new Error('the details button is outside a row');
    expect(within(row).queryByRole('term')).not.toBeInTheDocument();
    await user.click(first);
    expect(first).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(row)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Priority', 'Description', 'Created']);
    await user.click(first);
    expect(within(row).queryByRole('term')).not.toBeInTheDocument();
  });
});

describe('The Restore Rules dialog', () => {
  it('gives focus back to the Restore Rules button of the row when Escape closes it', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    const opener = screen.getByRole('button', { name: 'Restore Rules of web-prod' });
    await waitFor(() => expect(focusIsWithin(dialog)).toBe(true));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('names every button, icon-only ones included', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await within(dialog).findByText('Source Security Group');
    for (const button of screen.getAllByRole('button', { hidden: false }))
      expect(button).toHaveAccessibleName();
  });
});

describe('Tab in the Restore Rules dialog', () => {
  it('goes from the last control back to the first, and Shift+Tab the other way', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await within(dialog).findByText('Source Security Group');
    // With no destination yet OK is disabled, so Cancel is the dialog's last control.
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    cancel.focus();
    await user.tab();
    expect(focusIsWithin(dialog)).toBe(true);
    expect(cancel).not.toHaveFocus();
    await user.tab({ shift: true });
    expect(cancel).toHaveFocus();
  });
});
