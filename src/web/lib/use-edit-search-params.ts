import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The URL's search parameters and one way to change them: `edit` gets a copy of the current
 * parameters to change in place, so concurrent edits in one event never overwrite each other.
 */
export function useEditSearchParams(): [
  URLSearchParams,
  (change: (next: URLSearchParams) => void) => void,
] {
  const [params, setParams] = useSearchParams();
  const edit = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      }),
    [setParams],
  );
  return [params, edit];
}
