import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-line bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign out of Backstep?</h1>
        <p className="mb-6 mt-2 text-sm text-muted">On a shared computer, always sign out when you leave it.</p>
        <div className="flex items-center gap-4">
          <SignOutButton />
          <Link href="/" className="text-sm text-brand underline">
            Stay signed in
          </Link>
        </div>
      </div>
    </main>
  );
}
