import { expect } from "@playwright/test";
import type { CapturedMail } from "../../../scripts/lib/mail-sink";

/** The mail sink the test runner started beside the app (scripts/lib/e2e-stack.ts). */
function mailUrl(): string {
  const url = process.env.E2E_MAIL_URL;
  if (!url) throw new Error("Run the browser tests with `npm test`: E2E_MAIL_URL is missing.");
  return url;
}

export async function mailTo(address: string): Promise<CapturedMail[]> {
  const response = await fetch(`${mailUrl()}/messages.json`);
  const messages = (await response.json()) as CapturedMail[];
  return messages.filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** Waits for mail to `address` holding a link whose path starts with `pathPrefix`; returns the newest such link. */
export async function waitForMailLink(address: string, pathPrefix: string): Promise<{ mail: CapturedMail; link: string }> {
  let found: { mail: CapturedMail; link: string } | undefined;
  await expect
    .poll(
      async () => {
        for (const mail of (await mailTo(address)).reverse()) {
          const link = mail.links.find((candidate) => new URL(candidate).pathname.startsWith(pathPrefix));
          if (link) {
            found = { mail, link };
            return true;
          }
        }
        return false;
      },
      { message: `mail to ${address} with a ${pathPrefix} link`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}
