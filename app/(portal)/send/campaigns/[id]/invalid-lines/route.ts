import { guardWorkspaceRoute } from "@/lib/actions/workspace-route";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { invalidLinesCsv } from "@/lib/sending/collect-recipients";
import { loadInvalidLines } from "@/lib/sending/load-campaigns";

/** GET /send/campaigns/<id>/invalid-lines — the review's invalid lines as CSV, for the workspace's members only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const context = await guardWorkspaceRoute("sms.read");
  if (context instanceof Response) return context;
  const { id } = await params;
  const lines = await loadInvalidLines(context.workspace.id, id);
  if (!lines) return new Response("Not found", { status: 404 });
  return new Response(invalidLinesCsv(lines, await getServerTranslations("sending")), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="invalid-lines-${id.slice(0, 8)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
