import type { Role } from "./policy";

/** The signed-in user as every access check sees them: re-read from the database on each request. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  organizationId: string;
  siteId: string | null;
  /** Two-step sign-in is required of this person and not yet set up: only setting it up is open to them. */
  mustEnrolTwoStep?: true;
  /** Where this request came from (see requestAddress), for the audit trail; absent outside a request. */
  sourceAddress?: string | null;
};

export const ROLE_LABELS: Record<Role, string> = {
  clinician: "Clinician",
  physical_therapist: "Physical therapist",
  auditor: "Auditor",
  admin: "Administrator",
};

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  clinician: "/patients",
  physical_therapist: "/referrals",
  auditor: "/measures",
  admin: "/admin/users",
};
