import { expect, test } from "@playwright/test";
import { EVIDENCE_SOURCES } from "../lib/evidence/sources";
import { expectAccessible, storageState } from "./support";

test.use({ storageState: storageState("physical_therapist") });

test("the evidence page shows every source with its attributes and the rules citing it", async ({ page }) => {
  await page.goto("/evidence");
  await expect(page.getByRole("heading", { level: 1, name: "Evidence" })).toBeVisible();
  const articles = page.getByRole("article");
  await expect(articles).toHaveCount(EVIDENCE_SOURCES.length);
  for (const source of EVIDENCE_SOURCES) {
    const card = page.getByRole("article", { name: source.title });
    await expect(card).toContainText(source.kind);
    await expect(card).toContainText(source.strength);
    await expect(card).toContainText(String(source.year));
  }
  const titleOf = (id: string) => EVIDENCE_SOURCES.find((s) => s.id === id)!.title;
  await expect(page.getByRole("article", { name: titleOf("acp-2017") })).toContainText("ladder.pharmacologic");
  await expect(page.getByRole("article", { name: titleOf("backstep-source-article") })).toContainText("patient-education article");
  await expectAccessible(page);
});
