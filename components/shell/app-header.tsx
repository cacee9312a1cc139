import Link from "next/link";
import type { Actor } from "@/lib/access/actor";
import { ROLE_HOME, ROLE_LABELS } from "@/lib/access/actor";
import { NAV_ITEMS } from "./nav-items";
import { NavLink } from "./nav-link";

export function AppHeader({ actor }: { actor: Actor }) {
  const items = NAV_ITEMS.filter((item) => item.roles.includes(actor.role));
  return (
    <header className="no-print border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-6 py-3">
        <Link href={ROLE_HOME[actor.role]} className="text-lg font-semibold text-brand">
          Backstep
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-1">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-4 text-sm">
          <span>
            <span className="font-medium">{actor.name}</span>
            <span className="text-muted"> · {ROLE_LABELS[actor.role]}</span>
          </span>
          <Link href="/account" className="text-brand underline-offset-2 hover:underline">
            Account
          </Link>
          <Link href="/sign-out" className="text-brand underline-offset-2 hover:underline">
            Sign out
          </Link>
        </div>
      </div>
    </header>
  );
}
