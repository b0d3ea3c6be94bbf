/**
 * Email is optional: with SMTP_URL set the portal sends invitations, sign-up
 * verification links and account notices; without it, links are only shown
 * on screen and sign-up works as before (README → Email).
 */
export function smtpUrl(): string | null {
  const value = process.env.SMTP_URL?.trim();
  return value ? value : null;
}

export function emailConfigured(): boolean {
  return smtpUrl() !== null;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "Yazsana Portal <no-reply@yazsana-portal.invalid>";
}

/** The public address links in emails point to (NEXTAUTH_URL, as next-auth uses it). */
export function publicBaseUrl(): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  return (configured || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}
