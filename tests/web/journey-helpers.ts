/** Steps the journeys share, written as a user would do them. */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Searches the groups list and opens Restore Rules on the group named `name`. */
export async function openRestoreFor(user: UserEvent, name: string): Promise<HTMLElement> {
  const search = await screen.findByRole('searchbox', { name: 'Search security groups' });
  await user.clear(search);
  await user.type(search, `${name}{Enter}`);
  await user.click(await screen.findByRole('button', { name: `Restore Rules of ${name}` }));
  return screen.findByRole(
    'dialog',
    { name: new RegExp(`^Restore Rules: ${name} \\(sg-`) },
    { timeout: 15_000 },
  );
}

/** Picks a destination in the dialog's searchable select. */
export async function pickDestination(
  user: UserEvent,
  dialog: HTMLElement,
  name: string,
): Promise<void> {
  const select = within(dialog).getByRole('combobox', { name: 'Destination Security Group' });
  await user.click(select);
  await user.type(select, name);
  const option = await screen.findByText((_, element) =>
    Boolean(
      element?.classList.contains('ant-select-item-option-content') &&
      element.textContent?.startsWith(`${name} (`),
    ),
  );
  await user.click(option);
}

/** Waits for the preview's summary line. */
export async function findSummary(
  dialog: HTMLElement,
  pattern: RegExp = /^\+\d+ added, /,
): Promise<HTMLElement> {
  return within(dialog).findByText(pattern, {}, { timeout: 10_000 });
}
