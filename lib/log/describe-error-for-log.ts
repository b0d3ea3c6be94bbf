/**
 * A short line about an error for server logs: its name, any machine code, and
 * the start of its message. Not the whole object: database errors can repeat
 * the query's arguments, and stack traces add nothing an operator can act on.
 */
export function describeErrorForLog(error: unknown, maxLength = 200): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const message = error.message.replace(/\s+/g, " ").trim();
  const shortMessage = message.length > maxLength ? `${message.slice(0, maxLength)}…` : message;
  return `${error.name}${typeof code === "string" ? ` [${code}]` : ""}: ${shortMessage}`;
}
