// A wide table's frame: it scrolls sideways inside itself on a phone instead of the page, and is a focusable,
// labelled region so that keyboard users can scroll it and screen-reader users hear what it holds.
import type { ReactNode } from 'react';

export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div role="region" aria-labelledby={labelledBy} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}
