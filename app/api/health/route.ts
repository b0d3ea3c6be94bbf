import { checkDatabase } from "@/lib/db/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  if (database.ok) return Response.json({ status: "ok", db: "ok" });
  return Response.json({ status: "error", db: "error", reason: database.reason }, { status: 503 });
}
