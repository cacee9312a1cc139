"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { NAV_ITEMS } from "./nav-items";

const within = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** A navigation link, marked current for its pages unless a more specific link (Schedule under Referrals) owns them. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = within(pathname, href) && !NAV_ITEMS.some((item) => item.href.length > href.length && item.href.startsWith(href) && within(pathname, item.href));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${current ? "bg-brand/10 font-medium text-brand-strong" : "text-ink hover:bg-canvas"}`}
    >
      {children}
    </Link>
  );
}
