import type { MeasureDefinition } from "./measure-definitions";
import type { CaseFindingCode } from "./case-findings";

export type Counts = { denominator: number; numerator: number; excluded: number; flagged: number; rate: number | null };

/** One clinician's, site's or category's share of a measure; `key` is what the drill-down filters on. */
export type SpreadRow = Counts & { key: string; label: string };

export type Period = { from: string; to: string };

export type MeasureSummary = Omit<MeasureDefinition, "caseRows" | "why" | "note"> & {
  /** The organization's target in percent (a ceiling where lower is better, a floor where higher), when it set one. */
  target: number | null;
  period: Period;
  total: Counts;
  trend: (Counts & { month: string })[];
};

/** An auditor's latest review of a case. The comment and reply are null in a pseudonymized view. */
export type CaseReviewSummary = {
  finding: CaseFindingCode;
  comment: string | null;
  reviewer: string;
  reviewedAt: string;
  sentToClinician: boolean;
  acknowledgedAt: string | null;
  reply: string | null;
};

export type MeasureRow = {
  /** The encounter's id, or its keyed hash in a pseudonymized view (then no link is offered). */
  encounterRef: string;
  encounterId: string | null;
  /** Tells apart cases of one encounter (measure 6's decision); empty otherwise. */
  caseKey: string;
  date: string;
  /** The MRN, or its keyed hash in a pseudonymized view. */
  patientRef: string;
  patientName: string | null;
  clinician: string;
  site: string;
  numerator: boolean;
  excluded: string | null;
  flag: boolean | null;
  category: string | null;
  /** Why the case counts, in words (the dose, the alert and reason, the overdue check and its date...). */
  why: string | null;
  /** The clinician's own words behind it (an override comment); null in a pseudonymized view. */
  note: string | null;
  review: CaseReviewSummary | null;
};

export type RowFilter = { show: "numerator" | "denominator" | "excluded" | "all"; clinician?: string; site?: string; month?: string; category?: string };

export type EhrOverrides = { answered: number; overridden: number; withReason: number; byAlert: { alert: string; answered: number; overridden: number }[] };

export type MeasureDetail = MeasureSummary & {
  byClinician: SpreadRow[];
  bySite: SpreadRow[];
  byCategory: SpreadRow[];
  exclusions: { reason: string; count: number }[];
  filter: RowFilter;
  pseudonymized: boolean;
  rows: MeasureRow[];
  /** True when more rows matched than are shown; the CSV export has them all. */
  truncated: boolean;
  /** Measure 6 only: the same answers received from the EHR's CDS Hooks feedback. */
  ehrOverrides: EhrOverrides | null;
};

/** On the dashboard, with the same figure over the period of equal length just before, to compare with. */
export type DashboardMeasure = MeasureSummary & { byClinician: SpreadRow[]; bySite: SpreadRow[]; previous: { period: Period; total: Counts } };

export type ReportMeasure = Omit<DashboardMeasure, "previous"> & { cases: MeasureRow[]; moreCases: boolean };
export type MeasureReport = { period: Period; pseudonymized: boolean; generatedAt: string; measures: ReportMeasure[] };

/** One clinician's figure for a measure, beside their practice's and the organization's, with their cases. */
export type PrescriberMeasure = Pick<MeasureSummary, "id" | "number" | "title" | "better" | "unit" | "target"> & {
  clinician: Counts;
  practice: Counts | null;
  organization: Counts;
  cases: MeasureRow[];
  moreCases: boolean;
};
export type PrescriberReport = { period: Period; generatedAt: string; clinician: { id: string; name: string; practice: string | null }; measures: PrescriberMeasure[] };
