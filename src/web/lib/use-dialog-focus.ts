import { useEffect, useRef, useState } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements of `dialog` that Tab stops at, in document order, hidden ones left out. */
function tabStops(dialog: Element): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    // checkVisibility is missing where there is no layout (jsdom): every element counts there.
    (element) => element.tabIndex >= 0 && (element.checkVisibility?.() ?? true),
  );
}

/**
 * Tab from a dialog's last control goes to its first, Shift+Tab from the first to the last. antd
 * pulls focus back only when it lands elsewhere in the page; after the page's last element
 * (a dialog's OK) focus would leave for the browser's own controls.
 */
function wrapTab(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || !(document.activeElement instanceof HTMLElement)) return;
  const dialog = document.activeElement.closest('[role="dialog"]');
  if (!dialog) return;
  const stops = tabStops(dialog);
  const first = stops[0];
  const last = stops[stops.length - 1];
  const target = event.shiftKey
    ? document.activeElement === first && last
    : document.activeElement === last && first;
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/**
 * Keyboard care for a dialog that is unmounted on close: Tab stays inside it while it is open,
 * and on close focus goes back to the element that had it when the dialog first rendered (the
 * button that opened it). antd returns focus only after its close animation, which an unmounted
 * dialog never plays.
 */
export function useDialogFocus(): void {
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
    document.addEventListener('keydown', wrapTab);
    return () => {
      document.removeEventListener('keydown', wrapTab);
      // A task later, once the dialog's own teardown (and its focus lock) is done.
      pending.current = setTimeout(() => {
        if (opener?.isConnected) opener.focus();
      }, 0);
    };
  }, [opener]);
}
