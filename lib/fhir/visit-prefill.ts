import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import type { ChartReading } from "./chart-assessment";

// A visit opened from the EHR starts from what Backstep already knew (the last visit carried forward) with the chart's
// facts laid over it: the chart is the record of diagnoses, medicines and results, so where it speaks it wins; where
// it is silent the visit keeps what it had, and the clinician completes the rest. `filled` names what came from the
// chart, for the visit to show.
export type Prefill = { assessment: Partial<AssessmentInput>; filled: string[] };

export function prefillFromChart(start: Partial<AssessmentInput>, reading: ChartReading): Prefill {
  const chart = reading.assessment;
  if (!chart) return { assessment: start, filled: [] };
  const filled: string[] = ["age"];
  const assessment: Partial<AssessmentInput> = { ...start, patient: { ...start.patient, ...chart.patient } };
  if (chart.patient.pregnant) filled.push("pregnancy");
  const { durationWeeks, intensity, radicular } = reading.painFacts;
  if (durationWeeks !== undefined || intensity !== undefined || radicular) {
    assessment.pain = { ...start.pain, ...reading.painFacts } as AssessmentInput["pain"];
    if (durationWeeks !== undefined) filled.push("pain duration");
    if (intensity !== undefined) filled.push("pain intensity");
    if (radicular) filled.push("nerve-root involvement");
  }
  const union = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) => [...new Set([...(a ?? []), ...(b ?? [])])];
  if (chart.conditions?.length) {
    assessment.conditions = union(start.conditions, chart.conditions);
    filled.push("conditions");
  }
  if (chart.redFlags?.length) {
    assessment.redFlags = union(start.redFlags, chart.redFlags);
    filled.push("red flags from diagnoses");
  }
  if (chart.medications?.length) {
    assessment.medications = chart.medications;
    filled.push("medications");
  }
  // Courses the chart's procedures record join the visit's list, except where the visit already records that therapy
  // (carried from a visit, with the adherence and response the chart cannot give).
  const recorded = new Set((start.treatments ?? []).map((t) => t.therapy));
  const fromProcedures = (chart.treatments ?? []).filter((t) => !recorded.has(t.therapy));
  if (fromProcedures.length) {
    assessment.treatments = [...(start.treatments ?? []), ...fromProcedures];
    filled.push("treatments from procedures");
  }
  const screening = chart.screening ?? {};
  if (Object.keys(screening).length) {
    assessment.screening = { ...start.screening, ...screening };
    filled.push(...Object.keys(screening).map((name) => ({ peg: "PEG", phq2: "PHQ-2", gad2: "GAD-2" })[name] ?? name));
  }
  if (chart.labs?.egfr !== undefined) {
    assessment.labs = { ...start.labs, egfr: chart.labs.egfr };
    filled.push("eGFR");
  }
  const safety = chart.opioidSafety ?? {};
  assessment.opioidSafety = {
    ...start.opioidSafety,
    ...(safety.naloxoneOnHand ? { naloxoneOnHand: true } : {}),
    ...(typeof safety.pdmpReviewedDaysAgo === "number" ? { pdmpReviewedDaysAgo: safety.pdmpReviewedDaysAgo } : {}),
    ...(typeof safety.urineDrugTestDaysAgo === "number" ? { urineDrugTestDaysAgo: safety.urineDrugTestDaysAgo } : {}),
  };
  if (safety.naloxoneOnHand || typeof safety.pdmpReviewedDaysAgo === "number" || typeof safety.urineDrugTestDaysAgo === "number") filled.push("opioid safety checks");
  return { assessment, filled };
}
