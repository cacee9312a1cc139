import type { ReactNode } from "react";

/** A table's scroll container: focusable and labelled, so a wide table can be scrolled from the keyboard too. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-line bg-white">
      {children}
    </div>
  );
}
