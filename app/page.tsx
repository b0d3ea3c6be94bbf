import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-8 px-6 py-16">
      <div className="space-y-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Yazsana Portal</p>
        <h1 className="text-4xl font-bold tracking-tight text-slate-900">
          Your team sends SMS. Your API key stays on the server.
        </h1>
        <p className="text-lg text-slate-600">
          Store your company&apos;s Yazsana API key once, encrypted. Invite your people with roles, pick an
          organization, see prices and credit, send single and bulk SMS, and follow every message to its delivery.
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href="/signup" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Create a workspace
        </Link>
        <Link href="/login" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Log in
        </Link>
      </div>
    </main>
  );
}
