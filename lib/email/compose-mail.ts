import type { Locale } from "@/lib/i18n/locales";

/** Escapes text for the simple HTML bodies (names and workspace names are user input). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// The recipient's time zone is unknown (an invitee has no account yet), so emails name UTC.
const UTC_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }),
  tr: new Intl.DateTimeFormat("tr-TR", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }),
};

/** "29 November 2026 at 14:05 UTC" / "29 Kasım 2026 14:05 UTC". */
export function formatUtc(date: Date, locale: Locale = "en"): string {
  return `${UTC_FORMATS[locale].format(date)} UTC`;
}

/**
 * A plain-text body and the same paragraphs as simple HTML, with one link.
 * Paragraphs are plain strings; the link is written out in both so it can be
 * copied from either.
 */
export function composeMail(paragraphs: string[], link: { label: string; url: string }, closing: string[] = []) {
  const text = [...paragraphs, `${link.label}: ${link.url}`, ...closing].join("\n\n") + "\n";
  const html = [
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#555">${escapeHtml(link.url)}</p>`,
    ...closing.map((paragraph) => `<p style="color:#555">${escapeHtml(paragraph)}</p>`),
  ].join("\n");
  return { text, html: `<!doctype html><html><body style="font-family:sans-serif">${html}</body></html>` };
}
