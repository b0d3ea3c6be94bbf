import { useTranslations } from "next-intl";

/**
 * The document title of a page that can't export metadata (not-found,
 * forbidden and error boundaries), in the same "Page · Product" shape
 * the root layout's title template gives every other page.
 * React hoists a rendered <title> into the document head.
 */
export function PageTitle({ title }: { title: string }) {
  const t = useTranslations("common");
  return <title>{`${title} · ${t("appName")}`}</title>;
}
