import { expect, test } from "@playwright/test";
import { expectAccessible, newPatientVisit, storageState } from "./support";

test("the clinic books against the payer's authorization, sends a progress note and a plan of care; the referring doctor reads the note and certifies the plan", async ({ browser }) => {
  const doctorContext = await browser.newContext({ storageState: storageState("clinician") });
  const doctor = await doctorContext.newPage();
  const family = `Notes${Date.now()}`;
  await newPatientVisit(doctor, family, "Ines");
  await doctor.getByLabel("Duration (weeks)").fill("20");
  await doctor.getByLabel("Average pain, last week (0-10)").fill("6");
  await doctor.getByRole("button", { name: "Refer to physical therapy" }).click();
  await doctor.getByRole("button", { name: "Sign encounter" }).click();
  await expect(doctor.getByText(/Signed by/)).toBeVisible();

  const therapistContext = await browser.newContext({ storageState: storageState("physical_therapist") });
  const therapist = await therapistContext.newPage();
  await therapist.goto("/referrals");
  await therapist.getByRole("link", { name: `${family}, Ines` }).click();
  await therapist.getByRole("button", { name: "Accept" }).click();
  const booking = therapist.getByRole("region", { name: "Booking and billing" });
  await expect(booking).toContainText("M54.50 Low back pain, unspecified; G89.29 Other chronic pain");
  await expect(booking).toContainText("Dr. Maya Okafor, Riverside Family Medicine");
  const authorization = therapist.getByRole("form", { name: "Payer authorization" });
  await authorization.getByLabel("Payer").fill("Acme Health");
  await authorization.getByLabel("Visits authorized").fill("3");
  await authorization.getByRole("button", { name: "Save authorization" }).click();
  await expect(authorization.getByRole("status")).toHaveText("Authorization saved.");
  await expect(booking).toContainText("3 visits authorized, 0 used, 3 left");
  const interval = therapist.getByRole("form", { name: "Progress note interval" });
  await interval.getByLabel("Progress note every (attended visits)").fill("2");
  await interval.getByRole("button", { name: "Set" }).click();
  await expect(interval.getByRole("status")).toHaveText("Saved.");
  for (const [day, pain] of [["2026-11-02", "7"], ["2026-11-05", "5"]]) {
    const visit = therapist.getByRole("form", { name: "Record a visit" });
    await visit.getByLabel("Date").fill(day!);
    await visit.getByLabel("Pain (0-10)").fill(pain!);
    await visit.getByRole("button", { name: "Save visit" }).click();
    await expect(visit.getByRole("status")).toHaveText(new RegExp(`^Visit of ${day} saved`));
  }
  await expect(booking).toContainText("3 visits authorized, 2 used, 1 left");
  await expect(booking.getByRole("status")).toHaveText("Few authorized visits left: ask the payer for more in time.");
  const notes = therapist.getByRole("region", { name: "Notes to the referring doctor" });
  await expect(notes.getByRole("status")).toHaveText("A progress note is due.");

  const write = therapist.getByRole("form", { name: "Write a note to the referring doctor" });
  await write.getByRole("button", { name: "Send to the referring doctor" }).click();
  await expect(write.getByText("Write the assessment")).toBeVisible();
  await write.getByLabel("Subjective (what the patient reports)").fill("Sleeps through the night again.");
  await write.getByLabel("Assessment").fill("Responding to extension exercises.");
  await write.getByLabel("Plan").fill("Add loaded carries next week.");
  await write.getByRole("button", { name: "Send to the referring doctor" }).click();
  await expect(write.getByRole("status")).toHaveText("Note sent to the referring doctor.");
  await expect(notes.getByRole("listitem", { name: /^Progress note of / })).toContainText("latest pain 5/10");

  await write.getByLabel("Kind").selectOption("plan_of_care");
  await write.getByLabel("Assessment").fill("Extension-responsive; deconditioned.");
  await write.getByLabel("Plan").fill("Directional exercises, then graded loading.");
  await write.getByLabel("Goals").fill("Sit through a 1-hour meeting by week 6.");
  await write.getByLabel("Visits a week").fill("2");
  await write.getByLabel("Weeks").fill("6");
  await write.getByLabel("Certified to (at most 90 days)").fill("2027-12-31");
  await write.getByRole("button", { name: "Send to the referring doctor" }).click();
  await expect(write.getByText("A plan of care is certified for at most 90 days")).toBeVisible();
  const from = await write.getByLabel("Certified from").inputValue();
  await write.getByLabel("Certified to (at most 90 days)").fill(new Date(Date.parse(`${from}T00:00:00Z`) + 59 * 86_400_000).toISOString().slice(0, 10));
  await write.getByRole("button", { name: "Send to the referring doctor" }).click();
  await expect(write.getByRole("status")).toHaveText("Note sent to the referring doctor.");
  await expect(notes.getByRole("listitem", { name: /^Plan of care of / })).toContainText("awaiting certification");
  await expectAccessible(therapist);

  await doctor.goto(`/patients?q=${family}`);
  await doctor.getByRole("link", { name: `${family}, Ines` }).click();
  const referrals = doctor.getByRole("region", { name: "Referrals" });
  await expect(referrals).toContainText(/Latest progress note \d{4}-\d{2}-\d{2}/);
  await expect(referrals).toContainText("A plan of care awaits certification");
  await referrals.getByRole("link").first().click();
  const received = doctor.getByRole("region", { name: "Notes to the referring doctor" });
  await expect(received.getByRole("listitem", { name: /^Progress note of / })).toContainText("Sleeps through the night again.");
  await expect(doctor.getByRole("form", { name: "Write a note to the referring doctor" })).toHaveCount(0);
  await expectAccessible(doctor);
  await received.getByRole("button", { name: "Certify this plan of care" }).click();
  await expect(received.getByRole("listitem", { name: /^Plan of care of / })).toContainText(/certified by Dr\. Maya Okafor on \d{4}-\d{2}-\d{2}/);
  await doctorContext.close();
  await therapistContext.close();
});
