/**
 * A local mail sink for the demo and the tests: an SMTP server (the
 * `smtp-server` package) on 127.0.0.1 that keeps every message in memory,
 * parsed with `mailparser`, and a tiny page listing them with their links.
 * Never part of the production app.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string[]; from: string; subject: string; text: string; html: string; links: string[]; receivedAt: string };

export type MailSink = {
  /** For SMTP_URL: smtp://127.0.0.1:<port> */
  smtpUrl: string;
  /** The page listing captured mail (and /messages.json); null when started without it. */
  webUrl: string | null;
  messages(): CapturedMail[];
  stop(): Promise<void>;
};

const HOST = "127.0.0.1";
const LINK_PATTERN = /https?:\/\/[^\s<>"')]+/g;

function addresses(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry: { value?: Array<{ address?: string }> }) => (entry.value ?? []).map((item) => item.address?.toLowerCase() ?? "")).filter(Boolean);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function renderPage(messages: CapturedMail[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (mail) => `<li><p><strong>${escapeHtml(mail.subject)}</strong><br>to ${escapeHtml(mail.to.join(", "))} · ${escapeHtml(mail.receivedAt)}</p>
<ul>${mail.links.map((link) => `<li><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></li>`).join("")}</ul>
<pre style="white-space:pre-wrap;color:#444">${escapeHtml(mail.text)}</pre></li>`,
    )
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>Demo mail (${messages.length})</title></head>
<body style="font-family:sans-serif;max-width:50rem;margin:2rem auto"><h1>Mail the portal sent (${messages.length})</h1>
<p>Captured by the demo's local mail sink; nothing leaves this machine. Newest first; reload for more.</p>
<ol>${items || "<p>No mail yet.</p>"}</ol></body></html>`;
}

function listen(server: { listen(port: number, host: string, callback: () => void): unknown; once(event: "error", listener: (error: Error) => void): unknown }, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve());
  });
}

/** Starts the sink. Port 0 picks a free port. `webPort` null = no page (tests read messages() directly). */
export async function startMailSink(options: { smtpPort?: number; webPort?: number | null } = {}): Promise<MailSink> {
  const messages: CapturedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: without a certificate to trust, STARTTLS would only make clients fail.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? "";
          const html = typeof parsed.html === "string" ? parsed.html : "";
          messages.push({
            to: addresses(parsed.to),
            from: addresses(parsed.from)[0] ?? "",
            subject: parsed.subject ?? "",
            text,
            html,
            links: [...new Set(text.match(LINK_PATTERN) ?? [])],
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await listen(smtp.server, options.smtpPort ?? 0);
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let web: http.Server | undefined;
  if (options.webPort !== null) {
    web = http.createServer((request, response) => {
      if (request.url === "/messages.json") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(messages));
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" });
      response.end(renderPage(messages));
    });
    await listen(web, options.webPort ?? 0);
  }
  const webUrl = web ? `http://${HOST}:${(web.address() as AddressInfo).port}` : null;

  return {
    smtpUrl: `smtp://${HOST}:${smtpPort}`,
    webUrl,
    messages: () => [...messages],
    stop: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        web ? new Promise<void>((resolve) => web.close(() => resolve())) : Promise.resolve(),
      ]);
    },
  };
}
