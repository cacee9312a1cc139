import { existsSync } from "node:fs";

// The browser the journeys run in: CHROMIUM_PATH when given, else Debian's old headless shell (it opens pages in about
// two thirds of the full browser's time, and the journeys open thousands), else Debian's full Chromium.
export const DEBIAN_BROWSERS = [
  { path: "/usr/bin/chromium-headless-shell", aptPackage: "chromium-headless-shell" },
  { path: "/usr/bin/chromium", aptPackage: "chromium" },
] as const;

/** The browser to use, or undefined when none is installed (Playwright's own then, if it has one). */
export function journeyBrowser(): string | undefined {
  return process.env.CHROMIUM_PATH ?? DEBIAN_BROWSERS.map((browser) => browser.path).find((path) => existsSync(path));
}
