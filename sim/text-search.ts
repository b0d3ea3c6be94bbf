/**
 * Case-insensitive matching that works for Turkish: with plain toLowerCase(),
 * "İ" becomes "i̇" (two code points) and never matches a typed "i". Folding the
 * four I's (I ı İ i) together makes "İNDİRİM", "indirim" and "Indirim" one word.
 */
export function foldForSearch(text: string): string {
  return text.toLocaleLowerCase("tr-TR").replaceAll("ı", "i");
}

/** True when `needle` (already folded) occurs in `text`; an empty needle matches everything. */
export function containsFolded(text: string, foldedNeedle: string): boolean {
  return foldedNeedle === "" || foldForSearch(text).includes(foldedNeedle);
}
