import type { Locale } from "@/lib/i18n/locales";
import type { AppMessages } from "@/messages";

// Typed catalogs: a missing or misspelt key fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: AppMessages;
  }
}
