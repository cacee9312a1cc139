import { describe, expect, it } from "vitest";
import { SOURCES_BY_ID, EVIDENCE_SOURCES } from "@/lib/evidence/sources";
import { RULES, RULESET_VERSION, rulesBySource } from "./rule-registry";
import { run } from "../../tests/support/assessment";

describe("the rule registry", () => {
  it("has unique ids in a stable dotted form", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z-]+(\.[a-z0-9-]+)+$/);
  });

  it("gives every rule a version and at least one citation that resolves in the catalog", () => {
    for (const rule of RULES) {
      expect(Number.isInteger(rule.version) && rule.version >= 1, rule.id).toBe(true);
      expect(rule.cites.length, rule.id).toBeGreaterThan(0);
      for (const sourceId of rule.cites) expect(SOURCES_BY_ID.has(sourceId), `${rule.id} cites ${sourceId}`).toBe(true);
      expect(rule.title.length).toBeGreaterThan(5);
    }
  });

  it("cites every source in the catalog from some rule", () => {
    const cited = rulesBySource();
    expect(EVIDENCE_SOURCES.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it("records every rule in every trace, in registry order", () => {
    const out = run();
    expect(out.trace.map((t) => t.ruleId)).toEqual(RULES.map((r) => r.id));
    expect(out.trace.every((t) => t.because.length > 0)).toBe(true);
  });

  it("ties the rule set version to the rules' versions: bump RULESET_VERSION when a rule changes", () => {
    const fingerprint = RULES.map((r) => `${r.id}@${r.version}`).join(",");
    expect({ RULESET_VERSION, rules: RULES.length, fingerprint }).toMatchInlineSnapshot(`
      {
        "RULESET_VERSION": "2026.11.1",
        "fingerprint": "classification.screening-scores@1,classification.tbc-subgroup@1,red-flag.cauda-equina@1,red-flag.infection@1,red-flag.neurological-deficit@1,red-flag.fracture@1,red-flag.malignancy@1,red-flag.weighed@1,scope.not-chronic@1,opioid.mme-not-computable@1,opioid.mme-50@1,opioid.mme-90@1,opioid.benzodiazepine@1,opioid.naloxone@1,opioid.pdmp-review@1,opioid.toxicology@1,opioid.not-recommended@1,opioid.taper-plan@1,medication.nsaid-contraindicated@1,medication.nsaid-long-term@1,medication.duloxetine-contraindicated@1,harm.bed-rest@1,conservative.low-adherence@1,coverage.pt-visit-limit@1,ladder.acute-care@1,ladder.conservative@1,ladder.pharmacologic@1,ladder.interventional@1,screening.mood@1,avoid.bed-rest@1,avoid.opioid@1,avoid.imaging@1,avoid.nsaid-long-term@1,avoid.manipulation-alone@1,avoid.massage-alone@1,avoid.epidural-as-fix@1,avoid.facet-injection@1,avoid.acetaminophen-alone@1,avoid.systemic-steroids@1,avoid.benzodiazepine@1,avoid.gabapentinoid@1,avoid.tricyclic@1,avoid.snri-uk@1,avoid.acupuncture-uk@1",
        "rules": 44,
      }
    `);
  });
});
