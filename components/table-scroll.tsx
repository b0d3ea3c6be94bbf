/**
 * The box every data table sits in. A table wider than the screen scrolls
 * sideways inside it rather than widening the page (min-w-0 keeps flex and
 * grid parents from growing to the table's width); the box is a labelled,
 * focusable region so keyboard users can scroll it with the arrow keys, and
 * edge shadows (globals.css, .table-scroll) show that more columns are there.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // The region is focusable on purpose: a scrollable box must be reachable by keyboard (WCAG 2.1.1).
    <div role="region" aria-label={label} tabIndex={0} className="table-scroll min-w-0 max-w-full overflow-x-auto rounded-lg border border-slate-200">
      {children}
    </div>
  );
}
