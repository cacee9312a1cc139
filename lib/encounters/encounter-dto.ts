import type { AssessmentInput } from "@/lib/ladder/assessment-schema";
import type { Recommendation } from "@/lib/ladder/recommendation";
import type { DecisionInput, OrderInput } from "./sign-input";
import type { DecisionReason } from "./decision-reasons";
import type { Supply } from "./supply";
import type { TaperProgress } from "./taper-progress";

export type EncounterStatus = "draft" | "signed";

export type EncounterDecision = {
  target: "suggestion" | "alert" | "avoid";
  itemKey: string;
  response: "accepted" | "declined" | "acknowledged" | "overridden";
  reasonCode: DecisionReason | null;
  comment: string | null;
  decidedBy: string;
  decidedAt: string;
};

/**
 * An order as signed: `medicationAction` says what a medication order did to the list (null for other kinds), and
 * `supply` what a prescription dispensed (null when nothing was, or for records signed before supplies were kept).
 */
export type EncounterOrder = { id: string; kind: string; code: string; medicationAction: "new" | "continue" | "change" | "stop" | null; detail: unknown; supply: Supply | null; orderedAt: string };

/** A visit opened from the EHR: where its facts came from, which it filled, and what the chart lacked. */
export type EhrSource = { issuer: string; mappingVersion: string; filled: string[]; missing: string[]; notChecked: string[] };

export type EncounterDetail = {
  id: string;
  patient: { id: string; name: string; mrn: string; ageYears: number; sex: string };
  clinicianName: string;
  date: string;
  status: EncounterStatus;
  version: number;
  /** The assessment as entered: complete once signed, possibly partial while a draft. */
  assessment: Partial<AssessmentInput>;
  signedAt: string | null;
  /** The recommendation stored at signing, exactly as it was shown then. */
  recommendation: Recommendation | null;
  decisions: EncounterDecision[];
  orders: EncounterOrder[];
  addenda: { author: string; text: string; createdAt: string }[];
  /** The PT clinic this visit referred the patient to, as the patient's plan shows how to reach it. */
  ptClinic: { name: string; phone: string | null; address: string | null } | null;
  /**
   * A draft's work so far (orders and decisions saved with it), the step of a taper agreed before, and whether the
   * organization sets the guideline profile; null once signed.
   */
  draft: { orders: OrderInput[]; decisions: DecisionInput[]; taper: TaperProgress | null; profileLocked: boolean } | null;
  ehrSource: EhrSource | null;
};
