import type { Role } from "@/lib/access/policy";

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  role: Role;
  siteName: string | null;
  active: boolean;
};
