"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const current = usePathname().startsWith(href);
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
