import { beforeEach, describe, expect, it } from "vitest";
import { setHomeProgram } from "../lib/referrals/home-program-data";
import { getReferral } from "../lib/referrals/referral-workflow-data";
import type { AppError } from "../lib/errors";
import { auditEventsOf, createClinic, type Clinic } from "./support/fixtures";

// The home exercise program a clinic chooses for a patient from the library, and what it suggests until then.

let clinic: Clinic;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const PROGRAM = [
  { id: "prone-press-up", sets: 1, reps: 12, timesPerDay: 5 },
  { id: "bird-dog", sets: 3, reps: 8, timesPerDay: 1, holdSeconds: 5 },
];

beforeEach(async () => {
  clinic = await createClinic();
});

describe("the home exercise program", () => {
  it("suggests the subgroup's program until the clinic chooses one, which the referring doctor then reads too", async () => {
    const suggested = (await getReferral(clinic.therapist, clinic.referralId)).homeProgram;
    expect(suggested.chosen).toBe(false);
    expect(suggested.items[0]).toEqual({ id: "prone-press-up", sets: 1, reps: 10, timesPerDay: 4 });
    await setHomeProgram(clinic.therapist, { referralId: clinic.referralId, exercises: PROGRAM });
    for (const reader of [clinic.therapist, clinic.clinician]) expect((await getReferral(reader, clinic.referralId)).homeProgram).toEqual({ chosen: true, items: PROGRAM });
    expect((await auditEventsOf(clinic.therapist.userId)).find((e) => e.action === "referral.home-program")).toMatchObject({ entityId: clinic.referralId, detail: { exercises: ["prone-press-up", "bird-dog"] } });
  });

  it("names each bad exercise or dose, an empty program and a repeated exercise, and keeps what was there", async () => {
    await setHomeProgram(clinic.therapist, { referralId: clinic.referralId, exercises: PROGRAM });
    const bad = await failure(setHomeProgram(clinic.therapist, { referralId: clinic.referralId, exercises: [{ id: "headstand", sets: 1, reps: 1, timesPerDay: 1 }, { id: "bridge", sets: 0, reps: 500, timesPerDay: 1.5 }] }));
    expect(bad?.issues).toEqual([
      { path: "exercises.0.id", message: "No such exercise in the library" },
      { path: "exercises.1.sets", message: "Sets is 1 to 10" },
      { path: "exercises.1.reps", message: "Repetitions is 1 to 50" },
      { path: "exercises.1.timesPerDay", message: "Times a day is a whole number" },
    ]);
    expect((await failure(setHomeProgram(clinic.therapist, { referralId: clinic.referralId, exercises: [] })))?.issues).toEqual([{ path: "exercises", message: "Choose at least one exercise" }]);
    expect((await failure(setHomeProgram(clinic.therapist, { referralId: clinic.referralId, exercises: [PROGRAM[0], PROGRAM[0]] })))?.issues).toEqual([{ path: "exercises", message: "Each exercise once" }]);
    expect((await getReferral(clinic.therapist, clinic.referralId)).homeProgram.items).toEqual(PROGRAM);
  });

  it("is chosen by the referral's clinic only", async () => {
    for (const who of ["clinician", "auditor", "admin"] as const) expect((await failure(setHomeProgram(clinic[who], { referralId: clinic.referralId, exercises: PROGRAM })))?.code).toBe("forbidden");
    expect((await failure(setHomeProgram(clinic.otherTherapist, { referralId: clinic.referralId, exercises: PROGRAM })))?.code).toBe("not-found");
    expect((await auditEventsOf(clinic.otherTherapist.userId))[0]).toMatchObject({ action: "referral.home-program", outcome: "denied", entityId: clinic.referralId });
  });
});
