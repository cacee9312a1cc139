import type { DischargeOutcome, OutcomeChange } from "./outcomes";
import type { HomeProgram } from "./home-program-data";

export type ReferralStatus = "new" | "accepted" | "scheduled" | "in_progress" | "discharged" | "declined";

export type ReferralQueueItem = {
  id: string;
  patientId: string;
  patientName: string;
  status: ReferralStatus;
  priority: "routine" | "soon" | "urgent";
  referringClinicianName: string;
  toSiteName: string;
  createdAt: string;
  ageDays: number;
  coveredVisitsLeft: number | null;
};

export type ReferralVisit = {
  id: string;
  date: string;
  attended: boolean;
  notes: string | null;
  adherencePercent: number | null;
  painScore: number | null;
  outcomePhase: string | null;
  therapistName: string;
};

export type ReferralDetail = {
  id: string;
  status: ReferralStatus;
  priority: "routine" | "soon" | "urgent";
  createdAt: string;
  patient: { id: string; name: string; ageYears: number; sex: string };
  referringClinicianName: string;
  toSiteName: string;
  therapistName: string | null;
  classification: {
    tbcSubgroup: string | null;
    startBackRisk: string | null;
    psychologicallyInformed: boolean;
    painPattern: string[];
    directionalPreference: string | null;
    radicular: boolean;
    redFlagsCleared: boolean;
    program: string[];
    goals: string | null;
  };
  coveredVisitsLeft: number | null;
  visitsUsed: number;
  /** PEG and Oswestry from intake to the latest measurement, against the MCID. */
  progress: { peg: OutcomeChange; odi: OutcomeChange };
  declineReason: string | null;
  discharge: unknown;
  visits: ReferralVisit[];
  /** The home exercise program: the clinic's choice, or what the subgroup suggests until it chooses. */
  homeProgram: HomeProgram;
  booking: ReferralBooking;
};

/** What the clinic needs to book and bill, and to treat safely. */
export type ReferralBooking = {
  contact: { phone: string | null; email: string | null; preferred: "phone" | "text" | "email" | "mail" | null };
  referringClinician: { name: string; email: string; practice: string | null; practicePhone: string | null };
  authorization: {
    payer: string | null;
    memberId: string | null;
    authorizationNumber: string | null;
    visitsAuthorized: number | null;
    /** Attended visits; left is authorized minus used, never below zero. */
    visitsUsed: number;
    visitsLeft: number | null;
    authorizedUntil: string | null;
  };
  /** ICD-10-CM codes the referring visit's findings support, for the clinic's claim. */
  diagnoses: { code: string; display: string }[];
  /** What the referring visit left the patient on, with the MME that visit showed and why each matters to therapy. */
  medicines: { drug: string; sig: string; mmePerDay: number | null; relevance: string | null }[];
  precautions: string[];
};

export type DischargeSummary = {
  outcome: DischargeOutcome;
  recommendation: string;
  visitsAttended: number;
  visitsMissed: number;
  weeks: number;
  adherencePercent: number | null;
  peg: OutcomeChange;
  odi: OutcomeChange;
  /** Why a course of under a week ended, when it did. */
  shortCourseReason?: string;
};
