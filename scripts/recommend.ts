// npm run --silent recommend -- FILE|-   prints the Recommendation for an Assessment as JSON (exit 0), or an
// invalid-assessment error (exit 2). `asOf` defaults to today here; the engine itself never reads the clock.
// npm run --silent recommend -- --sources   lists the evidence catalog.
import { readFileSync } from "node:fs";
import { EVIDENCE_SOURCES } from "../lib/evidence/sources";
import { recommend } from "../lib/ladder/evaluate";

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function fail(message: string, path = "(input)"): never {
  print({ error: "invalid-assessment", issues: [{ path, message }] });
  process.exit(2);
}

const [arg] = process.argv.slice(2);
if (arg === "--sources") {
  print(EVIDENCE_SOURCES);
  process.exit(0);
}
if (!arg) fail("usage: npm run --silent recommend -- FILE|- (or --sources)");

let text: string;
try {
  text = readFileSync(arg === "-" ? 0 : arg, "utf8");
} catch {
  fail(`cannot read ${arg === "-" ? "standard input" : arg}`);
}
let input: unknown;
try {
  input = JSON.parse(text);
} catch {
  fail("the input is not valid JSON");
}
const result = recommend(input, new Date().toISOString().slice(0, 10));
if (!result.ok) {
  print(result.error);
  process.exit(2);
}
print(result.recommendation);
