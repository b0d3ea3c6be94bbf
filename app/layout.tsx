import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Yazsana Portal", template: "%s · Yazsana Portal" },
  description: "Send SMS through your company's Yazsana account without sharing its API key.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request's nonce renders every page per request, which the CSP
  // in proxy.ts needs: Next.js stamps that nonce on its scripts.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
