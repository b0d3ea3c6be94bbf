import { expect, test } from "@playwright/test";
import { ownerWithDemoKey } from "./support/accounts";

/**
 * Times are shown in the user's zone everywhere (lib/i18n/format.ts), and a
 * campaign's send time is picked in it too — not in the browser's. The
 * browser here runs in Tokyo; the user has chosen New York.
 */
test.use({ timezoneId: "Asia/Tokyo" });

/** The date two days from now in `timeZone`, as a date input holds it. */
function dayAfterTomorrowIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + 2 * 86_400_000));
}

/** The UTC instant of 09:00 on `day` in New York, from the zone's offset that day ("GMT-05:00"). */
function nineInNewYork(day: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeZoneName: "longOffset" }).formatToParts(new Date(`${day}T12:00:00Z`));
  const offset = parts.find((part) => part.type === "timeZoneName")!.value.slice(3);
  return new Date(`${day}T09:00:00${offset}`).toISOString();
}

test("a campaign scheduled for 09:00 shows 09:00 in the user's zone, on its page and in the list", async ({ page }) => {
  await ownerWithDemoKey(page);
  await page.goto("/settings");
  await page.getByLabel("Time zone", { exact: true }).selectOption("America/New_York");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();

  await page.goto("/send/bulk");
  await page.getByLabel("Recipients").fill("0555 222 33 44\n0555 222 33 55");
  await page.getByLabel("Message").fill("Saat dilimi denemesi");
  await page.getByRole("button", { name: "Review" }).click();
  const review = page.getByTestId("bulk-review");
  await review.getByLabel("Send later").check();
  await expect(review.getByText("In your time zone (America/New_York).")).toBeVisible();
  const day = dayAfterTomorrowIn("America/New_York");
  await review.getByLabel("Send at").fill(`${day}T09:00`);
  await review.getByRole("button", { name: "Send to 2 recipients" }).click();
  await expect(page.getByTestId("campaign-state")).toHaveText("Scheduled");
  await expect(page.getByTestId("scheduled-at")).toHaveText(/, 09:00$/);
  // Stored as 09:00 New York time, not 09:00 in the browser's Tokyo.
  await expect(page.getByTestId("scheduled-at").locator("time")).toHaveAttribute("datetime", nineInNewYork(day));

  await page.goto("/send/campaigns");
  await expect(page.getByRole("row", { name: /Saat dilimi denemesi/ })).toContainText(/Scheduled for .*, 09:00/);
});
