import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const { callbackUrl, error } = await searchParams;
  const destination = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getCurrentUser()) redirect(destination);
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Log in</h1>
      <p className="mt-1 text-sm text-slate-600">
        New here?{" "}
        <Link href="/signup" className="font-medium text-brand-600 underline-offset-2 hover:underline">
          Create a workspace
        </Link>
      </p>
      {/* next-auth sends failed logins without JavaScript here with one of our codes; unknown codes get a generic sentence. */}
      <LoginForm destination={destination} initialMessage={typeof error === "string" ? loginErrorMessage(error) : undefined} />
    </>
  );
}
