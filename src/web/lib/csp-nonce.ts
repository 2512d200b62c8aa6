/** The nonce the server put in `<meta name="csp-nonce">`, for antd's injected styles; undefined when absent. */
export function readCspNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const content = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return content ? content : undefined;
}
