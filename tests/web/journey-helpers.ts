/** Steps the journeys share, written as a user would do them. */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { chooseOption } from './choose-option';

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
  // An option reads "name (sg-...)".
  await chooseOption(user, select, new RegExp(`^${escapeRegExp(name)} \\(sg-`), { search: name });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits for the preview's summary line. */
export async function findSummary(
  dialog: HTMLElement,
  pattern: RegExp = /^\+\d+ added, /,
): Promise<HTMLElement> {
  return within(dialog).findByText(pattern, {}, { timeout: 10_000 });
}

/**
 * Presses `button` (Retry remaining, Roll back, Undo), waits for its preview dialog and its
 * summary, and confirms with `confirm`. Answers the preview dialog.
 */
export async function confirmFollowUp(
  user: UserEvent,
  scope: HTMLElement,
  button: string,
  dialogName: RegExp,
  confirm: string,
): Promise<HTMLElement> {
  await user.click(within(scope).getByRole('button', { name: button }));
  const dialog = await screen.findByRole('dialog', { name: dialogName });
  await findSummary(dialog, /^\+\d+ added, /);
  await typeNameIfAsked(user, dialog);
  const ok = within(dialog).getByRole('button', { name: confirm });
  await waitFor(() => expect(ok).toBeEnabled());
  await user.click(ok);
  return dialog;
}

const CONFIRM_LABEL = /^Type the group name (.+) to confirm$/;

/**
 * Types the source group's name when the dialog asks for it (a protected source, or a Completely
 * restore that removes rules under running instances), as an operator would before OK.
 */
export async function typeNameIfAsked(user: UserEvent, dialog: HTMLElement): Promise<void> {
  const label = within(dialog).queryByText(CONFIRM_LABEL);
  if (label === null) return;
  const name = CONFIRM_LABEL.exec(label.textContent ?? '')?.[1] ?? '';
  const field = within(dialog).getByLabelText(CONFIRM_LABEL);
  await user.clear(field);
  await user.type(field, name);
}
