// Makes sure a browser exists for the journeys: Debian's Chromium headless shell (or full Chromium) when apt-get can
// install it, otherwise Playwright's own installer. CHROMIUM_PATH points at any other Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { DEBIAN_BROWSERS, journeyBrowser } from "../tests/support/journey-browser";

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "inherit" }).status === 0;
}

const given = process.env.CHROMIUM_PATH;
if (given && !existsSync(given)) {
  console.error(`[backstep] CHROMIUM_PATH names ${given}, which does not exist`);
  process.exit(1);
}
if (journeyBrowser()) process.exit(0);
console.log("[backstep] no Chromium installed; installing one for the browser tests");
const isRoot = process.getuid?.() === 0;
const [aptCommand, ...aptPrefix] = isRoot ? ["apt-get"] : ["sudo", "-n", "apt-get"];
const aptInstall = (aptPackage: string) => run(aptCommand as string, [...aptPrefix, "install", "-y", "--no-install-recommends", aptPackage]);
for (const { aptPackage } of DEBIAN_BROWSERS) {
  if (aptInstall(aptPackage) || (run(aptCommand as string, [...aptPrefix, "update"]) && aptInstall(aptPackage))) {
    if (journeyBrowser()) process.exit(0);
  }
}
console.log("[backstep] apt-get could not install Chromium; trying Playwright's installer");
if (run("node_modules/.bin/playwright", ["install", "chromium"])) process.exit(0);
console.error("[backstep] no Chromium could be installed; browser tests cannot run");
process.exit(1);
