import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { homePath, prefetchFirstScreen } from './app/first-screen';
import { loadLanguage } from './i18n/dictionaries';
import { currentLanguage } from './i18n/language-store';
import { readCspNonce, stampNonceOnScriptedStyles } from './lib/csp-nonce';
import { createQueryClient } from './lib/query-client';
import './app/app.css';

/** How long the first render waits for the first screen's answers before showing what it has. */
const FIRST_SCREEN_WAIT_MS = 2000;

const nonce = readCspNonce();
if (nonce) stampNonceOnScriptedStyles(nonce);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const queryClient = createQueryClient();
// `/` is the groups page of a region: go there before the router starts, so the first render
// is that page (the index route's loader would first render the layout alone, then redirect).
if (window.location.pathname === '/')
  window.history.replaceState(null, '', homePath(new URL(window.location.href)));
const firstScreen = prefetchFirstScreen(queryClient, new URL(window.location.href));
const waited = new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS));
// The stored language's texts come before the first render, so it never flashes English.
const texts = loadLanguage(currentLanguage()).catch((error: unknown) =>
  console.error('The chosen language did not load', error),
);

// The first screen appears whole, once its answers are in: rendered before, it would show
// loading states and then render again around the data, blocking the page twice. A slow answer
// does not hold it back longer than FIRST_SCREEN_WAIT_MS. A transition lets React render it in
// short slices instead of one long task.
void Promise.all([texts, Promise.race([firstScreen, waited])]).then(() =>
  startTransition(() => {
    root.render(
      <StrictMode>
        <App queryClient={queryClient} />
      </StrictMode>,
    );
  }),
);
