import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Namespace } from "@/messages";

/** Shared client components (forms, switchers, error boundary) use these everywhere. */
const BASE_NAMESPACES = ["a11y", "common", "errors", "nav"] as const satisfies readonly Namespace[];

/**
 * Sends client components only the catalogs they use, not every message.
 * The root layout provides the base namespaces; wrap a page's client part in
 * `<ClientMessages namespaces={["auth"]}>` to add its own (a nested provider
 * replaces the outer one, so the base set is always included).
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly Namespace[]; children: React.ReactNode }) {
  const all = await getMessages();
  const picked = Object.fromEntries([...BASE_NAMESPACES, ...namespaces].map((namespace) => [namespace, all[namespace]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
