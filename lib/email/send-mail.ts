import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { mailFrom, smtpUrl } from "./mail-config";
import { componentLogger } from "@/lib/log/logger";

export type Mail = { to: string; subject: string; text: string; html: string };
export type MailOutcome = "sent" | "not_configured" | "failed";

// One transport (and its connection pool) per process and SMTP_URL.
const globalForMail = globalThis as unknown as { mailTransport?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.mailTransport?.url !== url) {
    globalForMail.mailTransport = { url, transport: nodemailer.createTransport(url) };
  }
  return globalForMail.mailTransport.transport;
}

/**
 * Sends one email when SMTP_URL is set. Never throws: a mail server that is
 * down must not undo the invitation or account it was about; the caller shows
 * the link on screen instead. The log line names the recipient's domain only.
 */
export async function sendMail(mail: Mail): Promise<MailOutcome> {
  const url = smtpUrl();
  if (!url) return "not_configured";
  try {
    await transport(url).sendMail({ from: mailFrom(), ...mail });
    return "sent";
  } catch (error) {
    componentLogger("mail").error({ subject: mail.subject, domain: mail.to.split("@")[1] ?? "?", error: describeErrorForLog(error) }, "sending mail failed");
    return "failed";
  }
}
