// Server half of `npm run bench:visit`: how long saving a draft and signing an encounter take inside the server,
// against an embedded database filled with the demo data. Run with the react-server condition (see package.json)
// so the server-only data-access modules load outside Next.
import { DEMO_ACCOUNTS } from "../prisma/demo-accounts";
import { demoBenchDatabase, summarize } from "./bench-database";

const ROUNDS = 40;

const { prisma, actor, close } = await demoBenchDatabase(DEMO_ACCOUNTS[0].email);
const { saveDraft, signEncounter, startEncounter } = await import("../lib/encounters/encounters-data");

const patients = await prisma.patient.findMany({ where: { organizationId: actor.organizationId }, select: { id: true }, take: ROUNDS });

const assessment = {
  profile: "us",
  patient: { ageYears: 50, employment: "working" },
  pain: { durationWeeks: 30, intensity: 6, aggravatedBy: ["flexion"], directionalPreference: "extension" },
  screening: { startBack: [1, 0, 1, 1, 0, 1, 0, 0, 1], peg: [6, 5, 6] },
  treatments: [{ therapy: "physical-therapy", status: "completed", weeks: 8, adherencePercent: 80, response: "none" }],
  medications: [{ drug: "oxycodone", doseMg: 10, dosesPerDay: 4 }],
  opioidSafety: { naloxoneOnHand: true, pdmpReviewedDaysAgo: 10, urineDrugTestDaysAgo: 30 },
};

const saves: number[] = [];
const signs: number[] = [];
for (const patient of patients) {
  const { id } = await startEncounter(actor, { patientId: patient.id });
  let started = performance.now();
  const { version } = await saveDraft(actor, { encounterId: id, version: 1, assessment });
  saves.push(performance.now() - started);
  started = performance.now();
  await signEncounter(actor, { encounterId: id, version, assessment, orders: [{ kind: "pt_referral", priority: "routine" }] });
  signs.push(performance.now() - started);
}

const stats = (label: string, samples: number[]) => console.log(`${label.padEnd(26)} ${summarize(samples)} (${samples.length} runs)`);
stats("save draft (server)", saves);
stats("sign encounter (server)", signs);
console.log("embedded database (PGlite) with the demo data; aim: under 200 ms");
await close();
