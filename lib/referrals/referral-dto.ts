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
