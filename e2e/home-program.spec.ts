import { expect, test } from "@playwright/test";
import { expectAccessible, expectPrintsWhole, storageState } from "./support";

test.describe("a physical therapist", () => {
  test.use({ storageState: storageState("physical_therapist") });

  test("chooses a patient's exercises and doses from the library, and prints the program with its drawings", async ({ page }) => {
    await page.goto("/referrals");
    await page.getByRole("table", { name: "Referrals" }).getByRole("link").first().click();
    await page.getByRole("link", { name: "Home exercise program" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your home exercise program" })).toBeVisible();

    const chooser = page.getByRole("form", { name: "Choose the exercises" });
    await chooser.getByRole("checkbox", { name: /Bird-dog/ }).check();
    await chooser.getByLabel("Repetitions, Bird-dog").fill("0");
    await chooser.getByRole("button", { name: "Save the program" }).click();
    await expect(chooser.getByText("Bird-dog: Repetitions is 1 to 50")).toBeVisible();
    await chooser.getByLabel("Repetitions, Bird-dog").fill("8");
    await chooser.getByRole("button", { name: "Save the program" }).click();
    await expect(chooser.getByRole("status")).toHaveText("Program saved.");

    const program = page.getByRole("article");
    const birdDog = program.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Bird-dog/ }) });
    await expect(birdDog).toContainText("2 sets of 8, hold 3 seconds, once a day");
    await expect(birdDog.getByRole("img", { name: "Drawing: Bird-dog" })).toBeVisible();
    await expect(program.getByText("the clinic has not chosen the exercises yet")).toHaveCount(0);
    await expectAccessible(page);
    await expectPrintsWhole(page, /^@page .*Home exercise program · /);
  });
});
