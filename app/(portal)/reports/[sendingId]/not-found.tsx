import Link from "next/link";

/** An id that is not a sending of the current context: someone else's, another context's, or mistyped. */
export default function SendingNotFound() {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-xl font-semibold">Sending not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        Yazsana knows no sending with this id in the current context. If it was sent from an organization, pick that organization in the
        Context switcher above.
      </p>
      <Link href="/reports" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Back to Reports
      </Link>
    </div>
  );
}
