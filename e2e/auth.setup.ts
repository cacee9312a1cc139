import { expect, test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../prisma/demo-accounts";
import { signIn, storageState } from "./support";

// One signed-in browser state per role, reused by the journeys.
for (const { role } of DEMO_ACCOUNTS) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole("link", { name: "Sign out" })).toBeVisible();
    await page.context().storageState({ path: storageState(role) });
  });
}
