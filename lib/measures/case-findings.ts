// What an auditor may conclude about a measure case, with the words the auditor, the clinician and the export use.
export const CASE_FINDINGS = {
  appropriate: "Appropriate",
  needs_follow_up: "Needs follow-up",
  documentation_gap: "Documentation gap",
  not_appropriate: "Not appropriate",
} as const;

export type CaseFindingCode = keyof typeof CASE_FINDINGS;
