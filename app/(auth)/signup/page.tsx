import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { emailConfigured } from "@/lib/email/mail-config";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create a workspace" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Create your workspace</h1>
      <p className="mt-1 text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-600 underline-offset-2 hover:underline">
          Log in
        </Link>
      </p>
      <SignUpForm confirmByEmail={emailConfigured()} />
    </>
  );
}
