// What pages and routes receive about patients: plain data, never Prisma rows.

export type Sex = "female" | "male" | "other" | "unknown";

export type PatientListItem = {
  id: string;
  mrn: string;
  name: string;
  birthDate: string;
  ageYears: number;
  sex: Sex;
  lastEncounterDate: string | null;
};

export type PatientListPage = { items: PatientListItem[]; total: number; page: number; pageSize: number };

export type EncounterSummary = { id: string; date: string; status: "draft" | "signed"; clinicianName: string };

/** `discharge` is the therapist's outcome and recommendation once the clinic has discharged the patient. */
export type ReferralSummary = {
  id: string;
  status: string;
  toSiteName: string;
  createdAt: string;
  discharge: { outcome: string; recommendation: string } | null;
  /** The clinic's latest progress note, and how many plans of care await the referring doctor's certification. */
  latestProgressNote: string | null;
  plansAwaitingCertification: number;
};

import type { PatientChart } from "./patient-chart";

export type PatientDetail = {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  ageYears: number;
  sex: Sex;
  /** How to reach the patient about appointments: a phone in E.164, an email, and the way they prefer. */
  contact: { phone: string | null; email: string | null; preferred: "phone" | "text" | "email" | "mail" | null };
  /** Absent for roles that may not read encounters (a physical therapist sees only the referral). */
  encounters: EncounterSummary[] | null;
  referrals: ReferralSummary[];
  /** Trends and history from signed visits; absent for roles that may not read encounters. */
  chart: PatientChart | null;
};
