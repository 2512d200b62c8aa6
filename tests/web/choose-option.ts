/**
 * Picks an option of an antd Select the way a keyboard user does, found by roles and accessible
 * names only: open the combobox, optionally type to filter, then move the active option with the
 * arrow keys until it is the one named, and press Enter. antd renders the visible options without
 * roles (a virtual list); the combobox's `aria-activedescendant` names the active `option`.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** More options than any Select of the console holds; a guard against walking in circles. */
const MAX_STEPS = 500;

export async function chooseOption(
  user: UserEvent,
  combobox: HTMLElement,
  option: string | RegExp,
  { search }: { search?: string } = {},
): Promise<void> {
  const name = combobox.getAttribute('aria-label') ?? '';
  await user.click(combobox);
  // A deferred Select (src/web/components/deferred-select.tsx) pressed before antd's arrived is
  // replaced by antd's, opened: go on with the box that is in the page now.
  if (!combobox.isConnected)
    combobox = await screen.findByRole('combobox', { name }, { timeout: 10_000 });
  if (search !== undefined) await user.type(combobox, search);
  const listbox = await waitFor(() => {
    const id = combobox.getAttribute('aria-controls');
    const element = screen.queryAllByRole('listbox').find((list) => list.id === id);
    if (!element) throw new Error('the Select did not open its list of options');
    return element;
  });
  const activeIsWanted = () => {
    const active = combobox.getAttribute('aria-activedescendant');
    return within(listbox)
      .queryAllByRole('option', { name: option })
      .some((element) => element.id === active);
  };
  await waitFor(() => {
    if (!combobox.getAttribute('aria-activedescendant')) throw new Error('no active option yet');
  });
  for (let step = 0; step < MAX_STEPS && !activeIsWanted(); step += 1) {
    await user.keyboard('{ArrowDown}');
  }
  if (!activeIsWanted()) throw new Error(`the Select has no option named ${String(option)}`);
  await user.keyboard('{Enter}');
}
