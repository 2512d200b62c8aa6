/** The nonce the server put in `<meta name="csp-nonce">`, for antd's injected styles; undefined when absent. */
export function readCspNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const content = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return content ? content : undefined;
}

/**
 * Gives every `<style>` element that scripts create in `doc` the page's nonce, before it is
 * inserted. antd's CSS-in-JS takes the nonce from ConfigProvider's `csp`, but the helpers under it
 * (@rc-component/util's dynamic CSS, used by the modal's scroll lock and the scrollbar measure of
 * the portal and tables) insert `<style>` elements with no way to pass one, and the policy
 * (`style-src-elem 'self' 'nonce-…'`) rightly blocks them. Only elements made by `createElement`
 * are stamped: markup parsed from a string (the thing a nonce guards against) still needs the
 * nonce written in it, so the policy is as strict as before. Returns the undo, for tests.
 */
export function stampNonceOnScriptedStyles(nonce: string, doc: Document = document): () => void {
  const original = doc.createElement;
  const createElement = function (this: Document, ...args: Parameters<Document['createElement']>) {
    const element = original.apply(this, args);
    if (element.localName === 'style') element.setAttribute('nonce', nonce);
    return element;
  };
  doc.createElement = createElement as Document['createElement'];
  return () => {
    doc.createElement = original;
  };
}
