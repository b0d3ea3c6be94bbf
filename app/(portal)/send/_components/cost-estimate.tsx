import { formatDecimal } from "@/lib/money/format-decimal";
import { checkCredit, estimateCost } from "@/lib/sending/estimate-cost";

export type ServiceOption = { id: string; name: string; currency: string; unitPrice: string };

/** Unit price × recipients before anything is spent, against the context's credit. */
export function CostEstimate({ service, recipients, credit, contextLabel }: { service: ServiceOption; recipients: number; credit: string | null; contextLabel: string }) {
  const cost = estimateCost(service.unitPrice, recipients);
  const check = checkCredit(credit, cost);
  return (
    <div className="space-y-2 rounded-md bg-slate-50 px-4 py-3 text-sm" data-testid="cost-estimate">
      <p>
        Estimated cost:{" "}
        <strong className="font-mono">
          {formatDecimal(service.unitPrice)} × {recipients.toLocaleString("en")} = {formatDecimal(cost, service.currency)}
        </strong>{" "}
        charged to {contextLabel}.
      </p>
      {check.status === "enough" && <p className="text-slate-600">Credit left afterwards: {formatDecimal(check.remainingAfter)}.</p>}
      {check.status === "short" && (
        <p role="alert" className="font-medium text-red-800">
          Not enough credit: {contextLabel} is short by {formatDecimal(check.shortBy, service.currency)}. Yazsana will refuse this send.
        </p>
      )}
      {check.status === "unknown" && <p className="text-slate-600">Yazsana does not report personal credit; it refuses a send the credit can&apos;t cover.</p>}
    </div>
  );
}
