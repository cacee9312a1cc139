import { describe, expect, it } from "vitest";
import { avoided, PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, run, type Overrides } from "../../../tests/support/assessment";

// Only what applies to this patient: what they take or are ordered, or what people at their stage are offered next.

describe("muscle relaxants at 65 or over (Beers 2023)", () => {
  const cyclobenzaprine = { drug: "cyclobenzaprine" as const, doseMg: 10, dosesPerDay: 3 };
  it("lists one taken for acute pain by an 80-year-old, saying why at that age and citing Beers", () => {
    const out = run({ patient: { ageYears: 80 }, pain: { durationWeeks: 2, intensity: 6 }, medications: [cyclobenzaprine] });
    const entry = out.avoid.find((a) => a.therapy === "muscle-relaxant");
    expect(entry?.reason).toMatch(/^Takes: cyclobenzaprine\. At 80, muscle relaxants are poorly tolerated/);
    expect(entry?.evidence.map((e) => e.sourceId)).toEqual(["beers-2023"]);
    expect(entry?.ruleId).toBe("avoid.muscle-relaxant-older-adult");
  });

  it("leaves it out at 64, where ACP 2017 counts a muscle relaxant among the options for acute pain", () => {
    expect(avoided(run({ patient: { ageYears: 64 }, pain: { durationWeeks: 2, intensity: 6 }, medications: [cyclobenzaprine] }))).not.toContain("muscle-relaxant");
  });
});

describe("benzodiazepines at 65 or over (Beers 2023)", () => {
  it("adds the older adult's risks and Beers to the entry, and leaves them out below 65", () => {
    const diazepam = { drug: "diazepam" as const, doseMg: 5, dosesPerDay: 2 };
    const older = run({ patient: { ageYears: 75 }, medications: [diazepam] }).avoid.find((a) => a.therapy === "benzodiazepine");
    expect(older?.reason).toMatch(/At 75 they also bring confusion, falls and fractures\.$/);
    expect(older?.evidence.map((e) => e.sourceId)).toContain("beers-2023");
    const younger = run({ patient: { ageYears: 50 }, medications: [diazepam] }).avoid.find((a) => a.therapy === "benzodiazepine");
    expect(younger?.reason).not.toMatch(/falls/);
    expect(younger?.evidence.map((e) => e.sourceId)).not.toContain("beers-2023");
  });
});

describe("what to avoid", () => {
  it("for a first chronic visit with nothing tried: bed rest, starting an opioid and imaging, each saying why", () => {
    const out = run();
    expect(avoided(out)).toEqual(["bed-rest", "opioid", "imaging"]);
    expect(out.avoid.find((a) => a.therapy === "imaging")?.reason).toMatch(/^No red flags recorded\./);
    expect(out.avoid.find((a) => a.therapy === "opioid")?.reason).toMatch(/^With pain at 6\/10, an opioid may be asked for or offered\./);
    for (const entry of out.avoid) expect(entry.evidence.length).toBeGreaterThan(0);
  });

  it.each<[string, Overrides, string, RegExp]>([
    ["a benzodiazepine taken", { medications: [{ drug: "lorazepam", doseMg: 1, dosesPerDay: 1 }] }, "benzodiazepine", /^Takes: lorazepam\./],
    ["a gabapentinoid taken", { medications: [{ drug: "pregabalin", doseMg: 75, dosesPerDay: 2 }] }, "gabapentinoid", /^Takes: pregabalin\./],
    ["radicular pain (gabapentinoids are offered for it)", { pain: { radicular: true } }, "gabapentinoid", /often offered for leg or burning pain/],
    ["radicular pain (oral steroids are tried for it)", { pain: { radicular: true } }, "oral-corticosteroid", /often tried for sciatica/],
    ["radicular pain (epidurals are offered for it)", { pain: { radicular: true } }, "epidural-steroid-injection", /often offered for sciatica/],
    ["prednisone taken", { medications: [{ drug: "prednisone", doseMg: 5, dosesPerDay: 1 }] }, "oral-corticosteroid", /^Takes: prednisone\./],
    ["burning pain (tricyclics are offered for it)", { pain: { neuropathicQuality: true } }, "tricyclic", /burning or electric pain/],
    ["acetaminophen taken", { medications: [{ drug: "acetaminophen", doseMg: 1000, dosesPerDay: 3 }] }, "acetaminophen", /^Takes: acetaminophen\./],
    ["medicines being chosen after PT", { treatments: [PT_ADEQUATE_NO_RESPONSE] }, "acetaminophen", /Medicines are being chosen/],
    ["paracetamol in pregnancy, as the short-term painkiller it still is there", { patient: { ageYears: 30, pregnant: true }, treatments: [PT_ADEQUATE_NO_RESPONSE] }, "acetaminophen", /In pregnancy it is still the usual choice when a painkiller is needed for a short time/],
    ["localized pain (facet injections are offered for it)", { pain: { localized: true } }, "facet-joint-injection", /facet injections/],
    ["a muscle relaxant taken for chronic pain", { medications: [{ drug: "cyclobenzaprine", doseMg: 10, dosesPerDay: 3 }] }, "muscle-relaxant", /^Takes: cyclobenzaprine\./],
    ["an NSAID that is unsafe (eGFR 22)", { labs: { egfr: 22 } }, "nsaid", /^Unsafe for this patient \(eGFR 22/],
    ["an NSAID in pregnancy, with the painkiller usual there", { patient: { ageYears: 30, pregnant: true }, pain: { durationWeeks: 2 } }, "nsaid", /^Unsafe for this patient \(pregnancy\).*acetaminophen for a short time is the usual choice, agreed with the midwife or obstetric team\.$/],
    ["a daily NSAID for chronic pain", { medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] }, "nsaid", /^Takes: naproxen for chronic pain\./],
    [
      "duloxetine ordered after an adequate duloxetine trial did not help (us)",
      { treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, { therapy: "duloxetine" as const, status: "stopped" as const, weeks: 8, response: "none" as const }], orders: [{ action: "new" as const, medication: { drug: "duloxetine" as const, doseMg: 60, dosesPerDay: 1 } }] },
      "duloxetine",
      /^Ordered at this visit: duloxetine, after an adequate duloxetine trial did not help \(duloxetine \(stopped, 8 weeks, response none\).*More duloxetine is unlikely to help/,
    ],
    [
      "an NSAID ordered after an adequate NSAID trial did not help, even as needed",
      { treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED], orders: [{ action: "new" as const, medication: { drug: "naproxen" as const, doseMg: 500, dosesPerDay: 2, prn: true } }] },
      "nsaid",
      /^Ordered at this visit: naproxen after an adequate NSAID trial did not help \(NSAID \(stopped, 6 weeks, response none\).*\)\. More of an NSAID is unlikely to help where an adequate trial did not/,
    ],
    ["an opioid at mild pain, as the question it is", { pain: { intensity: 2 } }, "opioid", /^Commonly asked about for back pain\. Opioids are not a treatment/],
    ["an opioid at moderate pain, with the pain that prompts it", { pain: { intensity: 4 } }, "opioid", /^With pain at 4\/10, an opioid may be asked for or offered\./],
    ["an opioid already taken", { medications: [{ drug: "oxycodone", doseMg: 5, dosesPerDay: 2 }] }, "opioid", /^Already takes an opioid/],
    ["an opioid ordered", { orders: [{ action: "new", medication: { drug: "hydrocodone", doseMg: 5, dosesPerDay: 3 } }] }, "opioid", /^An opioid is ordered at this visit/],
    ["bed rest recorded", { treatments: [{ therapy: "bed-rest", status: "current" }] }, "bed-rest", /^Bed rest is recorded as current\./],
    ["an NSAID recorded as current with no medicine listed", { treatments: [{ therapy: "nsaid", status: "current" }] }, "nsaid", /^An NSAID is recorded as current for chronic pain\. Daily NSAIDs/],
    ["a muscle relaxant recorded as current", { treatments: [{ therapy: "muscle-relaxant", status: "current" }] }, "muscle-relaxant", /^A muscle relaxant is recorded as current\. Muscle relaxants/],
  ])("lists %s, saying why it applies", (_label, overrides, therapy, why) => {
    const entry = run(overrides).avoid.find((a) => a.therapy === therapy);
    expect(entry?.reason).toMatch(why);
  });

  it.each<[string, Overrides, string]>([
    ["duloxetine taken after a trial with a partial response (us)", { treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, { therapy: "duloxetine", status: "current", weeks: 8, response: "partial" }], medications: [{ drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }] }, "duloxetine"],
    ["gabapentinoids for back-only pain without burning", {}, "gabapentinoid"],
    ["benzodiazepines for someone not taking one", {}, "benzodiazepine"],
    ["a muscle relaxant for acute pain (ACP suggests one)", { pain: { durationWeeks: 2 }, medications: [{ drug: "cyclobenzaprine", doseMg: 5, dosesPerDay: 3 }] }, "muscle-relaxant"],
    ["NSAIDs for acute pain (ACP suggests them)", { pain: { durationWeeks: 2 }, medications: [{ drug: "ibuprofen", doseMg: 400, dosesPerDay: 3 }] }, "nsaid"],
    ["an as-needed NSAID", { medications: [{ drug: "ibuprofen", doseMg: 400, dosesPerDay: 3, prn: true }] }, "nsaid"],
    ["starting an opioid with cancer pain", { conditions: ["active-cancer"] }, "opioid"],
    ["imaging with a red flag recorded", { redFlags: ["night-pain"] }, "imaging"],
  ])("leaves out %s", (_label, overrides, therapy) => {
    expect(avoided(run(overrides))).not.toContain(therapy);
  });

  it.each<[string, Overrides]>([
    ["acute pain with manipulation under way", { pain: { durationWeeks: 2 }, treatments: [{ therapy: "spinal-manipulation", status: "current" }] }],
    ["chronic pain with manipulation under way", { treatments: [{ therapy: "spinal-manipulation", status: "current" }] }],
    ["acute pain with massage under way", { pain: { durationWeeks: 2 }, treatments: [{ therapy: "massage", status: "current" }] }],
  ])("us profile never lists what ACP 2017 recommends: %s", (_label, overrides) => {
    const out = run(overrides);
    expect(avoided(out)).not.toContain("spinal-manipulation");
    expect(avoided(out)).not.toContain("massage");
  });

  it("us profile: massage on its own for chronic pain is listed, beside exercise it is not", () => {
    expect(avoided(run({ treatments: [{ therapy: "massage", status: "current" }] }))).toContain("massage");
    expect(avoided(run({ treatments: [{ therapy: "massage", status: "current" }, { therapy: "home-exercise", status: "current" }] }))).not.toContain("massage");
  });

  it("uk profile: the opioid entry gives NICE's position for the patient's stage (weak opioids only, as a fallback, before 12 weeks)", () => {
    const acute = run({ profile: "uk", pain: { durationWeeks: 3 } }).avoid.find((a) => a.therapy === "opioid");
    expect(acute?.reason).toMatch(/For pain of under 12 weeks NICE considers only a weak opioid, and only when an NSAID cannot be used/);
    expect(acute?.evidence.map((e) => e.claim).join(" ")).toMatch(/weak opioids/);
    const chronic = run({ profile: "uk" }).avoid.find((a) => a.therapy === "opioid");
    expect(chronic?.reason).toMatch(/^With pain at 6\/10, an opioid may be asked for or offered\. NICE advises against opioids for chronic low back pain/);
  });

  it("uk profile: an epidural for chronic sciatica is listed with NICE's limit (acute and severe only), not as the next rung to wait for", () => {
    const chronic = run({ profile: "uk", pain: { radicular: true, distribution: "below-knee" }, treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED] });
    expect(chronic.avoid.find((a) => a.therapy === "epidural-steroid-injection")?.reason).toMatch(/NICE offers an epidural only for acute and severe sciatica/);
    const us = run({ pain: { radicular: true, distribution: "below-knee" } });
    expect(us.avoid.find((a) => a.therapy === "epidural-steroid-injection")?.reason).toMatch(/come only after exercise and medicines have been tried/);
  });

  it("uk profile: manual therapy only within an exercise package (NICE), and NICE's own 'do not offer' list where it applies", () => {
    const alone = run({ profile: "uk", treatments: [{ therapy: "spinal-manipulation", status: "current" }, { therapy: "acupuncture", status: "completed", weeks: 6, response: "none" }] });
    expect(avoided(alone)).toEqual(expect.arrayContaining(["spinal-manipulation", "acupuncture"]));
    expect(alone.avoid.find((a) => a.therapy === "spinal-manipulation")?.evidence[0]?.sourceId).toBe("nice-ng59");
    const withExercise = run({ profile: "uk", treatments: [{ therapy: "spinal-manipulation", status: "current" }, { therapy: "physical-therapy", status: "current", weeks: 2 }] });
    expect(avoided(withExercise)).not.toContain("spinal-manipulation");
    const afterNsaid = run({ profile: "uk", treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED] });
    expect(avoided(afterNsaid)).toContain("duloxetine");
    expect(afterNsaid.avoid.find((a) => a.therapy === "opioid")?.evidence[0]?.sourceId).toBe("nice-ng59");
    expect(afterNsaid.profileDifferences.map((d) => d.therapy)).toEqual(expect.arrayContaining(["duloxetine", "opioid"]));
  });

  it("never lists a therapy the same evaluation suggests", () => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE], medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] });
    expect(out.next[0]?.therapy).toBe("nsaid");
    expect(avoided(out)).not.toContain("nsaid");
  });

  it("lists nothing while the ladder is suspended", () => {
    expect(run({ redFlags: ["cancer-history"] }).avoid).toEqual([]);
  });
});

describe("the NSAID entry names the usual painkiller only in pregnancy, by the name the profile uses", () => {
  it.each<[string, Overrides, string | null]>([
    ["pregnant, acute pain", { patient: { ageYears: 30, pregnant: true }, pain: { durationWeeks: 2 } }, "acetaminophen"],
    ["pregnant, chronic pain after PT", { patient: { ageYears: 30, pregnant: true }, treatments: [PT_ADEQUATE_NO_RESPONSE] }, "acetaminophen"],
    ["pregnant, uk profile", { profile: "uk", patient: { ageYears: 30, pregnant: true }, pain: { durationWeeks: 2 } }, "paracetamol"],
    ["eGFR 22, not pregnant", { labs: { egfr: 22 } }, null],
    ["heart failure, not pregnant", { conditions: ["heart-failure"] }, null],
  ])("%s", (_label, overrides, named) => {
    const entry = run(overrides).avoid.find((a) => a.therapy === "nsaid");
    expect(entry?.reason.match(/acetaminophen|paracetamol/)?.[0] ?? null).toBe(named);
  });
});

describe("acetaminophen's entry", () => {
  it.each([
    ["us", "Acetaminophen on its own"],
    ["uk", "Paracetamol on its own"],
  ] as const)("under the %s profile names the drug as its clinicians do", (profile, opening) => {
    const entry = run({ profile, treatments: [PT_ADEQUATE_NO_RESPONSE] }).avoid.find((a) => a.therapy === "acetaminophen");
    expect(entry?.reason).toContain(opening);
  });

  it("says nothing of pregnancy and cites only the back pain guidance", () => {
    const entry = run({ treatments: [PT_ADEQUATE_NO_RESPONSE] }).avoid.find((a) => a.therapy === "acetaminophen");
    expect(entry?.reason).not.toMatch(/pregnancy/);
    expect(entry?.evidence.map((e) => e.sourceId)).toEqual(["nice-ng59", "acp-2017"]);
  });

  it("in pregnancy cites the FDA's advice beside it", () => {
    const entry = run({ patient: { ageYears: 30, pregnant: true }, treatments: [PT_ADEQUATE_NO_RESPONSE] }).avoid.find((a) => a.therapy === "acetaminophen");
    expect(entry?.evidence.map((e) => e.sourceId)).toEqual(["nice-ng59", "acp-2017", "fda-2020-nsaid-pregnancy"]);
  });
});
