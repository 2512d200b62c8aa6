/**
 * Sign in and sign out on a server with CONSOLE_TOKEN, through the real proxy: the top bar's
 * Sign out appears only while signed in, and signing out revokes the session on the server.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { createTestStack, type TestStack } from '../support/test-stack';
import { closeConsole, renderApp } from './render-app';

const TOKEN = 'correct-horse-battery-staple-42';

let stack: TestStack;
/** The browser's cookie jar for the proxy (Node's fetch keeps none). */
let cookie: string | undefined;

beforeEach(async () => {
  cookie = undefined;
  stack = await createTestStack({
    apiOrigin: window.location.origin,
    config: { consoleToken: TOKEN },
  });
  stack.msw.use(
    http.all(`${window.location.origin}/api/*`, async ({ request }) => {
      const forwarded = new Request(request);
      if (cookie !== undefined) forwarded.headers.set('cookie', cookie);
      const res = await stack.app.fetch(forwarded);
      const set = res.headers.get('set-cookie');
      if (set !== null) cookie = /Max-Age=0/i.test(set) ? undefined : set.split(';')[0];
      return res;
    }),
  );
});
afterEach(() => closeConsole(stack));

describe('Sign out', () => {
  it('shows only while signed in, and ends the session on the server', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const token = await screen.findByLabelText('Access token', {}, { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();

    await user.type(token, TOKEN);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const signOut = await screen.findByRole('button', { name: 'Sign out' });
    const table = await screen.findByRole(
      'table',
      { name: 'Security Groups' },
      { timeout: 15_000 },
    );
    await within(table).findByText('web-prod-backup-20261120', {}, { timeout: 15_000 });
    const session = cookie;
    expect(session).toMatch(/^rrc_session=/);

    await user.click(signOut);
    await screen.findByLabelText('Access token');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument(),
    );
    expect(cookie).toBeUndefined();
    expect(screen.queryByText('web-prod-backup-20261120')).not.toBeInTheDocument();
    // The old cookie value no longer opens the API.
    const res = await stack.app.request('/api/restores', { headers: { cookie: session! } });
    expect(res.status).toBe(401);
  }, 40_000);
});
