import type { BaseFacts } from "./facts";
import type { RedFlag } from "./vocabulary";

// Which red-flag findings, alone or together, point to serious pathology (Finucane 2020; Chou 2007). Strong
// patterns suspend the ladder; any flag left over is weighed and shown, not obeyed blindly.

export const FRACTURE_AGE = 65;
export const MALIGNANCY_AGE = 50;

export type RedFlagPattern = "cauda-equina" | "infection" | "neurological-deficit" | "fracture" | "malignancy";

export type PatternFinding = { pattern: RedFlagPattern; flags: string[]; because: string };

export function redFlagPatterns(facts: BaseFacts): PatternFinding[] {
  const has = (flag: RedFlag) => facts.redFlags.has(flag);
  const age = facts.assessment.patient.ageYears;
  const osteoporosis = has("osteoporosis") || facts.conditions.has("osteoporosis");
  const found: PatternFinding[] = [];

  const cauda = (["saddle-anesthesia", "urinary-retention", "fecal-incontinence", "bilateral-leg-weakness"] as const).filter(has);
  if (cauda.length) found.push({ pattern: "cauda-equina", flags: cauda, because: `${cauda.join(", ")}: signs of cauda equina compression` });

  const infectionRisk = (["iv-drug-use", "immunosuppression", "recent-infection"] as const).filter(has);
  if (has("fever") && infectionRisk.length) {
    found.push({ pattern: "infection", flags: ["fever", ...infectionRisk], because: `fever with ${infectionRisk.join(", ")}: possible spinal infection` });
  }

  if (has("progressive-neurological-deficit")) {
    found.push({ pattern: "neurological-deficit", flags: ["progressive-neurological-deficit"], because: "a progressive neurological deficit" });
  }

  if (has("major-trauma")) found.push({ pattern: "fracture", flags: ["major-trauma"], because: "major trauma: possible fracture" });
  else if (has("minor-trauma")) {
    const risks = [
      osteoporosis ? "osteoporosis" : null,
      has("prolonged-corticosteroids") ? "prolonged-corticosteroids" : null,
      age >= FRACTURE_AGE ? `age ${age}` : null,
    ].filter((r): r is string => r !== null);
    if (risks.length) found.push({ pattern: "fracture", flags: ["minor-trauma", ...risks.filter((r) => !r.startsWith("age"))], because: `minor trauma with ${risks.join(", ")}: possible fragility fracture` });
  }

  if (has("cancer-history")) {
    const extra = (["unexplained-weight-loss", "night-pain"] as const).filter(has);
    found.push({ pattern: "malignancy", flags: ["cancer-history", ...extra], because: `history of cancer${extra.length ? ` with ${extra.join(", ")}` : ""}: the strongest single flag for spinal malignancy` });
  } else if (has("unexplained-weight-loss") && (has("night-pain") || age >= MALIGNANCY_AGE)) {
    const withWhat = has("night-pain") ? "night pain" : `age ${age}`;
    found.push({ pattern: "malignancy", flags: ["unexplained-weight-loss", ...(has("night-pain") ? ["night-pain"] : [])], because: `unexplained weight loss with ${withWhat}: possible malignancy` });
  }
  return found;
}

/** Flags present that no strong pattern accounts for: weighed, not obeyed. */
export function weakRedFlags(facts: BaseFacts, patterns: PatternFinding[]): RedFlag[] {
  const explained = new Set(patterns.flatMap((p) => p.flags));
  return [...facts.redFlags].filter((flag) => !explained.has(flag));
}
