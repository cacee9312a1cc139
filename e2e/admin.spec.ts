import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { enterTwoStepCode, expectAccessible, newPatientVisit, storageState } from "./support";

test.describe("an administrator", () => {
  test.use({ storageState: storageState("admin") });

  test("imports a patient list: the check lists each problem by line and column and writes nothing, the corrected file is imported", async ({ page }) => {
    const stamp = Date.now();
    const header = "MRN,Family name,Given name,Birth date,Sex";
    const broken = [header, `CSV-${stamp}-1,Ames,Ann,1970-01-01,F`, `CSV-${stamp}-2,,Bo,1970-02-30,x`].join("\n");
    const fixed = [header, `CSV-${stamp}-1,Ames,Ann,1970-01-01,F`, `CSV-${stamp}-2,Bell,Bo,1970-02-28,M`].join("\n");

    await page.goto("/admin/patients");
    await expect(page.getByRole("heading", { level: 1, name: "Import patients" })).toBeVisible();
    await expectAccessible(page);
    const form = page.getByRole("form", { name: "Import patients" });
    await form.getByLabel("Patient list (CSV)").setInputFiles({ name: "patients.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
    await form.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("status")).toContainText("3 problems in 2 rows: nothing was imported.");
    const problems = page.getByRole("table", { name: "Problems in the file" });
    await expect(problems.getByRole("row")).toHaveText([/Line.*Column.*Problem/, /3family nameFamily name is required/, /3birth dateBirth date must be a date/, /3sexChoose female, male, other or unknown/]);
    await expectAccessible(page);

    await form.getByLabel("Patient list (CSV)").setInputFiles({ name: "patients.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
    await form.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("status")).toHaveText("2 patients are ready to import. Nothing has been written yet.");
    await form.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("status")).toHaveText("Imported 2 patients.");
    // Importing the same file again changes nothing: its MRNs are on record now.
    await form.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("cell", { name: `MRN CSV-${stamp}-1 already belongs to a patient: it is not overwritten` })).toBeVisible();
  });

  test("is told plainly when no file was chosen", async ({ page }) => {
    await page.goto("/admin/patients");
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByText("choose a CSV file")).toBeVisible();
    await expect(page.getByLabel("Patient list (CSV)")).toHaveAttribute("aria-invalid", "true");
  });
});

test("an administrator sets the guideline profile and adherence threshold, and a clinician's next visit and the evidence page follow them", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  const settings = admin.getByRole("form", { name: "Organization settings" });
  const save = async (profile: "us" | "uk", switchAllowed: boolean, threshold: string) => {
    await admin.goto("/admin/organization");
    await settings.getByLabel("Guideline profile every new visit starts with").selectOption(profile);
    await settings.getByLabel("Clinicians may choose the other profile for a visit").setChecked(switchAllowed);
    await settings.getByLabel("Adherence threshold (%)").fill(threshold);
    await settings.getByRole("button", { name: "Save settings" }).click();
  };
  await save("uk", false, "70");
  await expect(settings.getByRole("status")).toHaveText("Settings saved. New visits start with them.");
  try {
    await expectAccessible(admin);
    const clinician = await (await browser.newContext({ storageState: storageState("clinician") })).newPage();
    await newPatientVisit(clinician, "Profile");
    await expect(clinician.getByText("uk (set by your organization)")).toBeVisible();
    await expect(clinician.getByLabel("Guideline profile")).toHaveCount(0);
    await clinician.getByLabel("Duration (weeks)").fill("20");
    await clinician.getByLabel("Average pain, last week (0-10)").fill("6");
    const live = clinician.getByRole("region", { name: "Live recommendation" });
    await expect(live).toContainText("NICE");
    // A PT course kept up 65% of the time was not really tried under a 70% threshold.
    await clinician.getByRole("button", { name: "Add treatment" }).click();
    await clinician.getByLabel("Weeks", { exact: true }).fill("8");
    await clinician.getByLabel("Adherence %").fill("65");
    await clinician.getByLabel("Response").selectOption("none");
    await expect(clinician.getByText("kept up less than 70% of the time")).toBeVisible();
    await expect(live).toContainText("this organization's adherence threshold of 70%");

    await clinician.goto("/evidence");
    const organization = clinician.getByRole("region", { name: "This organization's settings" });
    await expect(organization.getByRole("row", { name: /Adherence threshold/ })).toContainText("70%this organization's setting");
    await expect(organization.getByRole("row", { name: /Guideline profile/ })).toContainText("uk: NICE NG59this organization's setting");
    await expect(organization.getByRole("row", { name: /Covered PT visits/ })).toContainText("Backstep's default");
  } finally {
    await save("us", true, "60");
    await expect(settings.getByRole("status")).toHaveText("Settings saved. New visits start with them.");
  }
});

test("an administrator adds a PT clinic with its phone number, and a bad field is named", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  await admin.goto("/admin/organization");
  const add = admin.getByRole("form", { name: "New site" });
  await add.getByRole("button", { name: "Add site" }).click();
  await expect(add.getByText("name is required")).toBeVisible();
  const name = `Southside PT ${Date.now()}`;
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Kind").selectOption("pt_clinic");
  await add.getByLabel("Phone").fill("(555) 010-5500");
  await add.getByRole("button", { name: "Add site" }).click();
  const site = admin.getByRole("form", { name: `Site ${name}` });
  await expect(site.getByLabel("Phone")).toHaveValue("(555) 010-5500");
  await expectAccessible(admin);
});

test("an administrator sets a measure's target, and the auditor's dashboard shows the rate against it", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  await admin.goto("/admin/organization");
  const target = admin.getByRole("form", { name: "Target for measure 4" });
  await target.getByLabel("Target, % (at most)").fill("150");
  await target.getByRole("button", { name: "Save" }).click();
  await expect(target.getByText("The target is 0 to 100%")).toBeVisible();
  await target.getByLabel("Target, % (at most)").fill("5");
  await target.getByRole("button", { name: "Save" }).click();
  await expect(target.getByRole("status")).toHaveText("Saved.");
  await expectAccessible(admin);

  const auditor = await (await browser.newContext({ storageState: storageState("auditor") })).newPage();
  await auditor.goto("/measures");
  await expect(auditor.getByRole("article", { name: "Patients at or above 90 MME/day" })).toContainText(/Target ≤ 5%: (met|not met)/);
  await expectAccessible(auditor);
});

/** Adds a person from the users page and returns the one-time link shown for them. */
async function addPerson(admin: Page, person: { name: string; email: string; role: string; site?: string }): Promise<string> {
  const add = admin.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Name").fill(person.name);
  await add.getByLabel("Email").fill(person.email);
  await add.getByLabel("Role").selectOption(person.role);
  if (person.site) await add.getByLabel("Site").selectOption({ label: person.site });
  await add.getByRole("button", { name: "Add" }).click();
  return admin.getByLabel("Link to set their password").inputValue();
}

test("an administrator adds a clinician, who sets a password from the one-time link and signs in; a reset ends their session", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  await admin.goto("/admin/users");
  const add = admin.getByRole("form", { name: "Add a person" });
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByText("name is required")).toBeVisible();
  const email = `new.clinician.${Date.now()}@backstep.test`;
  const link = await addPerson(admin, { name: "Noor Newcomer", email, role: "clinician", site: "Riverside Family Medicine" });
  expect(link).toMatch(/\/set-password#[A-Za-z0-9_-]{43}$/);
  await expectAccessible(admin);

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(link);
  await newcomer.getByLabel("New password").fill("password1234");
  await newcomer.getByLabel("Type it again").fill("password1234");
  await newcomer.getByRole("button", { name: "Set password" }).click();
  await expect(newcomer.getByText(/^this password is too easy to guess/)).toBeVisible();
  await expectAccessible(newcomer);
  const password = "lantern moss quietly figs";
  await newcomer.getByLabel("New password").fill(password);
  await newcomer.getByLabel("Type it again").fill(password);
  await newcomer.getByRole("button", { name: "Set password" }).click();
  await expect(newcomer.getByRole("status")).toContainText(`Your password is set. Sign in as ${email}.`);
  await newcomer.getByRole("link", { name: "Sign in" }).click();
  await newcomer.getByLabel("Email").fill(email);
  await newcomer.getByLabel("Password").fill(password);
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expect(newcomer).toHaveURL(/\/patients$/);

  // The link worked once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await again.getByLabel("New password").fill(password);
  await again.getByLabel("Type it again").fill(password);
  await again.getByRole("button", { name: "Set password" }).click();
  await expect(again.getByText("This link has expired or has already been used. Ask your administrator for a new one.")).toBeVisible();

  await admin.reload();
  await admin.getByRole("button", { name: "Reset password of Noor Newcomer" }).click();
  await expect(admin.getByLabel("Link for Noor Newcomer to set a new password")).toHaveValue(/\/set-password#/);
  await newcomer.goto("/patients");
  await expect(newcomer).toHaveURL(/\/sign-in/);

  // A change of role takes effect at once, and the last administrator cannot be demoted by mistake.
  await admin.getByLabel("Role of Noor Newcomer").selectOption("auditor");
  await admin.getByRole("button", { name: "Save role and site" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();
  await expectAccessible(admin);
});

test("a person changes their own password: they stay signed in where they did it, and their other session ends", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  await admin.goto("/admin/users");
  const email = `own.password.${Date.now()}@backstep.test`;
  const link = await addPerson(admin, { name: "Owen Own", email, role: "auditor" });

  const first = "lantern moss quietly figs";
  const here = await (await browser.newContext()).newPage();
  await here.goto(link);
  await here.getByLabel("New password").fill(first);
  await here.getByLabel("Type it again").fill(first);
  await here.getByRole("button", { name: "Set password" }).click();
  await expect(here.getByRole("status")).toContainText("Your password is set.");
  const signIn = async (page: typeof here, password: string) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
  };
  await signIn(here, first);
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, first);

  await here.getByRole("link", { name: "Account" }).click();
  const form = here.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("copper kettle winter song");
  await form.getByLabel("Type it again").fill("copper kettle winter song");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("this is not your current password")).toBeVisible();
  await expectAccessible(here);
  // Password fields are cleared after a refused attempt, as sign-in forms do.
  await form.getByLabel("Current password").fill(first);
  await form.getByLabel("New password").fill("copper kettle winter song");
  await form.getByLabel("Type it again").fill("copper kettle winter song");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Your password is changed. You stay signed in here; every other session has ended.");
  await here.goto("/measures");
  await expect(here).toHaveURL(/\/measures$/);
  await elsewhere.goto("/measures");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
});

test("a new administrator must set up two-step sign-in before anything opens, then signs in with a code", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageState("admin") })).newPage();
  await admin.goto("/admin/users");
  const email = `new.admin.${Date.now()}@backstep.test`;
  const link = await addPerson(admin, { name: "Ola Overseer", email, role: "admin" });

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(link);
  const password = "copper kettle winter sonnet";
  await newcomer.getByLabel("New password").fill(password);
  await newcomer.getByLabel("Type it again").fill(password);
  await newcomer.getByRole("button", { name: "Set password" }).click();
  await expect(newcomer.getByRole("status")).toContainText(`Your password is set. Sign in as ${email}.`);
  await newcomer.goto("/sign-in");
  await newcomer.getByLabel("Email").fill(email);
  await newcomer.getByLabel("Password").fill(password);
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expect(newcomer).toHaveURL(/\/account\/two-step$/);
  await newcomer.goto("/admin/users");
  await expect(newcomer).toHaveURL(/\/account\/two-step$/);
  await expect(newcomer.getByRole("img", { name: "QR code to scan with an authenticator app" })).toBeVisible();
  await expectAccessible(newcomer);

  // What the authenticator app does with the key on the page.
  const secret = (await newcomer.getByTestId("two-step-key").textContent())!;
  const setup = newcomer.getByRole("form", { name: "Confirm two-step sign-in" });
  await setup.getByLabel("Code from the app").fill("000000");
  await setup.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(setup.getByText(/that code does not match/)).toBeVisible();
  await setup.getByLabel("Code from the app").fill(await generate({ secret, epoch: Date.now() / 1000 - 30 }));
  await setup.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const codes = newcomer.getByRole("region", { name: "Recovery codes" });
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  await codes.getByRole("link", { name: "I have saved them: continue" }).click();
  await expect(newcomer).toHaveURL(/\/admin\/users$/);

  // Next time: the password, then the code.
  const later = await (await browser.newContext()).newPage();
  await later.goto("/sign-in");
  await later.getByLabel("Email").fill(email);
  await later.getByLabel("Password").fill(password);
  await later.getByRole("button", { name: "Sign in" }).click();
  await expect(later.getByRole("main").getByRole("alert")).toContainText("Enter the 6-digit code");
  await expectAccessible(later);
  await enterTwoStepCode(later, secret);
  await expect(later).toHaveURL(/\/admin\/users$/);

  // The phone and the recovery codes are lost: another administrator resets it, and the sessions end.
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: "Reset two-step sign-in for Ola Overseer" }).click();
  await expect(admin.getByText("Two-step sign-in reset; their sessions have ended.")).toBeVisible();
  await later.goto("/admin/users");
  await expect(later).toHaveURL(/\/sign-in/);
});
