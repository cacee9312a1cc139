// Makes sure a Chromium exists for the browser tests: Debian's package when apt-get can install it,
// otherwise Playwright's own installer. CHROMIUM_PATH points at any other Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "inherit" }).status === 0;
}

if (existsSync(path)) process.exit(0);
console.log(`[backstep] no Chromium at ${path}; installing one for the browser tests`);
const isRoot = process.getuid?.() === 0;
const apt = isRoot ? ["apt-get"] : ["sudo", "-n", "apt-get"];
const [aptCommand = "apt-get", ...aptPrefix] = apt;
if (run(aptCommand, [...aptPrefix, "install", "-y", "--no-install-recommends", "chromium"]) || (run(aptCommand, [...aptPrefix, "update"]) && run(aptCommand, [...aptPrefix, "install", "-y", "--no-install-recommends", "chromium"]))) {
  if (existsSync(path)) process.exit(0);
}
console.log("[backstep] apt-get could not install chromium; trying Playwright's installer");
if (run("node_modules/.bin/playwright", ["install", "chromium"])) {
  process.exit(0);
}
console.error("[backstep] no Chromium could be installed; browser tests cannot run");
process.exit(1);
