import { useT } from '../i18n/use-t';

/**
 * "RequestId: 6F2A…" with the ID itself kept on one line: a RequestId is a UUID, and browsers
 * break after its hyphens, so on a phone it came out in pieces that no longer copy as one. Set
 * in a smaller monospace face so the whole ID fits a phone's line; when the label and the ID do
 * not fit together, the ID moves to its own line as a whole.
 */
export function RequestIdText({ requestId }: { requestId: string }) {
  const t = useT();
  const text = t('errors.requestId', { requestId });
  const at = text.indexOf(requestId);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="rr-request-id">{requestId}</span>
      {text.slice(at + requestId.length)}
    </>
  );
}
