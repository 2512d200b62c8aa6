import { Fragment, type ReactNode } from 'react';

/** Resource IDs the console prints (groups, snapshots, restores, prefix lists, VPCs, ENIs). */
const ID = /[(（]?\b(?:sg|snap|rst|pl|vpc|eni)-[a-z0-9]+[)）]?/g;

/**
 * `text` with every resource ID in it (and the brackets around it) kept on one line: browsers
 * break after a hyphen, so on a phone "(sg-" ended one line and the rest began the next. Inline
 * spans, not inline blocks, so the text and an accessible name built from it read the same.
 */
export function WholeIds({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ID)) {
    parts.push(text.slice(last, match.index));
    parts.push(
      <span key={match.index} className="rr-nowrap">
        {match[0]}
      </span>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
