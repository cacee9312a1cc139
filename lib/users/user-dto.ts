import type { Role } from "@/lib/access/policy";

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  role: Role;
  siteId: string | null;
  siteName: string | null;
  active: boolean;
  /** Blocked from signing in for now by repeated failures. */
  locked: boolean;
  /** Signs in in two steps (has set up an authenticator). */
  twoStep: boolean;
};
