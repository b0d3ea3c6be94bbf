import Link from "next/link";
import { useTranslations } from "next-intl";

type PaginationProps = {
  page: number;
  totalPages: number;
  /** The page's path and the other search params to keep on every link. */
  href: (page: number) => string;
  label: string;
};

/** Previous / next links that keep the rest of the URL's state. */
export function Pagination({ page, totalPages, href, label }: PaginationProps) {
  const t = useTranslations("common");
  if (totalPages <= 1) return null;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        {t("pageOf", { page, totalPages })}
      </span>
      {page < totalPages ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
