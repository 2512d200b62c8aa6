/**
 * Renders the whole console (real providers, real routes) in jsdom at a URL, with a fresh
 * QueryClient (no retries) and antd motion off, against the in-process proxy of the test stack.
 */
import { render } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../src/web/app/providers';
import { appRoutes } from '../../src/web/app/routes';
import { createQueryClient } from '../../src/web/lib/query-client';
import { createTestStack, type TestStack, type TestStackOptions } from '../support/test-stack';

/** Unmounts of the consoles rendered in the current test. */
const mounted = new Set<() => void>();

export function renderApp(
  url: string,
  { queryClient = createQueryClient({ retry: false }) }: { queryClient?: QueryClient } = {},
) {
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient} theme={{ token: { motion: false } }}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  mounted.add(view.unmount);
  return { ...view, user, router, queryClient };
}

/**
 * Unmounts the console, then closes the test stack. Testing Library would unmount only after the
 * test file's afterEach, so closing the stack first fails in-flight requests into a still-mounted
 * console, which queues renders outside act() that can outlive jsdom ("window is not defined").
 */
export async function closeConsole(stack: TestStack): Promise<void> {
  for (const unmount of mounted) unmount();
  mounted.clear();
  await stack.close();
}

/**
 * A fresh test stack (the console's proxy and the ECS emulator, in process) for each test of the
 * calling file (or describe block), closed by `closeConsole` after each, built with `options`
 * (seed, config). Tests read it through the returned function.
 */
export function stackPerTest(options: Omit<TestStackOptions, 'apiOrigin'> = {}): () => TestStack {
  let current: TestStack | undefined;
  beforeEach(async () => {
    current = await createTestStack({ ...options, apiOrigin: window.location.origin });
  });
  afterEach(async () => {
    if (current) await closeConsole(current);
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('The test stack exists only while a test runs');
    return current;
  };
}
