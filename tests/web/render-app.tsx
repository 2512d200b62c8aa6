/**
 * Renders the whole console (real providers, real routes) in jsdom at a URL, with a fresh
 * QueryClient (no retries) and antd motion off, against the in-process proxy of the test stack.
 */
import { useLayoutEffect } from 'react';
import { render } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation, type Location } from 'react-router';
import { AppProviders } from '../../src/web/app/providers';
import { AppRoutes } from '../../src/web/app/routes';
import { createQueryClient } from '../../src/web/lib/query-client';
import { createTestStack, type TestStack, type TestStackOptions } from '../support/test-stack';

/** Unmounts of the consoles rendered in the current test. */
const mounted = new Set<() => void>();

/** Where the console is, for tests that check the URL it navigated to. */
interface RouterState {
  state: { location: Location };
}

/** Keeps `router.state.location` at the memory router's current location. */
function LocationProbe({ onLocation }: { onLocation: (location: Location) => void }) {
  const location = useLocation();
  useLayoutEffect(() => onLocation(location), [onLocation, location]);
  return null;
}

export function renderApp(
  url: string,
  { queryClient = createQueryClient({ retry: false }) }: { queryClient?: QueryClient } = {},
) {
  const router: { state: { location?: Location } } = { state: {} };
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient} theme={{ token: { motion: false } }}>
      <MemoryRouter initialEntries={[url]}>
        <LocationProbe
          onLocation={(location) => {
            router.state.location = location;
          }}
        />
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  mounted.add(view.unmount);
  return { ...view, user, router: router as RouterState, queryClient };
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
