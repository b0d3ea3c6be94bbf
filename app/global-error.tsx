"use client";

import "./globals.css";

/**
 * Last resort: an error in the root layout itself. It replaces the whole
 * document, so it brings its own <html> and <body>.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
          <div role="alert">
            <h1 className="text-2xl font-semibold text-slate-900">Yazsana Portal is having trouble</h1>
            <p className="mt-2 text-sm text-slate-600">
              The portal could not be shown. Nothing was sent or changed by this error. Please try again in a moment.
              {error.digest && <> Reference: <code className="font-mono">{error.digest}</code></>}
            </p>
          </div>
          <button
            type="button"
            onClick={reset}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
