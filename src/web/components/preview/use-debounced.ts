import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `delayMs`: the preview re-plans for a selection when
 * the user pauses, not on every tick. The pending timer is cleared on change and on unmount.
 */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
