import type { ReactNode } from "react";
import { getActor } from "@/lib/auth/session";
import { AppHeader } from "@/components/shell/app-header";

// The shell only decides what to draw; every page below checks the session and the row itself.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      {actor && <AppHeader actor={actor} />}
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        {children}
      </main>
    </>
  );
}
