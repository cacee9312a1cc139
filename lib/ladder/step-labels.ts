import type { Recommendation } from "./recommendation";

/** The rungs of the ladder as clinicians read them. */
export const STEP_LABEL: Record<Recommendation["ladder"]["step"], string> = {
  "urgent-evaluation": "Urgent evaluation",
  conservative: "Conservative care",
  pharmacologic: "Medication added",
  interventional: "Interventional",
};
