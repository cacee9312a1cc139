import { expect, test } from "@playwright/test";
import { account, expectAccessible, storageState } from "./support";

// A PT clinic's week: a new referral accepted and booked at a date and time, found on the clinic's day view, and a
// missed appointment recorded as a no-show with its follow-up, which lands in the referral's visit history.
test.use({ storageState: storageState("physical_therapist") });

test("a therapist books a referral, sees it on the day's schedule, and records a no-show with its follow-up", async ({ page }) => {
  await page.goto("/referrals?status=new");
  const first = page.getByRole("table", { name: "Referrals" }).getByRole("row").nth(1).getByRole("link");
  await first.click();
  const heading = page.getByRole("heading", { level: 1, name: /^Referral: / });
  await expect(heading).toBeVisible();
  const patient = ((await heading.textContent()) ?? "").replace("Referral: ", "");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("region", { name: "Classification" })).toContainText("accepted");

  const booking = page.getByRole("form", { name: "Book an appointment" });
  await booking.getByLabel("Appointment date").fill("2027-01-12");
  await booking.getByLabel("Time").fill("10:30");
  await booking.getByLabel("With").selectOption({ label: account("physical_therapist").name });
  await booking.getByRole("button", { name: "Book" }).click();
  await expect(booking.getByRole("status")).toHaveText("Booked for 2027-01-12 at 10:30.");
  await expect(page.getByRole("region", { name: "Classification" })).toContainText("scheduled");
  await expect(page.getByRole("region", { name: "Appointments", exact: true })).toContainText("2027-01-12 10:30");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedule" }).click();
  const day = page.getByRole("form", { name: "Choose the day" });
  await day.getByLabel("Day", { exact: true }).fill("2027-01-12");
  await day.getByRole("button", { name: "Show" }).click();
  const row = page.getByRole("table", { name: "Appointments" }).getByRole("row").filter({ hasText: patient });
  await expect(row).toContainText("10:30");
  await expect(row).toContainText("booked");
  await expectAccessible(page);

  await row.getByRole("link", { name: patient }).click();
  const appointment = page.getByRole("form", { name: /^Appointment 2027-01-12 at 10:30/ });
  await appointment.getByLabel("If missed, then").selectOption("call");
  await appointment.getByRole("button", { name: "Record no-show" }).click();
  await expect(page.getByRole("region", { name: "Visits" })).toContainText("No-show at 10:30; follow-up: call the patient");
  await expect(page.getByRole("region", { name: "Appointments", exact: true })).toContainText("no-show, then: call the patient");
});
