import { getTranslations } from "next-intl/server";
import { MAIN_CONTENT_ID } from "./main-content";

/** The first focusable thing on every page: hidden until focused, it jumps past the header to the page itself. */
export async function SkipLink() {
  const t = await getTranslations("a11y");
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="sr-only rounded-md bg-white px-4 py-3 text-sm font-medium text-brand-700 shadow-lg focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50"
    >
      {t("skipToContent")}
    </a>
  );
}
