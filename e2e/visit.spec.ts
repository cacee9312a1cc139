import { expect, test, type Locator, type Page } from "@playwright/test";
import { addMedication, expectAccessible, fillPain, newPatientVisit, storageState } from "./support";

test.use({ storageState: storageState("clinician") });


test("a first visit for chronic pain worse bending: PT with extension-biased exercise, accepted, referred, signed, plan printed", async ({ page }) => {
  await newPatientVisit(page, "Flexion");
  const panel = page.getByRole("region", { name: "Live recommendation" });
  await expect(panel).toContainText("appears once the assessment is complete");
  await expect(panel).toContainText("Duration (weeks) and average pain, last week (0-10)");
  await expect(panel).not.toContainText("Invalid input");

  await fillPain(page, "16", "6");
  await page.getByLabel("Directional preference").selectOption("extension");
  await page.getByRole("group", { name: "Worse with" }).getByLabel("flexion").check();
  for (const item of [1, 3, 4, 6, 9]) await page.getByLabel(new RegExp(`^${item}\\. `)).check();

  await expect(page.getByText("STarT Back: 5/9, psychosocial 2/5, medium risk")).toBeVisible();
  // PEG's average pain is the pain score already given; the questionnaires read as they are asked.
  await page.getByLabel(/interfered with your enjoyment of life/).fill("4");
  await page.getByLabel(/interfered with your general activity/).fill("5");
  await expect(page.getByText(/PEG and Oswestry: PEG 5\b/)).toBeVisible();
  await page.getByLabel("Oswestry 4: Walking").selectOption({ label: "2: Limited to about half a mile" });
  await expect(page.getByText(/Oswestry \d+%/)).toBeVisible();
  await page.getByLabel("PHQ-2: Feeling down, depressed, or hopeless").selectOption({ label: "1: Several days" });
  await expect(panel.getByTestId("ladder-step")).toHaveText("Conservative care");
  const primary = panel.getByRole("listitem", { name: "Physical therapy program" });
  await expect(primary).toContainText("Primary");
  await expect(primary).toContainText("extension-biased");
  await primary.getByText("Evidence and why").click();
  await expect(primary).toContainText("American College of Physicians");
  await expect(primary).toContainText("ladder.conservative");
  await expectAccessible(page);

  await primary.getByRole("button", { name: "Accept" }).click();
  await expect(primary.getByRole("button", { name: "Accept" })).toHaveAttribute("aria-pressed", "true");
  // Accepting drafted the referral; the goals field now writes its goals, and a second referral cannot be added.
  await expect(page.getByRole("button", { name: "Refer to physical therapy" })).toHaveCount(0);
  await page.getByLabel("PT referral goals").fill("Walk 30 minutes without pain");
  await expect(page.getByRole("list", { name: "Orders in this visit" })).toHaveText(/^Physical therapy referral \(routine\): Walk 30 minutes without painRemove$/);
  await expect(page.getByText("All changes saved.")).toBeVisible();

  await page.getByRole("button", { name: "Sign encounter" }).click();
  await expect(page.getByText(/Signed by Dr. Maya Okafor/)).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Physical therapy program" })).toContainText("accepted");
  await expect(page.getByRole("region", { name: "Replay with the current rule set" })).toContainText("would be the same today");
  await page.getByRole("link", { name: "Print the patient's plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your back pain plan" })).toBeVisible();
  await expect(page.getByText("We sent your referral to Riverside Physical Therapy at 42 River Road, Suite 2. They will call you to book. If you have not heard from them in a week, call them at (555) 010-4200.")).toBeVisible();
  await expect(page.getByText("Your goal: Walk 30 minutes without pain")).toBeVisible();
  await expect(page.getByText(/Staying in bed/)).toBeVisible();
  await expectAccessible(page);
});

test("an opioid order for a patient on a benzodiazepine shows MME and the critical alert before it is added, and overriding needs a comment", async ({ page }) => {
  await newPatientVisit(page, "Benzo");
  await fillPain(page, "40", "7");
  await addMedication(page, 0, "alprazolam");
  await page.getByRole("button", { name: "Order a medication" }).click();
  const order = page.getByRole("group", { name: "Orders" });
  await order.getByLabel("Drug", { exact: true }).selectOption("oxycodone");
  await order.getByLabel("Dose (mg)").fill("10");
  await order.getByLabel("Doses/day").fill("4");
  await expect(order.getByRole("status")).toContainText("With this order: 60 MME/day");
  await expect(order).toContainText("Oxycodone with alprazolam");
  const add = order.getByRole("button", { name: "Add medication order" });
  await expect(add).toBeDisabled();

  const alert = order.getByRole("listitem").filter({ hasText: "Oxycodone with alprazolam" });
  await alert.getByRole("button", { name: "Override" }).click();
  await alert.getByLabel("Reason").selectOption("benefit-outweighs-risk");
  await expect(add).toBeDisabled();
  await alert.getByLabel(/Comment/).fill("Short course agreed; benzodiazepine taper started");
  for (const other of await order.getByRole("button", { name: "Acknowledge" }).all()) await other.click();
  await expect(add).toBeEnabled();
  await expectAccessible(page);
  await add.click();
  await expect(page.getByRole("list", { name: "Orders in this visit" })).toContainText("oxycodone");
});

test("two years of oxycodone without benefit: a renewal counts once, a duplicate order is refused, and the agreed taper reaches the patient's plan", async ({ page }) => {
  const chart = await newPatientVisit(page, "Taper");
  await fillPain(page, "120", "8");
  await page.getByRole("button", { name: "Add treatment" }).click();
  await page.getByLabel("Therapy").selectOption("opioid");
  await page.getByLabel("Status").selectOption("current");
  await page.getByLabel("Weeks", { exact: true }).fill("104");
  await page.getByLabel("Response", { exact: true }).selectOption("none");
  await addMedication(page, 0, "oxycodone", "20", "4");

  const panel = page.getByRole("region", { name: "Live recommendation" });
  const taper = panel.getByRole("listitem", { name: "Offer a gradual opioid reduction plan" });
  await expect(taper).toContainText("do not insist");
  await taper.getByText("Taper schedule").click();
  await expect(taper.getByRole("table", { name: "Taper steps" })).toContainText("108");
  await expect(taper).toContainText("every 4 weeks");

  await page.getByRole("button", { name: "Order a medication" }).click();
  const order = page.getByRole("group", { name: "Orders" });
  await order.getByLabel("Drug", { exact: true }).selectOption("oxycodone");
  await order.getByLabel("Dose (mg)").fill("20");
  await order.getByLabel("Doses/day").fill("4");
  await expect(order.getByRole("status")).toContainText("With this order: 120 MME/day");
  // The quantity is the sig's for a month until the prescriber types one; without one the order cannot be added.
  await expect(order.getByLabel("Quantity")).toHaveValue("120");
  await order.getByLabel("Quantity").fill("");
  await expect(order.getByText("Enter the quantity to dispense and the days it covers.")).toBeVisible();
  await expect(order.getByRole("button", { name: "Add medication order" })).toBeDisabled();
  await order.getByLabel("Quantity").fill("112");
  await order.getByRole("button", { name: "Add medication order" }).click();
  await expect(page.getByRole("list", { name: "Orders in this visit" })).toContainText("New: oxycodone 20 mg × 4/day; dispense 112, 30 days");
  await page.getByRole("button", { name: "Order a medication" }).click();
  await order.getByLabel("Drug", { exact: true }).selectOption("oxycodone");
  await expect(order.getByRole("alert")).toContainText("already has an order at this visit");
  await expect(order.getByRole("button", { name: "Add medication order" })).toBeDisabled();
  await expectAccessible(page);
  await order.getByRole("button", { name: "Cancel" }).click();
  await expect(panel).toContainText("MME/day: 120");

  await taper.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("list", { name: "Orders in this visit" })).toContainText("Opioid taper plan");
  await expect(page.getByLabel("This visit: oxycodone")).toHaveValue("taper");
  for (const acknowledge of await panel.getByRole("button", { name: "Acknowledge" }).all()) await acknowledge.click();
  await page.getByRole("button", { name: "Sign encounter" }).click();
  await expect(page.getByText(/Signed by Dr. Maya Okafor/)).toBeVisible();
  await page.getByRole("link", { name: "Print the patient's plan" }).click();
  await expect(page.getByRole("heading", { name: "Reducing your opioid painkiller, slowly" })).toBeVisible();
  await expect(page.getByText("Week 4: 90% of your dose today (oxycodone 72 mg a day).")).toBeVisible();
  await expectAccessible(page);

  // The next visit shows where the agreed taper stands (agreed today, so still at the starting dose).
  await page.goto(chart);
  await page.getByRole("button", { name: "Start visit" }).click();
  const inForce = page.getByRole("note", { name: "Taper in force" });
  await expect(inForce).toContainText(/agreed \d{4}-\d{2}-\d{2}; week 0: the starting dose; next step week 4, 90%/);
  await inForce.getByText("Taper schedule").click();
  await expect(inForce.getByRole("table", { name: "Taper steps" })).toContainText("72 mg");
  await expectAccessible(page);
});

test("stopping an antidepressant at once: the reconciliation row and the live recommendation give the same reason to reduce it gradually", async ({ page }) => {
  await newPatientVisit(page, "Taper");
  await fillPain(page, "30", "5");
  await addMedication(page, 0, "sertraline", "100", "1");
  const panel = page.getByRole("region", { name: "Live recommendation" });
  const reconciliation = page.getByRole("list", { name: "Medication reconciliation" });
  await reconciliation.getByLabel("This visit: sertraline").selectOption("stop");
  const reason = /^Ending an antidepressant at once after regular use can bring withdrawal symptoms .* reduce the dose in steps over weeks/;
  await expect(reconciliation.getByText(reason)).toContainText("; say how in the plan.");
  await expect(panel).toContainText("Sertraline ended at once by an order: reduce it gradually instead");
  await expect(panel.getByText(reason)).toBeVisible();
  await reconciliation.getByLabel("This visit: sertraline").selectOption("continue");
  await expect(reconciliation.getByText(reason)).toHaveCount(0);
  await expect(panel).not.toContainText("Sertraline ended at once");
});

test("medicine reconciliation: an opioid dose lowered, an NSAID stopped for failing kidneys, naloxone ordered; the plan and the next visit follow", async ({ page }) => {
  const chart = await newPatientVisit(page, "Reconcile");
  await fillPain(page, "40", "6");
  await page.getByLabel("eGFR (mL/min/1.73 m²)").fill("22");
  await addMedication(page, 0, "oxycodone", "10", "3");
  await addMedication(page, 1, "naproxen", "500", "2");
  const panel = page.getByRole("region", { name: "Live recommendation" });
  await expect(panel).toContainText("MME/day: 45");

  const reconciliation = page.getByRole("list", { name: "Medication reconciliation" });
  await expect(reconciliation.getByLabel("This visit: oxycodone")).toHaveValue("continue");
  await expect(reconciliation.getByLabel("This visit: oxycodone").locator("option")).toHaveText(["Continue", "Change dose", "Taper gradually"]);
  await reconciliation.getByLabel("This visit: oxycodone").selectOption("change");
  await reconciliation.getByLabel("New dose (mg)").fill("5");
  await expect(panel).toContainText("MME/day: 22.5");
  // The new prescription's supply starts at a month of the sig; shortening the days brings the quantity with them.
  await expect(reconciliation.getByLabel("Quantity")).toHaveValue("90");
  await reconciliation.getByLabel("Days' supply").fill("14");
  await expect(reconciliation.getByLabel("Quantity")).toHaveValue("42");
  await reconciliation.getByLabel("This visit: naproxen").selectOption("stop");

  // A new NSAID order with an eGFR of 22 is held by its critical alert; imaging without red flags is warned about.
  await page.getByRole("button", { name: "Order a medication" }).click();
  const order = page.getByRole("group", { name: "Orders" });
  await order.getByLabel("Drug", { exact: true }).selectOption("ibuprofen");
  await expect(order.getByRole("status")).toContainText("This order raises:");
  await expect(order.getByRole("button", { name: "Add medication order" })).toBeDisabled();
  await order.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Imaging, injection or specialist" }).click();
  await expect(order.getByRole("status")).toContainText("Advised against for this patient: No red flags recorded.");
  await order.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Order naloxone" }).click();
  const ordered = page.getByRole("list", { name: "Orders in this visit" });
  await expect(ordered).toContainText("Change to: oxycodone 5 mg × 3/day; dispense 42, 14 days");
  await expect(ordered).toContainText("Stop: naproxen");
  await expect(ordered).toContainText("Naloxone: naloxone nasal spray 4 mg, 2 devices");
  await expectAccessible(page);

  for (const acknowledge of await panel.getByRole("button", { name: "Acknowledge" }).all()) await acknowledge.click();
  await page.getByRole("button", { name: "Sign encounter" }).click();
  await expect(page.getByText(/Signed by Dr. Maya Okafor/)).toBeVisible();
  await expect(page.getByText("Change to: oxycodone 5 mg × 3/day; dispense 42, 14 days")).toBeVisible();
  const assessed = page.getByRole("definition").filter({ hasText: "mL/min" });
  await expect(assessed).toHaveText("22 mL/min/1.73 m²");
  await expect(page.getByRole("table").filter({ hasText: "Before this visit" })).toContainText("Before this visit: 45 MME/day");
  const after = page.getByRole("table").filter({ hasText: "After this visit" });
  await expect(after).toContainText("After this visit: 22.5 MME/day");
  await expect(after).toContainText("oxycodone5 mg × 3/day22.5 MME/day");
  await expect(after).not.toContainText("naproxen");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Print the patient's plan" }).click();
  const medicines = page.getByRole("heading", { name: "Your medicines" }).locator("..");
  await expect(medicines).toContainText("Change oxycodone to the new dose: 5 mg, 3 times a day. You get enough for 14 days.");
  await expect(medicines).toContainText("Stop naproxen.");
  await expect(page.getByRole("heading", { name: "Naloxone, for emergencies" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(chart);
  const safety = page.getByRole("definition");
  await expect(page.getByRole("region", { name: "Opioid safety" })).toBeVisible();
  await expect(safety.filter({ hasText: "22.5" })).toContainText("below 50");
  await expect(safety.filter({ hasText: "ordered" })).toHaveCount(1);
  const mme = page.getByRole("figure").filter({ hasText: "Opioid MME/day" });
  await expect(mme.locator("figcaption")).toContainText("Latest 22.5");
  await expect(mme.getByRole("img")).toHaveAttribute("aria-label", /reference lines at 50 and 90$/);
  await expect(page.getByRole("figure").filter({ hasText: "PEG (0-10)" })).toContainText("No data yet");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start visit" }).click();
  const next = page.getByRole("list", { name: "Medication reconciliation" });
  await expect(next).toContainText("oxycodone 5 mg × 3/day");
  await expect(next).not.toContainText("naproxen");
});

test("a patient already on oxycodone and alprazolam: the critical alert is pinned first, the sign area links to it, and a phone shows it above the form", async ({ page }) => {
  await newPatientVisit(page, "Pinned");
  await fillPain(page, "60", "7");
  await addMedication(page, 0, "oxycodone", "10", "4");
  await addMedication(page, 1, "alprazolam");
  const panel = page.getByRole("region", { name: "Live recommendation" });
  await expect(panel.getByRole("heading", { level: 3 }).first()).toHaveText("Critical alerts");
  const alert = panel.getByRole("listitem").filter({ hasText: "Oxycodone with alprazolam" }).first();
  await expect(alert).toBeVisible();

  const toAnswer = page.getByText("Answer each critical alert before signing:").locator("..");
  const link = toAnswer.getByRole("link", { name: /Oxycodone with alprazolam/ });
  await link.click();
  await expect(page).toHaveURL(/#alert-opioid-benzodiazepine$/);
  await expect(panel.locator("#alert-opioid-benzodiazepine")).toBeInViewport();
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  const summary = page.getByRole("link", { name: "Recommendation summary" });
  await expect(summary).toBeInViewport();
  await expect(summary).toContainText(/critical alerts? to answer/);
  await page.evaluate(() => window.scrollTo(0, 0));
  const formTop = await page.getByLabel("Duration (weeks)").boundingBox();
  const summaryTop = await summary.boundingBox();
  expect(summaryTop!.y).toBeLessThan(formTop!.y);
  // It stays in view while the clinician works down the form.
  await page.getByRole("button", { name: "Sign encounter" }).scrollIntoViewIfNeeded();
  await expect(summary).toBeInViewport();

  for (const acknowledge of await panel.getByRole("button", { name: "Acknowledge" }).all()) await acknowledge.click();
  await expect(page.getByText("Answer each critical alert before signing:")).toBeHidden();
  await expect(summary).not.toContainText("critical");
});

test("methadone for opioid use disorder is continued and never counted in MME", async ({ page }) => {
  await newPatientVisit(page, "Moud");
  await fillPain(page, "30", "6");
  await addMedication(page, 0, "methadone", "100", "1");
  const panel = page.getByRole("region", { name: "Live recommendation" });
  await expect(panel).toContainText("MME/day: 470");
  await page.getByLabel("For opioid use disorder").check();
  await expect(panel).toContainText("MME/day: 0");
  await expect(panel).toContainText("Methadone for opioid use disorder: continue it");
  await expect(panel).not.toContainText("Offer a gradual opioid reduction plan");
  await expectAccessible(page);
});

test("a follow-up after an adequate PT trial that did not help moves the ladder up to a medicine added to exercise", async ({ page }) => {
  await newPatientVisit(page, "Followup");
  await fillPain(page, "30", "14");
  await expect(page.locator("#intensity-error")).toHaveText("intensity must be at most 10");
  await expect(page.getByLabel("Average pain, last week (0-10)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Average pain, last week (0-10)").fill("6");
  await expect(page.locator("#intensity-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Add treatment" }).click();
  await page.getByLabel("Weeks", { exact: true }).fill("8");
  await page.getByLabel("Adherence %").fill("85");
  await page.getByLabel("Response", { exact: true }).selectOption("none");
  const panel = page.getByRole("region", { name: "Live recommendation" });
  await expect(panel.getByTestId("ladder-step")).toHaveText("Medication added");
  await expect(panel.getByRole("listitem").first()).toContainText("Add an NSAID to the exercise program");
  await expect(panel).toContainText("Conservative care was tried adequately");
  await expectAccessible(page);
});

test("a red-flag visit suspends the ladder and puts the urgent referral first", async ({ page }) => {
  await newPatientVisit(page, "Redflag");
  await fillPain(page, "20", "8");
  await page.getByRole("group", { name: "Findings present" }).getByLabel("saddle anesthesia").check();
  const panel = page.getByRole("region", { name: "Live recommendation" });
  await expect(panel.getByTestId("ladder-step")).toContainText("Urgent evaluation");
  await expect(panel.getByTestId("ladder-step")).toContainText("ladder suspended");
  await expect(panel.getByRole("list", { name: "Next steps" }).getByRole("listitem").first()).toContainText("Emergency referral today");
  await expect(panel).toContainText("Possible cauda equina syndrome");
  await expect(panel).not.toContainText("Physical therapy program");
  await expectAccessible(page);
});

test("two people editing one draft: the second save gets a clear conflict and keeps their input", async ({ page, browser }) => {
  await newPatientVisit(page, "Conflict");
  const url = page.url();
  const otherContext = await browser.newContext({ storageState: storageState("clinician") });
  const other = await otherContext.newPage();
  await other.goto(url);
  await page.getByLabel("Duration (weeks)").fill("20");
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await other.getByLabel("Average pain, last week (0-10)").fill("9");
  await expect(other.getByRole("status").filter({ hasText: "Someone else saved this encounter" })).toBeVisible();
  await expect(other.getByLabel("Average pain, last week (0-10)")).toHaveValue("9");
  await expectAccessible(other);
  await otherContext.close();
});

/** Presses Tab until the element has focus, as a keyboard user would (never clicks). */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, limit = 250): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

test("the whole visit can be done from the keyboard", async ({ page }) => {
  await page.goto("/patients/new");
  await page.keyboard.type(`K-${Date.now()}`);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Kim");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Keys");
  await tabTo(page, page.getByLabel("Birth date"));
  await page.keyboard.type("03141979");
  await tabTo(page, page.getByLabel("Sex"));
  await page.keyboard.press("ArrowDown");
  await tabTo(page, page.getByRole("button", { name: "Create patient" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Kim Keys" })).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: "Start visit" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Visit: Kim Keys");
  await tabTo(page, page.getByLabel("Duration (weeks)"));
  await page.keyboard.type("20");
  await page.keyboard.press("Tab");
  await page.keyboard.type("5");
  await tabTo(page, page.getByLabel(/^3\. /));
  await page.keyboard.press("Space");
  const panel = page.getByRole("region", { name: "Live recommendation" });
  await expect(panel.getByTestId("ladder-step")).toHaveText("Conservative care");

  await tabTo(page, page.getByRole("button", { name: "Refer to physical therapy" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Sign encounter" }));
  await tabTo(page, panel.getByRole("button", { name: "Accept" }).first());
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("button", { name: "Accept" }).first()).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Shift+Tab");
  await tabTo(page, page.getByRole("button", { name: "Sign encounter" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Signed by/)).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Print the patient's plan" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Your back pain plan" })).toBeVisible();
});

test("nothing typed is lost when the network fails: the draft stays in the browser and comes back on reload", async ({ page, context }) => {
  await newPatientVisit(page, "Offline");
  await page.getByLabel("Duration (weeks)").fill("20");
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await context.setOffline(true);
  await page.getByLabel("Average pain, last week (0-10)").fill("8");
  await expect(page.getByRole("status").filter({ hasText: /Could not reach Backstep|kept in this browser/ })).toBeVisible();
  await context.setOffline(false);
  // Leaving with work not yet saved asks first.
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(["beforeunload"]);
  await expect(page.getByLabel("Average pain, last week (0-10)")).toHaveValue("8");
  await expect(page.getByText("All changes saved.")).toBeVisible();
});

test("typing while a slow save is on its way never conflicts with itself, and signing waits for it", async ({ page }) => {
  await newPatientVisit(page, "Slow");
  // Every save takes two seconds to reach the server, longer than the pause that starts the next one.
  await page.route(/\/encounters\//, async (route) => {
    if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.continue();
  });
  await fillPain(page, "20", "5");
  await expect(page.getByText("Saving…")).toBeVisible();
  await page.getByLabel("Average pain, last week (0-10)").fill("6");
  await expect(page.getByText("Saving…")).toBeVisible();
  await page.getByLabel("Average pain, last week (0-10)").fill("7");
  await page.getByRole("button", { name: "Sign encounter" }).click();
  await expect(page.getByText(/Signed by Dr. Maya Okafor/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Someone else saved this encounter")).toHaveCount(0);
  await expect(page.getByRole("definition").filter({ hasText: "weeks, " })).toHaveText(/^20 weeks, 7\/10/);
});

test("orders and decisions are saved with the draft: a reload keeps the accepted suggestion and the referral it drafted", async ({ page }) => {
  await newPatientVisit(page, "Reload");
  await fillPain(page, "16", "6");
  const primary = page.getByRole("region", { name: "Live recommendation" }).getByRole("listitem", { name: "Physical therapy program" });
  await primary.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("list", { name: "Orders in this visit" })).toContainText("Physical therapy referral");
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.getByRole("list", { name: "Orders in this visit" })).toContainText("Physical therapy referral");
  await expect(primary.getByRole("button", { name: "Accept" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("All changes saved.")).toBeVisible();
  await expectAccessible(page);
});

test("the reference follow-up visit takes few actions: carried-forward history, one dose change, one new medicine, a decision, signed", async ({ page }) => {
  // The first visit, set up without counting.
  const chart = await newPatientVisit(page, "Followup", "Ada");
  await fillPain(page, "30", "6");
  await addMedication(page, 0, "naproxen", "500", "2");
  await page.getByRole("button", { name: "Sign encounter" }).click();
  await expect(page.getByText(/Signed by/)).toBeVisible();
  await page.goto(chart);

  // The follow-up, every click and keystroke counted (a select is two clicks: open, choose).
  const count = { clicks: 0, keystrokes: 0 };
  const click = async (target: Locator) => {
    await target.click();
    count.clicks += 1;
  };
  const choose = async (select: Locator, option: string) => {
    await select.selectOption(option);
    count.clicks += 2;
  };
  const type = async (field: Locator, text: string) => {
    await click(field);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(text);
    count.keystrokes += 1 + text.length;
  };

  await click(page.getByRole("button", { name: "Start visit" }));
  await expect(page.getByRole("list", { name: "Medication reconciliation" })).toContainText("naproxen 500 mg × 2/day");
  await type(page.getByLabel("Average pain, last week (0-10)"), "5");
  await choose(page.getByLabel("This visit: naproxen"), "change");
  await type(page.getByLabel("New dose (mg)"), "250");
  await click(page.getByRole("button", { name: "Order a medication" }));
  const order = page.getByRole("group", { name: "Orders" });
  await choose(order.getByLabel("Drug", { exact: true }), "duloxetine");
  await type(order.getByLabel("Dose (mg)"), "30");
  await type(order.getByLabel("Doses/day"), "1");
  await click(order.getByRole("button", { name: "Add medication order" }));
  const panel = page.getByRole("region", { name: "Live recommendation" });
  await click(panel.getByRole("list", { name: "Next steps" }).getByRole("button", { name: "Accept" }).first());
  for (const acknowledge of await panel.getByRole("button", { name: "Acknowledge" }).all()) await click(acknowledge);
  await click(page.getByRole("button", { name: "Sign encounter" }));

  await expect(page.getByText(/Signed by/)).toBeVisible();
  const orders = page.getByRole("region", { name: "Orders" });
  await expect(orders).toContainText("Change to: naproxen 250 mg × 2/day");
  await expect(orders).toContainText("New: duloxetine 30 mg × 1/day");
  console.log(`reference follow-up visit: ${count.clicks} clicks and ${count.keystrokes} keystrokes (${count.clicks + count.keystrokes} actions)`);
  expect(count.clicks + count.keystrokes).toBeLessThanOrEqual(40);
});
