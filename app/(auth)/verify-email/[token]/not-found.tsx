import Link from "next/link";

/** HTTP 404 for a confirmation link that is unknown, used, expired or broken. */
export default function VerifyEmailNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">This confirmation link can&apos;t be used</h1>
      <p className="mt-2 text-sm text-slate-600">
        It was already used, has expired, or is incomplete. Log in and ask for a new link from an invitation page, or sign up again.
      </p>
      <p className="mt-6 text-sm">
        <Link href="/login" className="font-medium text-brand-600 underline-offset-2 hover:underline">
          Log in
        </Link>
      </p>
    </>
  );
}
