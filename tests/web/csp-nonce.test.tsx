import { render, screen } from '@testing-library/react';
import { Modal } from 'antd';
import { AppProviders } from '../../src/web/app/providers';
import { readCspNonce, stampNonceOnScriptedStyles } from '../../src/web/lib/csp-nonce';
import { createQueryClient } from '../../src/web/lib/query-client';

const NONCE = 'dGVzdC1ub25jZQ==';

/** The `<style>` elements of the document head, as the CSP sees them when they are inserted. */
// The head is where antd and its helpers put their styles; no role query reaches it.
// eslint-disable-next-line testing-library/no-node-access
const headStyles = () => Array.from(document.head.querySelectorAll('style'));

describe('CSP nonce on injected styles', () => {
  let unstamp: (() => void) | undefined;
  let meta: HTMLMetaElement | undefined;

  afterEach(() => {
    unstamp?.();
    unstamp = undefined;
    meta?.remove();
    meta = undefined;
  });

  it('reads the nonce the server wrote into the page, and nothing when there is none', () => {
    expect(readCspNonce()).toBeUndefined();
    meta = document.createElement('meta');
    meta.name = 'csp-nonce';
    meta.content = NONCE;
    document.head.append(meta);
    expect(readCspNonce()).toBe(NONCE);
  });

  it("stamps the modal's scroll lock and antd's own styles, and only style elements", async () => {
    unstamp = stampNonceOnScriptedStyles(NONCE);
    expect(document.createElement('div').hasAttribute('nonce')).toBe(false);
    render(
      <AppProviders queryClient={createQueryClient()}>
        <Modal open title="Locked" />
      </AppProviders>,
    );
    expect(await screen.findByRole('dialog', { name: 'Locked' })).toBeInTheDocument();
    const styles = headStyles();
    // The scroll lock of @rc-component/portal, which takes no nonce option of its own.
    expect(styles.some((style) => style.textContent?.includes('overflow-y: hidden'))).toBe(true);
    expect(styles.filter((style) => style.getAttribute('nonce') !== NONCE)).toEqual([]);
  });

  it('leaves createElement as it was once undone', () => {
    stampNonceOnScriptedStyles(NONCE)();
    expect(document.createElement('style').hasAttribute('nonce')).toBe(false);
  });
});
