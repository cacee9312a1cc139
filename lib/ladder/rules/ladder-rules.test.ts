import { describe, expect, it } from "vitest";
import { avoided, DULOXETINE_FAILED, NSAID_FAILED, PT_ADEQUATE_NO_RESPONSE, run, therapies, traceOf } from "../../../tests/support/assessment";

const startBack = { low: [0, 0, 1, 0, 0, 0, 0, 0, 0], medium: [1, 1, 1, 1, 0, 0, 0, 0, 1], high: [1, 1, 0, 0, 1, 1, 1, 1, 0] };
const ALL_TRIED = [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, DULOXETINE_FAILED];

describe("the conservative rung", () => {
  it("says in one clause why it starts where it does when STarT Back is not recorded", () => {
    expect(run().ladder.rationale).toBe("Start with non-drug care: STarT Back not recorded, so physical therapy as the default first step for chronic pain.");
    expect(run({ pain: { durationWeeks: 3 } }).ladder.rationale).toBe("Not yet chronic: reassure, keep active and match care to risk (STarT Back not recorded, so advice to stay active and self-management, reassessing risk if pain persists).");
  });

  it.each([
    ["low", "self-management"],
    ["medium", "physical-therapy"],
    ["high", "psychologically-informed-pt"],
  ] as const)("STarT Back %s risk leads with %s", (risk, first) => {
    const out = run({ screening: { startBack: startBack[risk] } });
    expect(out.classification.startBack?.risk).toBe(risk);
    expect(out.ladder.step).toBe("conservative");
    expect(therapies(out)[0]).toBe(first);
  });

  it("defaults to physical therapy when STarT Back was not recorded, and says so", () => {
    const out = run();
    expect(therapies(out)[0]).toBe("physical-therapy");
    expect(traceOf(out, "ladder.conservative").because).toMatch(/STarT Back not recorded/);
  });

  it("steps up from self-management to PT when an adequate self-management trial did not help (low risk)", () => {
    const out = run({ screening: { startBack: startBack.low }, treatments: [{ therapy: "self-management", status: "completed", weeks: 10, adherencePercent: 80, response: "none" }] });
    expect(therapies(out)[0]).toBe("physical-therapy");
  });

  it("keeps going while PT is under way", () => {
    const out = run({ treatments: [{ therapy: "physical-therapy", status: "current", weeks: 3, adherencePercent: 90 }] });
    expect(out.ladder.step).toBe("conservative");
    expect(out.next[0]?.title).toMatch(/^Continue/);
  });

  it("maintains self-management when PT worked", () => {
    const out = run({ treatments: [{ ...PT_ADEQUATE_NO_RESPONSE, response: "good" }] });
    expect(therapies(out)[0]).toBe("self-management");
    expect(therapies(out)).not.toContain("nsaid");
  });

  it("matches the PT program to the classification", () => {
    const extension = run({ pain: { aggravatedBy: ["flexion"], directionalPreference: "extension" } });
    expect(extension.classification.tbcSubgroup).toBe("specific-exercise-extension");
    expect(extension.next[0]?.detail).toMatch(/extension-biased/);
    expect(run({ pain: { aggravatedBy: ["sitting"] } }).classification.tbcSubgroup).toBe("stabilization");
    expect(run({ pain: { aggravatedBy: ["walking", "standing"] } }).classification.tbcSubgroup).toBe("specific-exercise-flexion");
    expect(run({ pain: { radicular: true, distribution: "below-knee" } }).classification.tbcSubgroup).toBe("traction");
    expect(run({ pain: { directionalPreference: "lateral-shift" } }).classification.tbcSubgroup).toBe("lateral-shift");
    expect(run({ pain: { durationWeeks: 1, distribution: "back-only" } }).classification.tbcSubgroup).toBe("manipulation");
    expect(run().classification.tbcSubgroup).toBeNull();
  });
});

describe("the medication rung", () => {
  it("adds an NSAID to exercise after an adequate PT trial failed", () => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE] });
    expect(out.ladder.step).toBe("pharmacologic");
    expect(therapies(out).slice(0, 2)).toEqual(["nsaid", "home-exercise"]);
    expect(traceOf(out, "ladder.pharmacologic").because).toMatch(/tried adequately/);
  });

  it("moves to duloxetine after NSAIDs (us)", () => {
    expect(therapies(run({ treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED] }))[0]).toBe("duloxetine");
  });

  it("keeps duloxetine that is helping after an adequate trial, without judging it again at 6 weeks", () => {
    const duloxetineCourse = (weeks: number, response: "good" | "too-early") => ({ therapy: "duloxetine" as const, status: "current" as const, weeks, response });
    const helping = run({ treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, duloxetineCourse(10, "good")], medications: [{ drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }] }).next[0];
    expect(helping?.title).toBe("Continue duloxetine: it is helping");
    expect(helping?.detail).not.toMatch(/judge it at 6 weeks/);
    expect(helping?.detail).toMatch(/any later reduction is gradual, over at least 2 weeks/);
    expect(helping?.evidence.map((e) => e.sourceId)).toContain("duloxetine-label");
    const early = run({ treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED, duloxetineCourse(3, "too-early")], medications: [{ drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }] }).next[0];
    expect(early?.title).toBe("Continue duloxetine and judge it at 6 weeks");
  });

  it("never offers duloxetine in the uk profile, and shows the disagreement", () => {
    const out = run({ profile: "uk", treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED] });
    expect(therapies(out)).not.toContain("duloxetine");
    expect(avoided(out)).toContain("duloxetine");
    expect(out.profileDifferences.find((d) => d.therapy === "duloxetine")?.evidence.map((e) => e.sourceId)).toEqual(["acp-2017", "nice-ng59"]);
  });

  it("keeps an NSAID trial under way", () => {
    const out = run({ treatments: [PT_ADEQUATE_NO_RESPONSE, { therapy: "nsaid", status: "current", weeks: 1 }] });
    expect(out.next[0]).toMatchObject({ therapy: "nsaid", title: expect.stringMatching(/^Continue/) });
  });

  it("does not escalate past a medicine that was stopped too soon", () => {
    expect(therapies(run({ treatments: [PT_ADEQUATE_NO_RESPONSE, { therapy: "nsaid", status: "stopped", weeks: 1, response: "none" }] }))[0]).toBe("nsaid");
  });
});

describe("mild pain after the conservative rung was tried: no new medicine or procedure", () => {
  const mild = (intensity: number) => ({ durationWeeks: 26, intensity });

  it("PT recorded as not helping, with pain at 2/10: the routine continues, no NSAID", () => {
    const out = run({ pain: mild(2), treatments: [PT_ADEQUATE_NO_RESPONSE] });
    expect(out.ladder.step).toBe("conservative");
    expect(therapies(out)).toEqual(["self-management", "home-exercise"]);
    expect(out.next[0]?.title).toBe("Keep up the self-management routine");
    expect(out.ladder.rationale).toMatch(/pain is mild now \(2\/10\): a medicine would add its risks for little gain.*review if the pain reaches 4\/10 or more/);
    expect(traceOf(out, "ladder.pharmacologic")).toMatchObject({ outcome: "fired", because: expect.stringMatching(/pain is mild \(2\/10\): no new medicine is needed/) });
    expect(avoided(out)).not.toContain("acetaminophen");
  });

  it("medicines tried too, with pain at 3/10: no procedure", () => {
    const out = run({ pain: mild(3), treatments: ALL_TRIED });
    expect(out.ladder.step).toBe("conservative");
    expect(therapies(out)[0]).toBe("self-management");
    expect(out.next[0]?.title).toBe("Keep up the self-management routine");
    expect(traceOf(out, "ladder.interventional").because).toMatch(/pain is mild \(3\/10\): no procedure is needed/);
  });

  it("an NSAID that is helping keeps going at mild pain: the pain is mild because of it", () => {
    const out = run({ pain: mild(2), treatments: [PT_ADEQUATE_NO_RESPONSE, { therapy: "nsaid", status: "current", weeks: 4, response: "good" }], medications: [{ drug: "naproxen", doseMg: 500, dosesPerDay: 2 }] });
    expect(out.ladder.step).toBe("pharmacologic");
    expect(therapies(out)[0]).toBe("nsaid");
  });

  it("at 4/10 the ladder moves up as before", () => {
    expect(run({ pain: mild(4), treatments: [PT_ADEQUATE_NO_RESPONSE] }).ladder.step).toBe("pharmacologic");
  });
});

describe("the interventional rung", () => {
  it("is reached only when conservative care and medicines were tried", () => {
    expect(run({ pain: { radicular: true }, treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED] }).ladder.step).toBe("pharmacologic");
    const out = run({ pain: { radicular: true, distribution: "below-knee" }, treatments: ALL_TRIED });
    expect(out.ladder.step).toBe("interventional");
    expect(therapies(out)).toEqual(["epidural-steroid-injection", "home-exercise", "imaging"]);
    expect(avoided(out)).not.toContain("imaging");
    expect(traceOf(out, "ladder.interventional").because).toMatch(/tried adequately.*medication step tried or unsafe/);
  });

  it("goes to a surgical opinion for chronic sciatica in the uk profile", () => {
    expect(therapies(run({ profile: "uk", pain: { radicular: true }, treatments: [PT_ADEQUATE_NO_RESPONSE, NSAID_FAILED] }))[0]).toBe("spine-surgery-referral");
  });

  it("walks radicular care from injection to surgical opinion to stimulation", () => {
    const radicular = { radicular: true };
    const esi = { therapy: "epidural-steroid-injection" as const, status: "completed" as const, response: "none" as const };
    const surgery = { therapy: "spine-surgery-referral" as const, status: "completed" as const, response: "none" as const };
    expect(therapies(run({ pain: radicular, treatments: [...ALL_TRIED, esi] }))[0]).toBe("spine-surgery-referral");
    expect(therapies(run({ pain: radicular, treatments: [...ALL_TRIED, esi, surgery] }))[0]).toBe("spinal-cord-stimulator");
  });

  it("offers spinal cord stimulation only after 6 months of pain (NICE TA159)", () => {
    const radicular = { radicular: true };
    const esi = { therapy: "epidural-steroid-injection" as const, status: "completed" as const, response: "none" as const };
    const surgery = { therapy: "spine-surgery-referral" as const, status: "completed" as const, response: "none" as const };
    const at14 = run({ pain: { ...radicular, durationWeeks: 14 }, treatments: [...ALL_TRIED, esi, surgery] });
    expect(therapies(at14)).not.toContain("spinal-cord-stimulator");
    expect(therapies(at14)[0]).toBe("multidisciplinary-rehabilitation");
    expect(traceOf(at14, "ladder.interventional").because).toMatch(/14 weeks of pain is under the 26 weeks/);
    expect(therapies(run({ pain: { ...radicular, durationWeeks: 25 }, treatments: [...ALL_TRIED, esi, surgery] }))).not.toContain("spinal-cord-stimulator");
    const at26 = run({ pain: { ...radicular, durationWeeks: 26 }, treatments: [...ALL_TRIED, esi, surgery] });
    expect(at26.next[0]).toMatchObject({ therapy: "spinal-cord-stimulator", detail: expect.stringMatching(/successful trial/) });
  });

  it("waits for a surgical opinion that is still under way instead of moving on to stimulation", () => {
    const radicular = { radicular: true };
    const esi = { therapy: "epidural-steroid-injection" as const, status: "completed" as const, response: "none" as const };
    const pending = { therapy: "spine-surgery-referral" as const, status: "current" as const, weeks: 10 };
    const out = run({ pain: { ...radicular, durationWeeks: 60 }, treatments: [...ALL_TRIED, esi, pending] });
    expect(therapies(out)).not.toContain("spinal-cord-stimulator");
    expect(out.next[0]).toMatchObject({ therapy: "spine-surgery-referral", title: expect.stringMatching(/under way/) });
    expect(traceOf(out, "ladder.interventional").because).toMatch(/awaiting its result/);
  });

  it("walks localized axial pain from a medial branch block to denervation", () => {
    const localized = { localized: true, intensity: 6 };
    expect(therapies(run({ pain: localized, treatments: ALL_TRIED }))[0]).toBe("medial-branch-block");
    const positive = { therapy: "medial-branch-block" as const, status: "completed" as const, response: "good" as const };
    expect(therapies(run({ pain: localized, treatments: [...ALL_TRIED, positive] }))[0]).toBe("radiofrequency-denervation");
    const negative = { ...positive, response: "none" as const };
    expect(therapies(run({ pain: localized, treatments: [...ALL_TRIED, negative] }))[0]).toBe("multidisciplinary-rehabilitation");
  });

  it("needs moderate or severe pain (5/10) for denervation", () => {
    expect(therapies(run({ pain: { localized: true, intensity: 4 }, treatments: ALL_TRIED }))[0]).toBe("multidisciplinary-rehabilitation");
    expect(therapies(run({ pain: { localized: true, intensity: 5 }, treatments: ALL_TRIED }))[0]).toBe("medial-branch-block");
  });

  it("sends other axial pain to combined rehabilitation", () => {
    expect(therapies(run({ treatments: ALL_TRIED }))[0]).toBe("multidisciplinary-rehabilitation");
  });

  it("speaks of a procedure beside the home program only when the rung chose one", () => {
    const homeDetail = (out: ReturnType<typeof run>) => out.next.find((s) => s.therapy === "home-exercise")?.detail;
    const rehabilitation = run({ treatments: ALL_TRIED });
    expect(homeDetail(rehabilitation)).toMatch(/^Between sessions and after the program: the program's exercises every day/);
    expect(homeDetail(rehabilitation)).not.toMatch(/procedure/);
    expect(homeDetail(run({ pain: { localized: true, intensity: 6 }, treatments: ALL_TRIED }))).toMatch(/^Keep exercising through the procedure and after it: the program's exercises every day/);
  });
});

describe("acute and subacute pain", () => {
  it("leads with self-management and heat (us) when risk is unknown, with an NSAID if a medicine is wanted", () => {
    const out = run({ pain: { durationWeeks: 2, intensity: 6 } });
    expect(therapies(out)).toEqual(["self-management", "home-exercise", "heat", "nsaid"]);
    expect(out.ladder.step).toBe("conservative");
  });

  it.each([
    ["acute, us", { pain: { durationWeeks: 2, intensity: 6 } }],
    ["subacute, uk", { profile: "uk" as const, pain: { durationWeeks: 8, intensity: 6 } }],
  ])("%s: the NSAID option is a short course, citing ACP 2017 rec. 1 and NICE, and is never on the avoid list", (_label, overrides) => {
    const out = run(overrides);
    const option = out.next.find((s) => s.therapy === "nsaid");
    expect(option?.title).toMatch(/If a medicine is wanted/);
    expect(option?.detail).toMatch(/lowest dose/);
    expect(option?.evidence.map((e) => e.sourceId)).toEqual(["acp-2017", "nice-ng59"]);
    expect(out.avoid.map((a) => a.therapy)).not.toContain("nsaid");
  });

  it.each([
    ["pregnancy", { patient: { ageYears: 30, pregnant: true } }, "pregnancy"],
    ["eGFR 25", { labs: { egfr: 25 } }, "eGFR 25"],
    ["a GI bleed", { conditions: ["gi-bleed-history" as const] }, "history of GI bleeding"],
  ])("acute pain with %s: no NSAID option, and the trace says why", (_label, overrides, reason) => {
    const out = run({ pain: { durationWeeks: 2, intensity: 6 }, ...overrides });
    expect(therapies(out)).not.toContain("nsaid");
    expect(traceOf(out, "ladder.acute-care").because).toContain(`no NSAID: unsafe here (${reason}`);
  });

  it("acute pain at 70: the NSAID option carries the older adult's cautions", () => {
    const option = run({ patient: { ageYears: 70 }, pain: { durationWeeks: 2, intensity: 6 } }).next.find((s) => s.therapy === "nsaid");
    expect(option?.detail).toMatch(/proton-pump inhibitor/);
  });

  it("acute pain already treated with an NSAID: keep it to a short course", () => {
    const out = run({ pain: { durationWeeks: 2, intensity: 6 }, medications: [{ drug: "ibuprofen", doseMg: 400, dosesPerDay: 3 }] });
    expect(out.next.find((s) => s.therapy === "nsaid")?.title).toBe("Keep the NSAID to a short course");
  });

  it.each([
    [7, true],
    [6, false],
  ])("uk acute sciatica at %i/10: epidural offered %s (NICE exception)", (intensity, offered) => {
    const out = run({ profile: "uk", pain: { durationWeeks: 3, intensity, radicular: true, distribution: "below-knee" } });
    expect(therapies(out).includes("epidural-steroid-injection")).toBe(offered);
    expect(out.ladder.step).toBe("conservative");
  });

  it("never offers the acute epidural in the us profile", () => {
    expect(therapies(run({ pain: { durationWeeks: 3, intensity: 9, radicular: true } }))).not.toContain("epidural-steroid-injection");
  });
});

describe("special situations", () => {
  it("offers duloxetine beside the first NSAID for neuropathic pain (us only)", () => {
    const neuropathic = { neuropathicQuality: true };
    expect(therapies(run({ pain: neuropathic, treatments: [PT_ADEQUATE_NO_RESPONSE] })).slice(0, 4)).toEqual(["nsaid", "home-exercise", "self-management", "duloxetine"]);
    expect(therapies(run({ profile: "uk", pain: neuropathic, treatments: [PT_ADEQUATE_NO_RESPONSE] }))).not.toContain("duloxetine");
    expect(therapies(run({ treatments: [PT_ADEQUATE_NO_RESPONSE] }))).not.toContain("duloxetine");
  });

  it("in pregnancy skips NSAIDs and duloxetine and no procedure is suggested", () => {
    const out = run({ patient: { ageYears: 31, pregnant: true }, pain: { radicular: true }, treatments: [PT_ADEQUATE_NO_RESPONSE] });
    expect(out.alerts.find((a) => a.code === "nsaid-contraindicated")?.summary).toMatch(/pregnancy/);
    expect(therapies(out)).not.toContain("nsaid");
    expect(therapies(out)).not.toContain("duloxetine");
    expect(therapies(out)[0]).toBe("multidisciplinary-rehabilitation");
    expect(out.next.some((s) => s.step === "interventional")).toBe(false);
    expect(traceOf(out, "ladder.interventional").because).toMatch(/pregnancy/);
  });

  it("at 70 with a fall risk, an NSAID with care rather than a skipped rung", () => {
    const out = run({ patient: { ageYears: 70 }, conditions: ["fall-risk"], treatments: [PT_ADEQUATE_NO_RESPONSE] });
    expect(out.ladder.step).toBe("pharmacologic");
    expect(therapies(out)[0]).toBe("nsaid");
    expect(out.next[0]?.detail).toMatch(/proton-pump inhibitor/);
  });
});

describe("after a procedure that works", () => {
  it("keeps exercising rather than moving to the next procedure", () => {
    const esi = { therapy: "epidural-steroid-injection" as const, status: "completed" as const, response: "good" as const };
    const out = run({ pain: { radicular: true }, treatments: [...ALL_TRIED, esi] });
    expect(therapies(out)[0]).toBe("self-management");
    expect(therapies(out)).not.toContain("spine-surgery-referral");
    expect(traceOf(out, "ladder.interventional").because).toMatch(/good response/);
  });
});

describe("a needle procedure for someone on an anticoagulant comes with the plan for it (ASRA 2018)", () => {
  const refractory = { treatments: [PT_ADEQUATE_NO_RESPONSE, DULOXETINE_FAILED] };
  const planOf = (detail: string | undefined) => /plan with its prescriber whether and when to pause it before the procedure/.test(detail ?? "");

  it.each([
    ["medial branch block for localized pain", { ...refractory, pain: { durationWeeks: 40, intensity: 7, localized: true } }, "medial-branch-block"],
    ["epidural for radicular pain", { ...refractory, pain: { durationWeeks: 40, intensity: 7, radicular: true } }, "epidural-steroid-injection"],
    ["uk: epidural for acute severe sciatica", { profile: "uk" as const, pain: { durationWeeks: 2, intensity: 8, radicular: true } }, "epidural-steroid-injection"],
  ])("%s", (_label, overrides, therapy) => {
    const withAnticoagulant = run({ ...overrides, conditions: ["anticoagulant-use"] }).next.find((s) => s.therapy === therapy);
    expect(planOf(withAnticoagulant?.detail)).toBe(true);
    expect(withAnticoagulant?.evidence.map((e) => e.sourceId)).toContain("asra-2018-pain-procedures");
    expect(withAnticoagulant?.detail).not.toMatch(/\bstop\b/);
    // Without one, the same procedure says nothing of it (an NSAID then comes first, so it is ruled out as unsafe here).
    const without = run({ ...overrides, conditions: ["gi-bleed-history"] }).next.find((s) => s.therapy === therapy);
    expect(without).toBeDefined();
    expect(planOf(without?.detail)).toBe(false);
    expect(without?.evidence.map((e) => e.sourceId)).not.toContain("asra-2018-pain-procedures");
  });
});
