const BASE = "http://portal.invalid";
// Browsers drop tabs and newlines from URLs and treat "\" like "/", so
// "/\t/evil.example" would become "//evil.example": refuse them outright.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;
// An encoded slash or backslash is a path separator to some proxies and
// servers that decode before routing; no page of ours needs one.
const ENCODED_SEPARATOR = /%(2f|5c)/i;
// A path starting with two slashes (or a slash and a backslash) is
// "scheme-relative": browsers read the next segment as another host.
const SCHEME_RELATIVE = /^[\\/]{2}/;
const AUTH_PATHS = /^\/(login|signup|api\/)/;

/**
 * Only same-site paths are followed after login, never another origin. The
 * value is normalised (dot segments collapsed, as the browser will), and the
 * result itself must be a plain same-site path: "/.//evil.com" normalises to
 * "//evil.com", which a browser would follow off-site.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = "/dashboard"): string {
  if (!value?.startsWith("/") || SCHEME_RELATIVE.test(value) || UNSAFE_CHARACTERS.test(value)) return fallback;
  const normalised = sameSitePath(value);
  // Normalising once more must change nothing: what the browser is sent is
  // exactly what was checked.
  if (normalised === null || AUTH_PATHS.test(normalised) || sameSitePath(normalised) !== normalised) return fallback;
  return normalised;
}

function sameSitePath(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== BASE || SCHEME_RELATIVE.test(path) || UNSAFE_CHARACTERS.test(path) || ENCODED_SEPARATOR.test(url.pathname)) {
    return null;
  }
  return path;
}
