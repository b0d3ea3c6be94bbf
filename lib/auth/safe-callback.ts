const BASE = "http://portal.invalid";
// Browsers drop tabs and newlines from URLs and treat "\" like "/", so
// "/\t/evil.example" would become "//evil.example": refuse them outright.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/** Only same-site paths are followed after login, never another origin. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value?.startsWith("/") || UNSAFE_CHARACTERS.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || /^\/(login|signup|api\/)/.test(url.pathname)) return fallback;
  return url.pathname + url.search + url.hash;
}
