/** Next.js calls this once per server start; the work is Node.js-only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server-startup");
  startServer();
}
