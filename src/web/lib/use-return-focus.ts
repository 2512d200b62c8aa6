import { useEffect, useRef, useState } from 'react';

/**
 * Gives focus back, when the calling dialog unmounts, to the element that had it when the dialog
 * first rendered (the button that opened it). Our dialogs are unmounted on close rather than
 * animated out, so antd's own return of focus never runs.
 */
export function useReturnFocus(): void {
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body
      ? document.activeElement
      : null,
  );
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    // React's development double mount runs the cleanup once while the dialog stays open: the
    // second mount cancels that return.
    clearTimeout(pending.current);
    return () => {
      // A task later, once the dialog's own teardown (and its focus lock) is done.
      pending.current = setTimeout(() => {
        if (opener?.isConnected) opener.focus();
      }, 0);
    };
  }, [opener]);
}
