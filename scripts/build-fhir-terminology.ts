// npm run fhir:terminology — rebuilds lib/fhir/terminology-data.json from the CDC opioid decision support reference
// (cqframework/opioid-cds-r4 at b29bdcb, CC0): the RxNorm names of its drug data (OMTK) and medication value sets,
// and the codes of the value sets the FHIR mapping reads. The source folder is given as the first argument.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { systemName } from "../lib/fhir/fhir-values";

const source = process.argv[2];
if (!source) throw new Error("usage: npm run fhir:terminology -- <folder of the cdc-opioid-cds data>");

/** The value sets the mapping reads, by the name the code uses. */
const VALUE_SETS = {
  naloxone: "naloxone-medications",
  pdmpReview: ["pdmp-review-procedure", "pdmp-data-reviewed-finding"],
  urineDrugScreen: "all-urine-drug-screening-tests",
  malignantCancer: "cdc-malignant-cancer-conditions",
  sickleCell: "sickle-cell-diseases",
  endOfLife: ["conditions-likely-terminal-for-opioid-prescribing", "hospice-finding", "hospice-procedure", "limited-life-expectancy-conditions", "therapies-indicating-end-of-life-care"],
  opioidMisuse: "opioid-misuse-disorders",
  substanceMisuse: "conditions-documenting-substance-misuse",
  sleepBreathing: "conditions-documenting-sleep-disordered-breathing",
} as const;

type Contains = { system: string; code: string; display?: string };
const expansion = (name: string): Contains[] =>
  (JSON.parse(readFileSync(join(source, "valuesets", `${name}.json`), "utf8")) as { expansion: { contains: Contains[] } }).expansion.contains;

const valueSets: Record<string, string[]> = {};
for (const [key, names] of Object.entries(VALUE_SETS)) {
  const codes = new Set<string>();
  for (const name of typeof names === "string" ? [names] : names) {
    for (const c of expansion(name)) {
      const system = systemName(c.system);
      if (system) codes.add(`${system}|${c.code}`);
    }
  }
  valueSets[key] = [...codes].sort();
}

const rxnormNames: Record<string, string> = {};
const omtk = readFileSync(join(source, "cql", "OMTKData2020.cql"), "utf8");
for (const match of omtk.matchAll(/drugCode: (\d+), drugName: '([^']+)'/g)) rxnormNames[match[1] as string] = match[2] as string;
for (const file of readdirSync(join(source, "valuesets")).filter((f) => f.endsWith("-medications.json"))) {
  for (const c of expansion(file.replace(/\.json$/, ""))) if (systemName(c.system) === "rxnorm" && c.display) rxnormNames[c.code] ??= c.display;
}

const sorted = Object.fromEntries(Object.entries(rxnormNames).sort(([a], [b]) => Number(a) - Number(b)));
writeFileSync(
  join(import.meta.dirname, "..", "lib", "fhir", "terminology-data.json"),
  `${JSON.stringify({ version: "cdc-opioid-cds-r4@b29bdcb", rxnormNames: sorted, valueSets })}\n`,
);
console.log(`${Object.keys(sorted).length} RxNorm names; ${Object.entries(valueSets).map(([k, v]) => `${k} ${v.length}`).join(", ")}`);
