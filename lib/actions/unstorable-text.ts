/**
 * Text PostgreSQL can't keep as typed: a NUL byte is refused by every text
 * column (the insert fails), and a lone UTF-16 surrogate — half of an emoji,
 * from a broken paste or a crafted request — is silently turned into U+FFFD,
 * so what is stored or sent would differ from what was checked.
 */
export function isUnstorableText(text: string): boolean {
  return text.includes("\u0000") || !text.isWellFormed();
}

/** The names of form fields holding such text (files are left to the schemas). */
export function fieldsWithUnstorableText(formData: FormData): string[] {
  const names = new Set<string>();
  for (const [name, value] of formData.entries()) if (typeof value === "string" && isUnstorableText(value)) names.add(name);
  return [...names];
}

/** The same text with each NUL and lone surrogate replaced by U+FFFD, for text that is only shown back (e.g. a rejected line). */
export function toStorableText(text: string): string {
  return text.toWellFormed().replaceAll("\u0000", "\uFFFD");
}
