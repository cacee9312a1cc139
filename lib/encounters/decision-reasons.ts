// Coded reasons for overriding an alert or declining a suggestion (CDS Hooks feedback), shown as a pick list.
export const DECISION_REASONS = {
  "benefit-outweighs-risk": "Benefit outweighs the risk for this patient",
  "already-addressed": "Already addressed or under management",
  "patient-declined": "Patient informed and declined",
  "specialist-managing": "Managed by a specialist",
  "data-incorrect": "The data behind it is incorrect",
  "not-available": "Not available or not covered for this patient",
  other: "Other (explain in the comment)",
} as const;

export type DecisionReason = keyof typeof DECISION_REASONS;
export const DECISION_REASON_CODES = Object.keys(DECISION_REASONS) as [DecisionReason, ...DecisionReason[]];
