/** Escapes text for the simple HTML bodies (names and workspace names are user input). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export function formatUtc(date: Date): string {
  return `${utc.format(date)} UTC`;
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
