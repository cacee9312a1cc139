import type { Treatment } from "@/lib/ladder/assessment-schema";
import type { TherapyId } from "@/lib/ladder/vocabulary";
import { codingsOf, dayOf, daysBetween, objectOf, textOf, type Coded, type FhirJson } from "./fhir-values";

// Treatments tried, read off the chart's Procedures: what was done and when, which FHIR records; never how well the
// patient kept it up or whether it helped, which it does not (those stay unknown, and the engine says so).
// A course is the procedures of one therapy: its sessions are the distinct days one was done and, for a program of
// visits (PT, manipulation, acupuncture, massage), its weeks the calendar span from the first to the last; an injection
// or a device is a course however brief. It is current while one is in progress or the last was within
// CURRENT_WITHIN_DAYS.
const CURRENT_WITHIN_DAYS = 14;

/**
 * CPT and SNOMED CT codes of the therapies the ladder weighs. Facet joint injections and medial branch blocks share
 * CPT 64493-64495, so those read as facet joint injections: reading them as blocks could open radiofrequency
 * denervation on a block that was never done.
 */
const PROGRAMS: readonly TherapyId[] = ["physical-therapy", "spinal-manipulation", "acupuncture", "massage"];
const PROCEDURE_THERAPY: [TherapyId, (c: Coded) => boolean][] = [
  ["physical-therapy", (c) => (c.system === "cpt" && ["97161", "97162", "97163", "97164", "97110", "97112", "97140", "97530"].includes(c.code)) || (c.system === "snomed" && c.code === "91251008")],
  ["spinal-manipulation", (c) => c.system === "cpt" && ["98940", "98941", "98942", "98925", "98926", "98927", "98928", "98929"].includes(c.code)],
  ["acupuncture", (c) => c.system === "cpt" && ["97810", "97811", "97813", "97814"].includes(c.code)],
  ["massage", (c) => c.system === "cpt" && c.code === "97124"],
  ["epidural-steroid-injection", (c) => c.system === "cpt" && ["62322", "62323", "64483", "64484"].includes(c.code)],
  ["facet-joint-injection", (c) => c.system === "cpt" && ["64493", "64494", "64495"].includes(c.code)],
  ["radiofrequency-denervation", (c) => c.system === "cpt" && ["64635", "64636"].includes(c.code)],
  ["spinal-cord-stimulator", (c) => c.system === "cpt" && ["63650", "63685"].includes(c.code)],
];

const NOT_DONE = ["not-done", "entered-in-error", "preparation", "unknown"];

type Course = { days: Set<string>; inProgress: boolean; stopped: boolean };

function therapyOfProcedure(procedure: FhirJson): TherapyId | undefined {
  const codes = codingsOf(procedure.code);
  return PROCEDURE_THERAPY.find(([, matches]) => codes.some(matches))?.[0];
}

/** The courses of therapy the procedures record up to asOf, one per therapy, in the order of the table above. */
export function treatmentsFromProcedures(procedures: FhirJson[], asOf: string): Treatment[] {
  const courses = new Map<TherapyId, Course>();
  for (const procedure of procedures) {
    const status = textOf(procedure.status);
    if (status === undefined || NOT_DONE.includes(status)) continue;
    const therapy = therapyOfProcedure(procedure);
    const day = dayOf(procedure.performedDateTime) ?? dayOf(objectOf(procedure.performedPeriod)?.start);
    if (!therapy || !day || day > asOf) continue;
    const course = courses.get(therapy) ?? { days: new Set<string>(), inProgress: false, stopped: false };
    course.days.add(day);
    if (status === "in-progress") course.inProgress = true;
    if (status === "stopped") course.stopped = true;
    courses.set(therapy, course);
  }
  const treatments: Treatment[] = [];
  for (const [therapy] of PROCEDURE_THERAPY) {
    const course = courses.get(therapy);
    if (!course) continue;
    const days = [...course.days].sort();
    const first = days[0] as string;
    const last = days[days.length - 1] as string;
    const current = course.inProgress || daysBetween(last, asOf) <= CURRENT_WITHIN_DAYS;
    const status = current ? "current" : course.stopped ? "stopped" : "completed";
    treatments.push(PROGRAMS.includes(therapy) ? { therapy, status, weeks: Math.ceil((daysBetween(first, last) + 1) / 7), sessions: days.length } : { therapy, status, sessions: days.length });
  }
  return treatments;
}
