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
        "RULESET_VERSION": "2026.12.57",
        "fingerprint": "classification.screening-scores@1,classification.tbc-subgroup@2,red-flag.cauda-equina@4,red-flag.infection@5,red-flag.neurological-deficit@2,red-flag.fracture@5,red-flag.malignancy@4,red-flag.weighed@8,scope.not-chronic@3,medication.orders-applied@1,opioid.mme-not-computable@2,opioid.mme-50@7,opioid.mme-90@8,opioid.dose-increase@3,opioid.benzodiazepine@5,opioid.cns-depressant@4,medication.serotonergic-combination@3,opioid.er-opioid-naive@1,opioid.fentanyl-tolerance@2,opioid.er-tolerance@3,opioid.buprenorphine-start@1,opioid.acute-prescription@2,opioid.naloxone@4,opioid.pdmp-review@3,opioid.toxicology@4,opioid.use-disorder@7,opioid.not-recommended@8,opioid.pregnancy@4,opioid.taper-plan@7,opioid.stop-order@4,opioid.rapid-reduction@2,medication.nsaid-contraindicated@4,medication.nsaid-long-term@2,medication.duloxetine-contraindicated@5,medication.gabapentinoid-caution@3,medication.older-adult-sleeping-pill@2,medication.stop-gradually@4,harm.bed-rest@1,conservative.low-adherence@4,coverage.pt-visit-limit@1,ladder.acute-care@7,ladder.conservative@6,ladder.pharmacologic@9,ladder.interventional@10,medication.nsaid-caution@4,medication.duloxetine-caution@7,screening.mood@1,avoid.bed-rest@2,avoid.opioid@4,avoid.imaging@4,avoid.nsaid@8,avoid.manipulation-alone@2,avoid.massage-alone@2,avoid.epidural-as-fix@3,avoid.facet-injection@2,avoid.acetaminophen-alone@7,avoid.systemic-steroids@3,avoid.benzodiazepine@4,avoid.gabapentinoid@3,avoid.tricyclic@3,avoid.muscle-relaxant-chronic@2,avoid.muscle-relaxant-older-adult@2,avoid.duloxetine-after-trial@2,avoid.snri-uk@3,avoid.acupuncture-uk@2",
        "rules": 65,
      }
    `);
  });
});
