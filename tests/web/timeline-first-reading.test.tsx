/**
 * The watcher's first reading of a group on its timeline (issue 12): said as the first reading,
 * in the reader's language, not as a detected change with the watcher's stored English note.
 */
import { screen, within } from '@testing-library/react';
import { groupIdByName, jsonInit } from '../support/test-stack';
import { chooseOption } from './choose-option';
import { renderApp, stackPerTest } from './render-app';

const REGION = 'cn-hangzhou';
const stack = stackPerTest();

describe('the watcher’s first reading on the timeline', () => {
  it('is labelled as the first reading in English and in Chinese, with no stored English', async () => {
    const { app } = stack();
    const webProd = await groupIdByName(app, REGION, 'web-prod');
    // Turning a watch on reads the group at once: its first reading, stored with the watcher's note.
    await app.request(
      `/api/regions/${REGION}/security-groups/${webProd}/watch`,
      jsonInit('PUT', { watched: true }),
    );

    const { user } = renderApp(`/security-groups/${webProd}/timeline?region=${REGION}`);
    const table = await screen.findByRole(
      'table',
      { name: 'Timeline of web-prod' },
      { timeout: 15_000 },
    );
    const reading = await within(table).findByRole('row', { name: /First reading/ });
    expect(reading).toHaveTextContent(
      'The rules as the watcher first read them (no change implied).',
    );
    expect(within(table).queryByText(/Change detected/)).not.toBeInTheDocument();
    expect(within(table).queryByText('first read by the watcher')).not.toBeInTheDocument();

    await chooseOption(user, screen.getByRole('combobox', { name: 'Language' }), '简体中文');
    const zhRow = await within(table).findByRole('row', { name: /首次读取/ }, { timeout: 15_000 });
    expect(zhRow).toHaveTextContent('监视首次读取到的规则（并非变更）。');
    expect(zhRow).not.toHaveTextContent(/first read|watcher/);
    expect(within(table).queryByText(/检测到变更/)).not.toBeInTheDocument();
  });
});
