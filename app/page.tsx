import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { ROLE_HOME } from "@/lib/access/actor";

export default async function Home() {
  const actor = await requireActor();
  redirect(ROLE_HOME[actor.role]);
}
