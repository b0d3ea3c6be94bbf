import type { Locale } from "./locales";

/**
 * Case-insensitive search and sorting of names follow the reader's language:
 * in Turkish "İ" folds to "i" and "I" to "ı", and "Ç" sorts after "C".
 * Identifiers are not names: emails go through normalizeEmail, which never
 * uses a locale (so "I" can't become "ı").
 */
export function foldCase(text: string, locale: Locale): string {
  return text.normalize("NFC").toLocaleLowerCase(locale);
}

/** Whether `text` contains `query`, ignoring case the way the reader's language does. */
export function matchesSearch(text: string, query: string, locale: Locale): boolean {
  return foldCase(text, locale).includes(foldCase(query.trim(), locale));
}

const collators = new Map<Locale, Intl.Collator>();

/** A comparator for names in the reader's language (Intl.Collator("tr"): C < Ç < D, I < İ). */
export function compareNames(locale: Locale): (a: string, b: string) => number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
    collators.set(locale, collator);
  }
  return collator.compare;
}

/** A copy of `items` sorted by the name `nameOf` returns. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, locale: Locale): T[] {
  const compare = compareNames(locale);
  return [...items].sort((a, b) => compare(nameOf(a), nameOf(b)));
}

/** Emails are identifiers: lower-cased without a locale. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
