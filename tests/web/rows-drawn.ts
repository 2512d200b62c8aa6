import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './render-app';

/**
 * Opens the Security Groups list of cn-hangzhou and returns the number of rows (the header's
 * included) the table had each time the page's DOM changed, until all twenty rows are drawn: how
 * the first page of rows arrived, in one commit or in steps.
 */
export async function rowsDrawnWhileOpening(): Promise<number[]> {
  const drawn: number[] = [];
  const observer = new MutationObserver(() => {
    const table = screen.queryByRole('table', { name: 'Security Groups' });
    if (table) drawn.push(within(table).queryAllByRole('row').length);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  try {
    renderApp('/security-groups?region=cn-hangzhou');
    expect(
      await screen.findByText('Page 1: 20 security groups', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Security Groups' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(21));
  } finally {
    observer.disconnect();
  }
  return drawn;
}
