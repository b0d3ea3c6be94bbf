import { useTranslations } from "next-intl";

/**
 * The box every data table sits in. A table wider than the screen scrolls
 * sideways inside it rather than widening the page (min-w-0 keeps flex and
 * grid parents from growing to the table's width; `relative` keeps the
 * table's visually hidden, absolutely placed texts inside the box too); the
 * box is a labelled, focusable region so keyboard users can scroll it with
 * the arrow keys, and edge shadows (globals.css, .table-scroll) show that
 * more columns are there.
 *
 * Name it with `label`, or with `labelledBy` (a heading's id): then it is
 * called "<heading> table", so it differs from a section the same heading names.
 */
export function TableScroll({ children, ...name }: { children: React.ReactNode } & ({ label: string } | { labelledBy: string })) {
  const t = useTranslations("a11y");
  const suffixId = "labelledBy" in name ? `${name.labelledBy}-table` : undefined;
  return (
    <div
      role="region"
      aria-label={"label" in name ? name.label : undefined}
      aria-labelledby={"labelledBy" in name ? `${name.labelledBy} ${suffixId}` : undefined}
      // Focusable on purpose: a box that scrolls must be reachable from the keyboard (WCAG 2.1.1).
      tabIndex={0}
      className="table-scroll relative min-w-0 max-w-full overflow-x-auto rounded-lg border border-slate-200"
    >
      {suffixId && (
        <span id={suffixId} hidden>
          {t("table")}
        </span>
      )}
      {children}
    </div>
  );
}
