import type { SourceId } from "@/lib/evidence/sources";
import type { MmeResult } from "./mme";
import type { StartBackResult } from "./scores";
import type { TaperSchedule } from "./taper-schedule";
import type { Profile, Severity, Step, TbcSubgroup, TherapyId } from "./vocabulary";

// The Recommendation of the recommendation contract (version 1.1), plus two added fields: `profileDifferences` and
// `taperSchedule` (the first phase of a gradual opioid taper, when one is suggested).

export type EvidenceRef = { sourceId: SourceId; claim: string };

export type Suggestion = { id: string; therapy: TherapyId; step: Step; title: string; detail: string; evidence: EvidenceRef[] };

/** `ruleId` (an added field) names the rule that raised the alert, so its trace can be shown beside it. */
export type Alert = { code: string; severity: Severity; summary: string; detail: string; evidence: EvidenceRef[]; ruleId?: string };

export type AvoidEntry = { therapy: TherapyId; reason: string; evidence: EvidenceRef[]; ruleId?: string };

export type TraceOutcome = "fired" | "not-fired" | "insufficient-data";

export type TraceEntry = { ruleId: string; ruleVersion: number; outcome: TraceOutcome; because: string };

/** Where the two guideline profiles disagree about a therapy this evaluation mentions: both positions, both sources. */
export type ProfileDifference = { therapy: TherapyId; us: string; uk: string; evidence: EvidenceRef[] };

export type Classification = {
  chronicity: "acute" | "subacute" | "chronic";
  radicular: boolean;
  startBack?: StartBackResult;
  peg?: number;
  odiPercent?: number;
  phq2?: { score: number; positive: boolean };
  gad2?: { score: number; positive: boolean };
  tbcSubgroup: TbcSubgroup | null;
};

export type Recommendation = {
  contractVersion: string;
  rulesetVersion: string;
  profile: Profile;
  asOf: string;
  classification: Classification;
  ladder: { suspended: boolean; step: Step; rationale: string };
  next: Suggestion[];
  alerts: Alert[];
  avoid: AvoidEntry[];
  mme: MmeResult;
  profileDifferences: ProfileDifference[];
  taperSchedule: TaperSchedule | null;
  trace: TraceEntry[];
};

export const cite = (sourceId: SourceId, claim: string): EvidenceRef => ({ sourceId, claim });
