import { randomUUID } from "node:crypto";
import type { Db } from "../lib/db/prisma-client";
import type { Prisma } from "../lib/db/generated/client";
import { hashPassword } from "../lib/auth/password";
import { addDays, toIsoDate } from "../lib/dates";
import { seededRandom } from "../lib/seeded-random";
import { assessmentSchema } from "../lib/ladder/assessment-schema";
import { completeSupply, defaultSupply } from "../lib/encounters/supply";
import { MCID, outcomeChange, type DischargeOutcome } from "../lib/referrals/outcomes";
import type { DischargeSummary } from "../lib/referrals/referral-dto";
import { evaluate } from "../lib/ladder/evaluate";
import { deriveMissingFacts } from "../lib/measures/fact-store";
import { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP_SECRET, DEMO_ORGANIZATION, DEMO_PASSWORD, OTHER_CLINIC_THERAPIST, OTHER_PRACTICE_CLINICIAN } from "./demo-accounts";
import { encryptTotpSecret } from "../lib/auth/totp";

// Demo data: one organization with two primary care practices and two PT clinics, one user per role (and a second
// clinician and therapist), and 42 synthetic patients with a year of history, dated relative to `today`; each signed
// encounter stores the recommendation the engine gives for its assessment and the answers to its critical alerts.
// The people are invented; the
// sequence is fixed (a seeded generator), so every demo database tells the same stories.

type Json = Prisma.InputJsonValue;
type Medication = { drug: string; form?: "ir" | "er" | "patch"; doseMg?: number; dosesPerDay?: number; mcgPerHour?: number; prn?: boolean };
type Treatment = { therapy: string; status: "current" | "completed" | "stopped"; weeks?: number; sessions?: number; adherencePercent?: number; response?: string };

type Archetype = "first-visit" | "mid-pt" | "pt-completed" | "nsaid" | "duloxetine" | "opioid" | "opioid-start" | "red-flag" | "injection";

const ARCHETYPES: [Archetype, number][] = [
  ["first-visit", 8],
  ["mid-pt", 8],
  ["pt-completed", 4],
  ["nsaid", 5],
  ["duloxetine", 4],
  ["opioid", 7],
  ["opioid-start", 2],
  ["red-flag", 1],
  ["injection", 3],
];

// Opioid regimens, each a story the safety alerts must tell (MME from the CDC 2022 factors).
const OPIOID_REGIMENS: { meds: Medication[]; conditions: string[]; naloxone: boolean; pdmpDays: number | null; udtDays: number | null }[] = [
  { meds: [{ drug: "oxycodone", form: "ir", doseMg: 10, dosesPerDay: 4 }], conditions: [], naloxone: false, pdmpDays: null, udtDays: 400 }, // 60 MME
  { meds: [{ drug: "morphine", form: "er", doseMg: 60, dosesPerDay: 2 }], conditions: ["sleep-apnea"], naloxone: true, pdmpDays: 30, udtDays: 200 }, // 120 MME
  { meds: [{ drug: "hydrocodone", form: "ir", doseMg: 10, dosesPerDay: 3 }], conditions: [], naloxone: false, pdmpDays: 60, udtDays: 90 }, // 30 MME
  { meds: [{ drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 4 }, { drug: "alprazolam", doseMg: 0.5, dosesPerDay: 2 }], conditions: ["anxiety"], naloxone: false, pdmpDays: 120, udtDays: null }, // 30 MME + benzodiazepine
  { meds: [{ drug: "fentanyl", form: "patch", mcgPerHour: 25 }], conditions: [], naloxone: true, pdmpDays: 20, udtDays: 100 }, // 60 MME
  { meds: [{ drug: "tramadol", form: "ir", doseMg: 50, dosesPerDay: 4 }], conditions: ["depression"], naloxone: false, pdmpDays: 200, udtDays: 380 }, // 40 MME
  { meds: [{ drug: "hydromorphone", form: "ir", doseMg: 4, dosesPerDay: 5 }], conditions: ["substance-use-disorder"], naloxone: false, pdmpDays: 10, udtDays: 30 }, // 100 MME
];

const GIVEN = ["Ana", "Ben", "Carmen", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kara", "Luis", "Mei", "Nadia", "Omar", "Paula", "Quinn", "Rosa", "Tomas", "Uma", "Victor", "Wen", "Yara", "Zeke"];
const FAMILY = ["Abbott", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer", "Gallo", "Haddad", "Ivanova", "Jensen", "Kowalski", "Laurent", "Moreau", "Nakamura", "Okoro", "Petrov", "Quispe", "Rossi", "Schmidt", "Tanaka", "Umarov", "Varga", "Walsh", "Yilmaz"];
const PATTERNS: { aggravatedBy: string[]; directionalPreference: string; tbc: string }[] = [
  { aggravatedBy: ["flexion", "sitting"], directionalPreference: "extension", tbc: "specific-exercise-extension" },
  { aggravatedBy: ["extension", "standing", "walking"], directionalPreference: "flexion", tbc: "specific-exercise-flexion" },
  { aggravatedBy: ["sitting", "lifting"], directionalPreference: "none", tbc: "stabilization" },
];

/** A discharge in the same shape the clinic's discharge writes: 14 visits over 7 weeks, with PEG and ODI at intake and discharge. */
function dischargeSummary(outcome: DischargeOutcome, adherencePercent: number, peg: [number, number], odi: [number, number], recommendation: string): DischargeSummary {
  return {
    outcome,
    recommendation,
    visitsAttended: 14,
    visitsMissed: 1,
    weeks: 7,
    adherencePercent,
    peg: outcomeChange(peg[0], peg[1], MCID.peg),
    odi: outcomeChange(odi[0], odi[1], MCID.odi),
  };
}

export type SeedResult = { created: boolean; patients: number };

/** `serverSecret` is NEXTAUTH_SECRET, which encrypts the demo administrator's authenticator key. */
export async function seedDemo(db: Db, today: Date, serverSecret: string): Promise<SeedResult> {
  const existing = await db.organization.findUnique({ where: { slug: DEMO_ORGANIZATION.slug }, select: { id: true } });
  if (existing) return { created: false, patients: await db.patient.count({ where: { organizationId: existing.id } }) };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  const random = seededRandom(20261127);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  const orgId = randomUUID();
  const practiceId = randomUUID();
  const clinicId = randomUUID();
  const otherClinicId = randomUUID();
  const otherPracticeId = randomUUID();
  const siteIds = { primary_care: practiceId, pt_clinic: clinicId, other_pt_clinic: otherClinicId, other_primary_care: otherPracticeId };
  const users = [...DEMO_ACCOUNTS, OTHER_CLINIC_THERAPIST, OTHER_PRACTICE_CLINICIAN].map((account) => ({ ...account, id: randomUUID() }));
  const userId = (email: string) => users.find((u) => u.email === email)?.id as string;
  const therapistId = userId(DEMO_ACCOUNTS[1].email);
  // Every third patient is seen at the second practice.
  const practices = [
    { clinicianId: userId(DEMO_ACCOUNTS[0].email), siteId: practiceId },
    { clinicianId: userId(DEMO_ACCOUNTS[0].email), siteId: practiceId },
    { clinicianId: userId(OTHER_PRACTICE_CLINICIAN.email), siteId: otherPracticeId },
  ];

  const patients: Prisma.PatientCreateManyInput[] = [];
  const encounters: Prisma.EncounterCreateManyInput[] = [];
  const recommendations: Prisma.RecommendationCreateManyInput[] = [];
  const orders: Prisma.OrderCreateManyInput[] = [];
  const referrals: Prisma.ReferralCreateManyInput[] = [];
  const visits: Prisma.PtVisitCreateManyInput[] = [];
  const courses: Prisma.TreatmentCourseCreateManyInput[] = [];
  const decisions: Prisma.DecisionCreateManyInput[] = [];

  let index = 0;
  for (const [archetype, count] of ARCHETYPES) {
    for (let n = 0; n < count; n += 1, index += 1) {
      const patientId = randomUUID();
      const { clinicianId, siteId } = practices[index % practices.length]!;
      const sex = random() < 0.55 ? "female" : "male";
      const ageYears = archetype === "red-flag" ? 67 : between(28, 78);
      patients.push({
        id: patientId,
        organizationId: orgId,
        mrn: `RV-${String(100101 + index)}`,
        givenName: GIVEN[index % GIVEN.length] as string,
        familyName: FAMILY[(index * 7 + Math.floor(index / GIVEN.length) * 5) % FAMILY.length] as string,
        birthDate: new Date(Date.UTC(today.getUTCFullYear() - ageYears, between(0, 11), between(1, 28))),
        sex,
      });
      const pattern = pick(PATTERNS);
      const radicular = archetype === "injection" ? n !== 2 : random() < 0.15;
      const onsetWeeks = between(16, 60) + (archetype === "first-visit" ? 0 : 52);
      const conditions: string[] = [];
      if (ageYears > 65 && random() < 0.5) conditions.push("cardiovascular-disease");

      const encounter = (
        daysAgo: number,
        opts: { intensity: number; treatments: Treatment[]; medications?: Medication[]; redFlags?: string[]; extraConditions?: string[]; opioidSafety?: Json; draft?: boolean; ptUsed?: number; accept?: boolean },
      ) => {
        const id = randomUUID();
        const asOf = day(daysAgo);
        const intensity = opts.intensity;
        const assessment = {
          profile: "us",
          asOf: toIsoDate(asOf),
          patient: { ageYears, sex, employment: ageYears >= 67 ? "retired" : random() < 0.75 ? "working" : "not-working" },
          pain: {
            durationWeeks: Math.max(13, onsetWeeks - Math.round(daysAgo / 7)),
            intensity,
            distribution: radicular ? "below-knee" : pick(["back-only", "above-knee"]),
            radicular,
            localized: !radicular && random() < 0.4,
            aggravatedBy: pattern.aggravatedBy,
            directionalPreference: pattern.directionalPreference,
          },
          redFlags: opts.redFlags ?? [],
          screening: {
            startBack: Array.from({ length: 9 }, (_, i) => (random() < (i >= 4 ? 0.35 : 0.55) ? 1 : 0)),
            peg: [intensity, Math.min(10, intensity + between(-1, 1)), Math.min(10, Math.max(0, intensity + between(-2, 1)))],
          },
          conditions: [...conditions, ...(opts.extraConditions ?? [])],
          treatments: opts.treatments,
          medications: opts.medications ?? [],
          ...(opts.opioidSafety ? { opioidSafety: opts.opioidSafety } : {}),
          coverage: { ptVisitsUsedThisYear: opts.ptUsed ?? 0, ptVisitLimit: 20 },
        };
        // Every demo assessment goes through the contract's schema: demo data the engine would reject is a bug.
        const checked = assessmentSchema.parse(assessment);
        if (!opts.draft) {
          const shown = evaluate(checked);
          const recommendationId = randomUUID();
          recommendations.push({
            id: recommendationId,
            encounterId: id,
            contractVersion: shown.contractVersion,
            rulesetVersion: shown.rulesetVersion,
            profile: shown.profile,
            suspended: shown.ladder.suspended,
            step: shown.ladder.step,
            output: shown as unknown as Json,
            createdAt: asOf,
          });
          const decide = (target: "suggestion" | "alert", itemKey: string, response: "accepted" | "acknowledged" | "overridden", severity: string | null = null, comment: string | null = null) =>
            decisions.push({
              encounterId: id,
              recommendationId,
              target,
              itemKey,
              severity,
              response,
              reasonCode: response === "overridden" ? "benefit-outweighs-risk" : null,
              comment,
              decidedById: clinicianId,
              decidedAt: asOf,
            });
          // Critical alerts must be answered to sign; about one in five is overridden, with the required comment.
          for (const alert of shown.alerts.filter((a) => a.severity === "critical")) {
            if (random() < 0.2) decide("alert", alert.code, "overridden", "critical", "Discussed the risk with the patient; reviewed at the next visit.");
            else decide("alert", alert.code, "acknowledged", "critical");
          }
          if (opts.accept && shown.next[0]) decide("suggestion", shown.next[0].id, "accepted");
        }
        encounters.push({
          id,
          organizationId: orgId,
          patientId,
          clinicianId,
          siteId,
          date: asOf,
          status: opts.draft ? "draft" : "signed",
          assessment: assessment as Json,
          signedAt: opts.draft ? null : asOf,
          signedById: opts.draft ? null : clinicianId,
        });
        return id;
      };
      const order = (encounterId: string, daysAgo: number, kind: Prisma.OrderCreateManyInput["kind"], code: string, detail: Json) => {
        const supply = kind === "medication" ? completeSupply(defaultSupply(detail as Parameters<typeof defaultSupply>[0])) : null;
        orders.push({ id: randomUUID(), encounterId, patientId, orderedById: clinicianId, kind, code, medicationAction: kind === "medication" ? "new" : null, detail, ...supply, orderedAt: day(daysAgo) });
      };
      const course = (therapy: string, status: string, sourceId: string, source: "encounter" | "referral", startedDaysAgo: number, extra: Partial<Prisma.TreatmentCourseCreateManyInput> = {}) =>
        courses.push({ id: randomUUID(), patientId, therapy, status, source, sourceId, startedOn: day(startedDaysAgo), ...extra });
      const referral = (encounterId: string, daysAgo: number, status: Prisma.ReferralCreateManyInput["status"], extra: Partial<Prisma.ReferralCreateManyInput> = {}) => {
        const id = randomUUID();
        order(encounterId, daysAgo, "pt_referral", "physical-therapy", { kind: "pt_referral", priority: "routine" });
        referrals.push({
          id,
          organizationId: orgId,
          patientId,
          encounterId,
          referringClinicianId: clinicianId,
          toSiteId: clinicId,
          therapistId: status === "new" || status === "declined" ? null : therapistId,
          status,
          priority: random() < 0.2 ? "soon" : "routine",
          coveredVisitsLeft: 20,
          classification: { tbcSubgroup: radicular ? "traction" : pattern.tbc, startBackRisk: pick(["medium", "high"]), directionalPreference: pattern.directionalPreference, redFlagsCleared: true },
          createdAt: day(daysAgo),
          ...extra,
        });
        return id;
      };
      const ptVisits = (referralId: string, startDaysAgo: number, countVisits: number, adherence: number) => {
        for (let v = 0; v < countVisits; v += 1) {
          const daysAgo = startDaysAgo - Math.round(v * 3.5);
          if (daysAgo < 0) break;
          const phase = v === 0 ? "intake" : v === 7 ? "mid_program" : null;
          visits.push({
            id: randomUUID(),
            referralId,
            therapistId,
            date: day(daysAgo),
            attended: random() > 0.1,
            adherencePercent: Math.max(0, Math.min(100, adherence + between(-10, 10))),
            painScore: Math.max(1, 7 - Math.floor(v / 3)),
            outcomePhase: phase,
            notes: v === 0 ? "Intake assessment; home program issued." : "Progressed program.",
          });
        }
      };
      const ptDone = (weeks: number, adherence: number, response: string): Treatment => ({ therapy: "physical-therapy", status: "completed", weeks, sessions: weeks * 2, adherencePercent: adherence, response });

      switch (archetype) {
        case "first-visit": {
          const daysAgo = between(0, 14);
          const id = encounter(daysAgo, { intensity: between(5, 8), treatments: [], draft: n < 2, accept: n >= 4 });
          // Two first visits order imaging without a red flag: what the imaging measure is there to catch.
          if (n === 2 || n === 3) order(id, daysAgo, "imaging", "imaging", { kind: "imaging", code: "imaging", study: "X-ray lumbar spine", reason: "Patient request" });
          break;
        }
        case "opioid-start": {
          // Opioids started at a follow-up: one after a completed course of PT, one with no non-drug step before it.
          const treatments = n === 0 ? [ptDone(8, 70, "none"), { therapy: "nsaid", status: "stopped", weeks: 6, response: "none" } as Treatment] : [];
          encounter(200, { intensity: 7, treatments });
          const oxycodone: Medication = { drug: "oxycodone", form: "ir", doseMg: 5, dosesPerDay: 3 };
          const start = encounter(120, { intensity: 8, treatments, opioidSafety: { naloxoneOnHand: false } });
          order(start, 120, "medication", "oxycodone", oxycodone as Json);
          encounter(between(10, 40), { intensity: 6, treatments: [...treatments, { therapy: "opioid", status: "current", weeks: 14, response: "partial" }], medications: [oxycodone], opioidSafety: { naloxoneOnHand: n === 0, pdmpReviewedDaysAgo: 100 } });
          break;
        }
        case "mid-pt": {
          const start = between(20, 60);
          const first = encounter(start, { intensity: between(5, 7), treatments: [] });
          const statuses = ["new", "new", "accepted", "scheduled", "in_progress", "in_progress", "in_progress", "in_progress"] as const;
          const status = statuses[n] ?? "in_progress";
          const referredDaysAgo = status === "new" ? between(1, 6) : start;
          const refId = referral(first, referredDaysAgo, status);
          if (status === "in_progress") ptVisits(refId, start - 5, 12, n === 7 ? 35 : 80);
          break;
        }
        case "pt-completed": {
          const first = encounter(300, { intensity: 7, treatments: [] });
          const refId = referral(first, 300, "discharged", {
            discharge: dischargeSummary("improved", 85, [7, 4], [44, 30], "Continue the home program daily."),
          });
          ptVisits(refId, 295, 14, 85);
          course("physical-therapy", "completed", refId, "referral", 295, { weeks: 8, sessions: 14, adherencePercent: 85, response: "good", endedOn: day(240) });
          encounter(230, { intensity: 4, treatments: [ptDone(8, 85, "good")], ptUsed: 14 });
          encounter(between(30, 80), { intensity: 3, treatments: [ptDone(8, 85, "good"), { therapy: "self-management", status: "current", weeks: 20, adherencePercent: 75, response: "good" }], ptUsed: 0 });
          break;
        }
        case "nsaid": {
          const first = encounter(330, { intensity: 7, treatments: [] });
          const refId = referral(first, 330, "discharged", { discharge: dischargeSummary("partly-improved", 75, [7, 6], [40, 34], "Partial response; continue the home program; consider medication.") });
          ptVisits(refId, 325, 14, 75);
          course("physical-therapy", "completed", refId, "referral", 325, { weeks: 8, sessions: 14, adherencePercent: 75, response: "partial", endedOn: day(270) });
          const naproxen: Medication = { drug: "naproxen", doseMg: 500, dosesPerDay: 2 };
          const second = encounter(250, { intensity: 6, treatments: [ptDone(8, 75, "partial")], ptUsed: 14 });
          order(second, 250, "medication", "naproxen", naproxen as Json);
          course("nsaid", "current", second, "encounter", 250);
          encounter(between(20, 90), { intensity: 5, treatments: [ptDone(8, 75, "partial"), { therapy: "nsaid", status: "current", weeks: 30, response: "partial" }], medications: [naproxen], ptUsed: 0 });
          break;
        }
        case "duloxetine": {
          const first = encounter(360, { intensity: 7, treatments: [] });
          const refId = referral(first, 360, "discharged", { discharge: dischargeSummary("not-improved", 80, [7, 7], [42, 40], "Adequate trial without benefit.") });
          ptVisits(refId, 355, 14, 80);
          course("physical-therapy", "completed", refId, "referral", 355, { weeks: 8, sessions: 14, adherencePercent: 80, response: "none", endedOn: day(300) });
          const pt = ptDone(8, 80, "none");
          const second = encounter(280, { intensity: 7, treatments: [pt], ptUsed: 14 });
          order(second, 280, "medication", "ibuprofen", { drug: "ibuprofen", doseMg: 400, dosesPerDay: 3 });
          const third = encounter(180, { intensity: 6, treatments: [pt, { therapy: "nsaid", status: "stopped", weeks: 12, response: "none" }], medications: [{ drug: "ibuprofen", doseMg: 400, dosesPerDay: 3 }] });
          order(third, 180, "medication", "duloxetine", { drug: "duloxetine", doseMg: 60, dosesPerDay: 1 });
          course("duloxetine", "current", third, "encounter", 180);
          encounter(between(20, 60), { intensity: 4, treatments: [pt, { therapy: "nsaid", status: "stopped", weeks: 12, response: "none" }, { therapy: "duloxetine", status: "current", weeks: 24, response: "partial" }], medications: [{ drug: "duloxetine", doseMg: 60, dosesPerDay: 1 }] });
          break;
        }
        case "opioid": {
          const regimen = OPIOID_REGIMENS[n] ?? OPIOID_REGIMENS[0]!;
          const history: Treatment[] = [ptDone(8, 70, "partial"), { therapy: "nsaid", status: "stopped", weeks: 16, response: "partial" }, { therapy: "opioid", status: "current", weeks: 90, response: "partial" }];
          const safety = { naloxoneOnHand: regimen.naloxone, pdmpReviewedDaysAgo: regimen.pdmpDays, urineDrugTestDaysAgo: regimen.udtDays };
          const first = encounter(350, { intensity: 7, treatments: history, medications: regimen.meds, extraConditions: regimen.conditions, opioidSafety: safety });
          for (const med of regimen.meds) order(first, 350, "medication", med.drug, med as Json);
          encounter(250, { intensity: 7, treatments: history, medications: regimen.meds, extraConditions: regimen.conditions, opioidSafety: safety });
          encounter(150, { intensity: 6, treatments: history, medications: regimen.meds, extraConditions: regimen.conditions, opioidSafety: safety });
          encounter(between(10, 45), { intensity: 6, treatments: history, medications: regimen.meds, extraConditions: regimen.conditions, opioidSafety: safety });
          break;
        }
        case "red-flag": {
          const id = encounter(3, { intensity: 8, treatments: [], redFlags: ["cancer-history", "unexplained-weight-loss", "night-pain"] });
          order(id, 3, "imaging", "urgent-imaging", { study: "MRI lumbar spine with and without contrast", reason: "History of cancer with weight loss and night pain" });
          break;
        }
        case "injection": {
          const first = encounter(360, { intensity: 7, treatments: [] });
          const refId = referral(first, 360, "discharged", { discharge: dischargeSummary("partly-improved", 85, [7, 6], [46, 41], "Adequate trial; limited benefit for leg pain.") });
          ptVisits(refId, 355, 14, 85);
          course("physical-therapy", "completed", refId, "referral", 355, { weeks: 8, sessions: 14, adherencePercent: 85, response: "partial", endedOn: day(300) });
          const pt = ptDone(8, 85, "partial");
          const nsaid: Treatment = { therapy: "nsaid", status: "stopped", weeks: 10, response: "none" };
          encounter(280, { intensity: 7, treatments: [pt], ptUsed: 14 });
          const third = encounter(160, { intensity: 7, treatments: [pt, nsaid, { therapy: "duloxetine", status: "stopped", weeks: 10, response: "not-tolerated" }] });
          const procedure = radicular ? "epidural-steroid-injection" : "medial-branch-block";
          order(third, 160, "injection", procedure, { procedure, level: "L4-L5", side: "left" });
          course(procedure, "completed", third, "encounter", 150, { response: "partial", endedOn: day(150) });
          encounter(between(15, 50), { intensity: 5, treatments: [pt, nsaid, { therapy: procedure, status: "completed", response: "partial" }] });
          break;
        }
      }
    }
  }

  await db.$transaction(
    async (tx) => {
      await tx.organization.create({ data: { id: orgId, name: DEMO_ORGANIZATION.name, slug: DEMO_ORGANIZATION.slug } });
      await tx.site.createMany({
        data: [
          { id: practiceId, organizationId: orgId, name: "Riverside Family Medicine", kind: "primary_care", phone: "(555) 010-4100", address: "40 River Road" },
          { id: clinicId, organizationId: orgId, name: "Riverside Physical Therapy", kind: "pt_clinic", phone: "(555) 010-4200", address: "42 River Road, Suite 2" },
          { id: otherClinicId, organizationId: orgId, name: "Northside Physical Therapy", kind: "pt_clinic", phone: "(555) 010-4300", address: "7 North Street" },
          { id: otherPracticeId, organizationId: orgId, name: "Eastside Primary Care", kind: "primary_care", phone: "(555) 010-4400", address: "15 East Avenue" },
        ],
      });
      await tx.user.createMany({
        data: users.map((u) => ({
          id: u.id,
          organizationId: orgId,
          siteId: u.site ? siteIds[u.site] : null,
          email: u.email,
          name: u.name,
          role: u.role,
          ...(u.role === "admin" ? { totpSecret: encryptTotpSecret(DEMO_ADMIN_TOTP_SECRET, serverSecret), mfaEnabledAt: today } : {}),
        })),
      });
      await tx.credential.createMany({ data: users.map((u) => ({ userId: u.id, passwordHash })) });
      await tx.patient.createMany({ data: patients });
      await tx.encounter.createMany({ data: encounters });
      await tx.recommendation.createMany({ data: recommendations });
      await tx.order.createMany({ data: orders });
      await tx.referral.createMany({ data: referrals });
      await tx.ptVisit.createMany({ data: visits });
      await tx.treatmentCourse.createMany({ data: courses });
      await tx.decision.createMany({ data: decisions });
    },
    { timeout: 60_000 },
  );
  await deriveMissingFacts(db);
  return { created: true, patients: patients.length };
}
